"""Taiwan wording for the generator's own interface words (data page, download README, chart
tools, labels), applied after OpenCC like a report's vocabulary table.

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
    "列的約定": "欄位約定",
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
    "附屬記錄": "附屬紀錄",
    "每類記錄": "每類紀錄",
    "和取值": "和可用值",
}
_DOWNLOADS = {
    "壓縮包": "壓縮檔",
    "構建網站": "建置網站",
    "作了修改": "做了修改",
    # A licence is 授權 in Taiwan (CC BY 4.0 授權); 許可 reads as a permit.
    "許可": "授權",
    "Atom 訂閱源": "Atom 訂閱",
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
    "時間段": "期間",
    "戰略": "策略",
    "辦公協作": "企業協作",
}

TAIWAN = {**_TABLES, **_DOWNLOADS, **_CHART_TOOLS, **_LABELS}

# OpenCC config -> the interface vocabulary of the editions converted with it.
INTERFACE_VOCABULARY: dict[str, dict[str, str]] = {"s2twp": TAIWAN}


def interface_vocabulary(opencc_config: str | None) -> dict[str, str]:
    """OpenCC's word -> the edition's word, for the generator's interface words."""
    return dict(INTERFACE_VOCABULARY.get(opencc_config or "", {}))
