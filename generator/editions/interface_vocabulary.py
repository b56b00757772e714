"""Taiwan wording for the generator's own interface words (data page, download README, schema
descriptions, chart tools, labels) and for the commonest mainland news words s2twp leaves,
applied after OpenCC like a report's vocabulary table. The entries were decided by a Taiwan
copy read (CONTRIBUTING, 台湾审读清单); each group says why.

The generator writes these words once in Simplified Chinese for every report, so their Taiwan
forms live here rather than in each report's `data/glossary.yml`; a report's own vocabulary
entry for the same word wins. Keys are OpenCC `s2twp` output; entries are phrases long enough
not to catch a report's own text.
"""

from __future__ import annotations

# In Taiwan a table's 列 is a row and its 欄 a column: the reverse of mainland usage.
_TABLES = {
    "每行一條記錄": "每列一筆紀錄",
    "條記錄": "筆紀錄",
    "` 列": "` 欄",
    "列的約定": "欄位說明",
    "各檔案的列": "各檔案的欄位",
    "日期列為": "日期欄為",
    "兩列是": "兩欄是",
    "單元格": "儲存格",
    "列表": "清單",
    "標識": "識別碼",
    # A record as a noun is 紀錄 in Taiwan (記錄 is the verb); only the tables' own phrases.
    "其他記錄": "其他紀錄",
    "所屬記錄": "所屬紀錄",
    "記錄的": "紀錄的",
    "記錄類型": "紀錄類型",
    "裡的記錄": "裡的紀錄",
    "附屬記錄": "附屬紀錄",
    "每類記錄": "每類紀錄",
    "和取值": "和可用值",
}
_DOWNLOADS = {
    "壓縮包": "壓縮檔",
    "構建網站": "建置網站",
    "構建": "建置",
    "作了修改": "做了修改",
    # A licence is 授權 in Taiwan (CC BY 4.0 授權); 許可 reads as a permit.
    "許可": "授權",
    "Atom 訂閱源": "Atom 訂閱",
    # The bundle: Taiwan says 壓縮檔 for a zip; a CC licence's Taiwan deed says 重製、散布及改作.
    "打包下載": "壓縮檔下載",
    "打包檔案": "壓縮檔",
    "複製、發行和改編": "重製、散布及改作",
    # Schema descriptions: s2twp reads 代码 as source code (程式碼), 窗口 as a window on screen.
    "股票程式碼": "股票代號",
    "語言程式碼": "語言代碼",
    "時間視窗": "一段期間",
    "段落號": "段落編號",
    "連字元": "連字號",
    "記錄類型": "紀錄類型",
}
# plotly.js's tool bar and the chart tools, as Taiwan's Windows and macOS interfaces word them.
_CHART_TOOLS = {
    "懸停": "暫留",
    "拖動": "拖曳",
    "正在生成": "正在產生",
    "圖片已生成": "圖片已產生",
    "高管調動時間線": "高層人事異動時間軸",
    "高管調動": "高層異動",
}
_LABELS = {
    "內測": "內部測試",
    # Navigation and labels: 總覽 opens a Taiwan site; 涉及 reads as 涉及弊案 (implicated in).
    "概覽": "總覽",
    "涉及：": "相關：",
    # "-方" (party) is mainland officialese: the figure's origin, the product's maker.
    "估算方": "數字出處",
    "研發方": "開發者",
    "開發方": "開發者",
    # A product is 推出 (launched) in Taiwan's press; 上線 is for a site or service going live,
    # and reads wrong for a chip or a data set.
    "已上線": "已推出",
    "上線時間": "推出時間",
    "上線：": "推出：",
    # Products counted as apps: 應用 alone is mainland shorthand; Taiwan writes 應用程式.
    "AI對話應用": "AI聊天應用程式",
    # 字形 reads as typeface to a lay reader: the two editions are 簡體版 and 繁體版.
    "本頁和兩種字形的網站": "本頁與簡體版、繁體版網站",
    "文字也使用本版的字形": "文字也依本版的寫法（繁體中文、台灣用語）",
    "時間段": "期間",
    "戰略": "策略",
    "辦公協作": "企業協作",
}

# The commonest mainland news words s2twp leaves, as Taiwan's papers write them (never inside a
# quote of the source: vocabulary is not applied there).
_NEWS = {
    # A repost on a forum: 帖 is mainland forum slang, Taiwan writes 貼文.
    "轉載帖": "轉載貼文",
    # A securities firm's research report: 研報 is mainland shorthand (quotes keep it).
    "研報": "研究報告",
    # A mirror of a web page: s2twp writes the disk-image word 映象.
    "映象網站": "鏡像網站",
    "計劃": "計畫",
    "積累": "累積",
    "當前": "目前",
    "比拼": "較勁",
    "優勝劣汰": "汰弱留強",
    "儘快": "盡快",
    "迭代出": "推出",
    "表了態": "表態",
    "業務單元": "事業部門",
    "自研": "自行研發",
    "分管": "分別負責",
    "隻股票": "檔股票",
    "變現": "獲利",
}

TAIWAN = {**_TABLES, **_DOWNLOADS, **_CHART_TOOLS, **_LABELS, **_NEWS}

# OpenCC config -> the interface vocabulary of the editions converted with it.
INTERFACE_VOCABULARY: dict[str, dict[str, str]] = {"s2twp": TAIWAN}


def interface_vocabulary(opencc_config: str | None) -> dict[str, str]:
    """OpenCC's word -> the edition's word, for the generator's interface words."""
    return dict(INTERFACE_VOCABULARY.get(opencc_config or "", {}))
