"""Taiwan and Hong Kong wording for the generator's own interface words (data page, download
README, schema descriptions, chart tools, labels) and for the commonest mainland news words
s2twp and s2hk leave, applied after OpenCC like a report's vocabulary table. The Taiwan entries
were decided by a Taiwan copy read (CONTRIBUTING, 台湾审读清单); each group says why.

An entry that writes OpenCC's own word again records a decision to keep it where zhconv-rs
(`conversions`) writes otherwise, so a new report starts with no undecided word it did not write.
Entries listed in `*_GLYPHS` only change a character's form, so quotes of a source take them too.

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

# Words s2twp gets wrong in every news story, whoever writes it.
_NEWS_WORDS = {
    # 发布 (publish, announce, launch) is 發布 in Taiwan's press; s2twp's 釋出 is a software
    # release (發布會, 發布財報).
    "釋出": "發布",
    # 类型 (a kind of thing) is 類型; s2twp's 型別 is the programming term (data type).
    "型別": "類型",
    # 折合 (converted to, amounting to) keeps 折; s2twp writes 摺 (to fold).
    "摺合": "折合",
    # 消息 in news is a piece of news or a tip (消息人士); s2twp's 訊息 is a message.
    "訊息": "消息",
    # Taiwan's news says a platform's 用戶 (個人用戶); 使用者 reads as software documentation.
    "使用者": "用戶",
}
# Characters whose Taiwan form differs from the Ministry of Education form s2twp writes.
_TAIWAN_GLYPHS = {
    # Taiwan's press writes 平台、宣布、公布 (zhconv-rs too); 平臺、宣佈、公佈 read as old forms.
    "平臺": "平台",
    "宣佈": "宣布",
    "公佈": "公布",
    # A source's own words keep their glyphs only: 发布 there comes out 發佈, Taiwan's 發布.
    "發佈": "發布",
}
# s2twp's word, checked and kept where zhconv-rs writes the mainland word or another variant.
_TAIWAN_KEPT = {
    "資料": "資料",  # data: 資料 (訓練資料); zhconv-rs writes 數據
    "檔案": "檔案",  # a computer file; zhconv-rs keeps 文件
    "資訊": "資訊",  # information; zhconv-rs keeps 信息
    "程式碼": "程式碼",  # the embed code of a chart; zhconv-rs writes 代碼
    "位元組": "位元組",  # bytes (file sizes); zhconv-rs writes 字節
    "開啟": "開啟",  # to open a file or page; zhconv-rs keeps 打開
    "匯出": "匯出",  # to export data; zhconv-rs writes 導出
    "點選": "點選",  # to click, as Taiwan's web pages say; zhconv-rs writes 點擊
    "檢視": "檢視",  # to view (復原檢視); zhconv-rs keeps 查看、視圖
    "搜尋": "搜尋",  # to search; zhconv-rs keeps 搜索
    "剪貼簿": "剪貼簿",  # the clipboard in Taiwan's Windows and macOS; zhconv-rs writes 剪貼板
    "座標軸": "座標軸",  # a chart's axis in Taiwan's textbooks; zhconv-rs writes 坐標軸
    "影像": "影像",  # image (影像生成); zhconv-rs keeps 圖像, also fine
    "影片": "影片",  # video (影片生成); zhconv-rs keeps 視頻
    "複核": "複核",  # to check again; zhconv-rs's 覆核 is Hong Kong's word
    "裡": "裡",  # inside (資料裡); zhconv-rs keeps the mainland form 里
    "週": "週",  # a week (第一週); zhconv-rs keeps 周
}

TAIWAN = {
    **_TABLES,
    **_DOWNLOADS,
    **_CHART_TOOLS,
    **_LABELS,
    **_NEWS,
    **_NEWS_WORDS,
    **_TAIWAN_GLYPHS,
    **_TAIWAN_KEPT,
}

# Hong Kong's press and government write these forms; s2hk follows the 常用字字形表 or the
# mainland word.
_HONG_KONG_GLYPHS = {
    # Newspapers and government press releases write 說、閱、戶 (說明、訂閱、用戶).
    "説": "說",
    "閲": "閱",
    "户": "戶",
    # Government press releases write 發布、公布、宣布 (zhconv-rs too).
    "發佈": "發布",
    "公佈": "公布",
    "宣佈": "宣布",
}
_HONG_KONG_WORDS = {
    # 折合 (amounting to) keeps 折; s2hk writes 摺 (to fold).
    "摺合": "折合",
    # A web link is 連結 on Hong Kong's sites (相關連結); 鏈接 is the mainland word.
    "鏈接": "連結",
    # To check again is 覆核 in Hong Kong (覆核結果); 複核 is Taiwan's form.
    "複核": "覆核",
}
# s2hk's word, checked and kept where zhconv-rs writes otherwise.
_HONG_KONG_KEPT = {
    "芯片": "芯片",  # a chip: Hong Kong's press writes 芯片; zhconv-rs writes Taiwan's 晶片
    "裏": "裏",  # inside: Hong Kong's form; zhconv-rs keeps the mainland form 里
    "週": "週",  # a week (第一週); zhconv-rs keeps 周
    "座標軸": "座標軸",  # a chart's axis; zhconv-rs writes 坐標軸
}

HONG_KONG = {**_HONG_KONG_GLYPHS, **_HONG_KONG_WORDS, **_HONG_KONG_KEPT}

# OpenCC config -> the interface vocabulary of the editions converted with it.
INTERFACE_VOCABULARY: dict[str, dict[str, str]] = {"s2twp": TAIWAN, "s2hk": HONG_KONG}
# OpenCC config -> the entries of its vocabulary that only change a character's form.
INTERFACE_GLYPHS: dict[str, dict[str, str]] = {
    "s2twp": _TAIWAN_GLYPHS,
    "s2hk": _HONG_KONG_GLYPHS,
}


def interface_vocabulary(opencc_config: str | None, *, glyphs_only: bool = False) -> dict[str, str]:
    """OpenCC's word -> the edition's word, for the generator's interface words and the
    commonest news words (with `glyphs_only`, the entries quotes of a source take too)."""
    table = INTERFACE_GLYPHS if glyphs_only else INTERFACE_VOCABULARY
    return dict(table.get(opencc_config or "", {}))
