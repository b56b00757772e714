"""Every message a contributor can read, in Chinese and English, in one catalogue.

Each entry says what is wrong and what to type instead. Chinese is the default; `REPORT_LANG=en`
switches to English. Code never writes a message inline: it calls `say(key, **values)`, and a test
checks that every key has both texts with the same placeholders.
"""

from __future__ import annotations

import difflib
import os
import string
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """One message in both languages; `{name}` placeholders are filled by `say`."""

    zh: str
    en: str


CATALOGUE: dict[str, Text] = {
    # ---------------------------------------------------------------- reading the file
    "file-missing": Text(
        "文件不存在：请从 main 分支恢复这个文件。",
        "file is missing: restore it from the main branch",
    ),
    "file-unreadable": Text(
        "读不了这个文件（{reason}）：检查文件权限。",
        "cannot read file: {reason}",
    ),
    "file-too-big": Text(
        "文件有 {size} 字节，上限是 {limit} MB：把内容拆短一些。",
        "file is {size} bytes; the limit is {limit} MB",
    ),
    "file-not-utf8": Text(
        "文件不是 UTF-8 编码：在编辑器里用 UTF-8 重新保存（不要用 GBK/GB2312）。",
        "file is not valid UTF-8 text (save it as UTF-8)",
    ),
    "file-empty": Text(
        "文件是空的：第一行应写 '{top}:'，下面再逐条列出记录。",
        "file is empty; it must start with '{top}:'",
    ),
    # ---------------------------------------------------------------- typing slips (input methods)
    "slip-fullwidth-colon": Text(
        "字段名后面用了中文全角冒号“：”：YAML 只认英文冒号加空格。把 {wrong} 改成 {right}。",
        "full-width colon '：' after a field name: YAML needs an ASCII colon and a space. Change {wrong} to {right}",
    ),
    "slip-fullwidth-comma": Text(
        "方括号列表里用了中文全角逗号“，”：列表项之间要用英文逗号。把 {wrong} 改成 {right}。",
        "full-width comma '，' inside a [ ] list: items are separated by ASCII commas. Change {wrong} to {right}",
    ),
    "slip-fullwidth-hyphen": Text(
        "列表项前面用了全角减号“{char}”：YAML 的列表项以英文连字符 '-' 加空格开头。把 {wrong} 改成 {right}。",
        "full-width dash '{char}' starting a list item: use an ASCII '-' and a space. Change {wrong} to {right}",
    ),
    "slip-fullwidth-space": Text(
        "这里有一个全角空格（中文输入法的空格，U+3000）：YAML 的缩进和冒号后面只能用半角空格。把它换成普通空格。",
        "a full-width space (U+3000) where YAML needs an ordinary space: replace it with a plain space",
    ),
    "slip-smart-quote-key": Text(
        "字段名被中文引号“”‘’包住了：字段名不需要引号。把 {wrong} 改成 {right}。",
        "a field name inside curly quotes: field names need no quotes. Change {wrong} to {right}",
    ),
    "slip-smart-quote-value": Text(
        "值被中文引号包住了：YAML 只认英文引号，中文引号会成为值的一部分。把 {wrong} 改成 {right}。",
        "a value inside curly quotes: YAML only knows ASCII quotes, curly ones become part of the value. Change {wrong} to {right}",
    ),
    "slip-tab-indent": Text(
        "这一行用制表符（Tab）缩进：YAML 只能用空格缩进。把行首的 Tab 换成空格（和上下行对齐）。",
        "this line is indented with a tab: YAML indents with spaces only. Replace the tab with spaces",
    ),
    # ---------------------------------------------------------------- YAML syntax
    "yaml-mapping-values": Text(
        "这一行的冒号 YAML 读不懂：要么这一行的缩进和同级字段没对齐（检查行首空格数），要么值里有“: ”——那就给整个值加上英文单引号，例如 {example}。",
        "YAML cannot read the colon on this line: either its indentation does not line up with the fields beside it, or the value holds ': ' (then quote the whole value, e.g. {example})",
    ),
    "yaml-indent-deeper": Text(
        "这一行比第 {line} 行的字段“{key}”多缩进了 {extra} 格，YAML 把它当成了上一个值的延续：让这一行和“{key}”左对齐（如果第 {line} 行本身缩进不对，就改第 {line} 行，使同一条记录的字段对齐）。",
        "this line is indented {extra} column(s) past the field '{key}' on line {line}, so YAML reads it as the rest of that value: line it up with '{key}' (or fix line {line} if that is the one out of line)",
    ),
    "yaml-expected-colon": Text(
        "这一行应该是“字段名: 值”，却找不到英文冒号：检查是否漏了冒号、冒号后漏了空格，或缩进和上一行不一致。",
        "this line should be 'field: value' but has no ASCII colon: check for a missing colon, a missing space after it, or indentation that differs from the line above",
    ),
    "yaml-unclosed-quote": Text(
        "引号没有闭合：从这里开始的 {quote} 一直没有找到配对的 {quote}。在值的末尾补上 {quote}。",
        "unclosed quote: the {quote} opened here is never closed. Add {quote} at the end of the value",
    ),
    "yaml-bad-indent": Text(
        "缩进不对：这一行和上下文的层级对不上。同一级的字段或列表项（- ）必须左对齐，用空格缩进。",
        "wrong indentation: this line does not line up with its neighbours. Fields and list items (- ) of one level must start in the same column, indented with spaces",
    ),
    "yaml-tab": Text(
        "这里有制表符（Tab）：YAML 只能用空格缩进。把 Tab 换成空格。",
        "a tab character where YAML needs spaces: replace the tab with spaces",
    ),
    "yaml-unclosed-bracket": Text(
        "方括号或花括号没有闭合：检查 [ ] 和 {{ }} 是否成对，列表项之间用英文逗号分隔。",
        "a [ ] or {{ }} is not closed: check that brackets come in pairs and items are separated by ASCII commas",
    ),
    "yaml-other": Text(
        "YAML 格式错误（{detail}）：对照上下几行检查缩进、冒号和引号。",
        "YAML syntax error: {detail}",
    ),
    "yaml-alias": Text(
        "不允许使用 YAML 别名（*名称）：把值完整地写出来。",
        "YAML aliases (*name) are not allowed; write the value out",
    ),
    "yaml-anchor": Text(
        "不允许使用 YAML 锚点（&名称）：删掉 &名称，把值完整地写出来。",
        "YAML anchors (&name) are not allowed; write the value out",
    ),
    "yaml-tag": Text(
        "不允许使用 YAML 标签 {tag}：删掉它，只写值本身（文字要加引号时用英文单引号）。",
        "YAML tag {tag} is not allowed; write the plain value",
    ),
    "yaml-merge-key": Text(
        "不允许使用 YAML 合并键（<<）：把字段逐个写出来。",
        "YAML merge keys (<<) are not allowed; write the fields out",
    ),
    "yaml-key-not-plain": Text(
        "字段名必须是简单的英文单词：不能是列表或字段组。",
        "mapping keys must be plain words",
    ),
    "yaml-duplicate-key": Text(
        "字段 '{key}' 写了两次（第一次在第 {line} 行）：删掉其中一个。",
        "duplicate key '{key}' (first given on line {line}); keep one",
    ),
    "yaml-too-deep": Text(
        "嵌套超过 {limit} 层：数据文件不需要这么深的结构，检查缩进和括号。",
        "nested deeper than {limit} levels",
    ),
    "yaml-control-char": Text(
        "文件里有不可见的控制字符 U+{code}：删掉它（常见于从网页或文档复制来的文字）。",
        "control character U+{code} is not allowed in YAML; delete it",
    ),
    "yaml-two-documents": Text(
        "一个文件里只能有一份数据：删掉 '---' 分隔线及其后面的第二份内容。",
        "a data file holds one document: remove the '---' line and what follows it",
    ),
    "yaml-unsupported": Text(
        "读不懂的 YAML 结构：只用字段、列表和值。",
        "unsupported YAML node",
    ),
    # ---------------------------------------------------------------- fields and types
    "unknown-field": Text(
        "没有 '{name}' 这个字段。{hint}",
        "unknown field '{name}'. {hint}",
    ),
    "missing-field": Text(
        "缺少必填字段：加上 '{name}: ...'。",
        "required field is missing: add '{name}: ...'",
    ),
    "expected-text": Text(
        "这里应该是文字，却是{got}。",
        "expected text, got {got}",
    ),
    "number-needs-quotes": Text(
        "这里应该是文字，但不加引号的 {raw} 会被当成数字：加上英文单引号，写成 {fix}。",
        "expected text, but {raw} without quotes reads as a number: quote it, {fix}",
    ),
    "bool-needs-quotes": Text(
        "这里应该是文字，但不加引号的 {raw} 会被当成“是/否”：加上英文单引号，写成 {fix}。",
        "expected text, but {raw} without quotes reads as true/false: quote it, {fix}",
    ),
    "expected-whole-number": Text(
        "这里应该是整数，却是 {value}：去掉小数部分。",
        "expected a whole number, got {value}",
    ),
    "expected-number": Text(
        "这里应该是数字，却是{got}：只写阿拉伯数字（如 156.98），不加引号和单位。",
        "expected a number, got {got}: write digits only (e.g. 156.98), no quotes or unit",
    ),
    "expected-bool": Text(
        "这里应该是 true 或 false，却是{got}：写 true 或 false，不加引号。",
        "expected true or false, got {got}",
    ),
    "expected-list": Text(
        "这里应该是列表，却是{got}：写成 [甲, 乙] 或每项一行、以“- ”开头。",
        "expected a list, got {got}: write [a, b] or one '- ' item per line",
    ),
    "expected-mapping": Text(
        "这里应该是一组字段（字段名: 值），却是{got}。",
        "expected a mapping of fields, got {got}",
    ),
    "bad-id": Text(
        "'{value}' 不能当 id：只用小写英文字母、数字和连字符，例如 wang-xiaoming。{hint}",
        "'{value}' is not an id: use lower-case ASCII words joined by hyphens (e.g. wang-xiaoming). {hint}",
    ),
    "bad-color": Text(
        "'{value}' 不是颜色：写成 '#' 加六位十六进制数字，并加引号，例如 '#00897b'。",
        "'{value}' is not a colour: write '#' and six hex digits, quoted, e.g. '#00897b'",
    ),
    "markup-characters": Text(
        "'{value}' 里不能有 Markdown 或 HTML 符号（< > & 引号 括号 * _ # | ! ~ = :）：删掉这些符号。",
        "'{value}' may not contain Markdown or HTML characters (< > & quotes brackets * _ # | ! ~ = :)",
    ),
    "too-short": Text(
        "至少要有 {count} 项：补上缺的内容。",
        "needs at least {count} item(s)",
    ),
    "too-long": Text(
        "太长了（上限 {count}）：写短一些。",
        "too long (the limit is {count})",
    ),
    "empty-text": Text(
        "不能是空的：写上内容，或者删掉这个字段。",
        "may not be empty: write something or remove the field",
    ),
    "at-least": Text(
        "必须大于或等于 {limit}，现在是 {value}。",
        "must be at least {limit}, got {value}",
    ),
    "more-than": Text(
        "必须大于 {limit}，现在是 {value}。",
        "must be more than {limit}, got {value}",
    ),
    "not-allowed-value": Text(
        "'{value}' 不在可选范围内，可选：{allowed}。{hint}",
        "'{value}' is not allowed here; expected {allowed}. {hint}",
    ),
    "invalid-value": Text(
        "取值不对：{detail}",
        "invalid value: {detail}",
    ),
    "web-url": Text(
        "网址只能以 http:// 或 https:// 开头，且不含空格和引号：从浏览器地址栏复制完整网址。",
        "only http:// or https:// addresses without spaces or quotes are allowed",
    ),
    # ---------------------------------------------------------------- dates
    "date-not-edtf": Text(
        "'{text}' 不是认得的日期写法：用 '2024-02-09'（日）、2023-11（月）、2023-34（季度）、'2023'（年，要加引号）。",
        "'{text}' is not an EDTF date (use 2024-02-09, 2023-11, 2023-34, 2023)",
    ),
    "date-year-zero": Text(
        "'{text}' 的年份是 0：公元纪年从 0001 年开始，检查年份。",
        "'{text}' has no year 0 (the calendar starts at 0001)",
    ),
    "date-no-month": Text(
        "'{text}' 里没有 {number} 月：月份只能是 01 到 12。",
        "'{text}' has no month {number}",
    ),
    "date-no-day": Text(
        "'{text}' 这一天不存在：检查这个月有几天（闰年的 2 月才有 29 日）。",
        "'{text}' is not a day of the calendar",
    ),
    "date-no-period": Text(
        "'{text}' 里的 {number} 既不是月份也不是时段：月份 01–12，季度 33–36，半年 40–41。",
        "'{text}' has no month or period {number} (months 01-12, quarters 33-36, halves 40-41)",
    ),
    "date-open-both": Text(
        "'{text}' 两头都是开放的：至少写出一端，例如 ../2023-33（不晚于）。",
        "'{text}' is open at both ends",
    ),
    "date-reversed": Text(
        "'{text}' 结束早于开始：把较早的日期写在 / 前面。",
        "'{text}' ends before it starts",
    ),
    # ---------------------------------------------------------------- derived figures
    "formula-character": Text(
        "公式里不能有 '{char}'：只写数字的 id、数字（可带单位，如 720小时/月；30% 即 0.3）、括号和 + − × ÷。",
        "the formula cannot hold '{char}': write figure ids, numbers (with units), brackets and + − × ÷",
    ),
    "unit-has-scale": Text(
        "单位 '{unit}' 开头的“{scale}”是量级词：量级另写在 scale 里，改成 scale: {scale} 和 unit: {rest}。",
        "the unit '{unit}' begins with the scale word '{scale}': write scale: {scale} and unit: {rest}",
    ),
    "unit-scale-twice": Text(
        "量级写了两次：scale 是“{scale}”，单位 '{unit}' 开头又有量级词，页面上会显示成两个量级。单位只写 {rest}，量级只写在 scale 里。",
        "the scale is written twice: scale is '{scale}' and the unit '{unit}' begins with a scale word; write unit: {rest}",
    ),
    "formula-incomplete": Text(
        "公式没写完：运算符后面要跟一个数字、id 或括号。",
        "the formula ends too early: an operator needs something after it",
    ),
    "formula-bracket": Text(
        "公式的括号没有配对：每个 ( 都要有一个 )。",
        "unbalanced brackets: close every (",
    ),
    "formula-unexpected": Text(
        "公式在 '{token}' 处读不下去：两个数之间要有 + − × ÷。",
        "unexpected '{token}' in the formula: put + − × ÷ between values",
    ),
    "formula-zero": Text(
        "公式除以零：检查 ÷ 后面的数。",
        "the formula divides by zero",
    ),
    "formula-unknown-id": Text(
        "公式用到的 '{id}' 不在 inputs 里：把它加进 inputs，或改成 inputs 里的 id。",
        "'{id}' is not among the inputs: add it to inputs or use an input's id",
    ),
    "formula-input-unused": Text(
        "inputs 里的 '{id}' 公式没有用到：从 inputs 删掉，或在 formula 里用上它。",
        "input '{id}' is not used by the formula: remove it or use it",
    ),
    "focus-line-without-focus": Text(
        "有产品标了 focus_line: true，但 report.yml 没写 focus：在 report.yml 里写上报道聚焦的机构 id。",
        "a product has focus_line: true but report.yml names no focus organization",
    ),
    "unknown-category": Text(
        "'{value}' 不是可用的{group}：可用的有 {allowed}。{hint}"
        "要用新的类型，先在 {file} 的 report.categories.{name} 里声明它和读者看到的用词，"
        "例如 {example}。",
        "'{value}' is not a known {group}: the codes are {allowed}. {hint}"
        "To use a new one, first declare it with its word for readers in {file} under "
        "report.categories.{name}, e.g. {example}",
    ),
    "report-page-unknown": Text(
        "没有叫 '{page}' 的页面或图表：这里可用的有 {options}。",
        "there is no page or chart '{page}' here: the names are {options}",
    ),
    "about-twice": Text(
        "{ref} 显示的数值本身已带“约”（{value}），前面的“{before}”会让页面读成“{before}约…”：删去“{before}”里的“约”（“约为”改成“为”）。",
        "{ref} already says 'about' ({value}); the '{before}' before it would double it: remove that 约",
    ),
    "nav-needs-page": Text(
        "nav 里少了 {page} 页：{why}。在 nav 里加一行 - {page}。",
        "nav leaves out the {page} page ({why}): add a line - {page}",
    ),
    "nav-why-sources": Text("每条引用都链接到来源页", "every citation links to it"),
    "nav-why-changes": Text(
        "更正过的记录和订阅源都链接到更正与修订页", "corrections and the feed link to it"
    ),
    "nav-twice": Text(
        "导航写了两处：{report} 有 nav，mkdocs.yml 第 {line} 行也有 nav。只留 {report} 的：删去 mkdocs.yml 里的 nav 整段。",
        "the navigation is written twice: {report} has a nav and so has mkdocs.yml (line {line}): keep the one in {report} and delete mkdocs.yml's nav",
    ),
    # ---------------------------------------------------------------- references and rules
    "duplicate-id": Text(
        "id '{id}' 已经被 {first} 用过了{base}：给这条记录换一个没人用过的 id，例如 {example}。",
        "duplicate id '{id}' (first used at {first}){base}: give this record an unused id, e.g. {example}",
    ),
    "duplicate-id-base": Text(
        "（那条记录在 {base} 上就有）",
        " (that record is already on {base})",
    ),
    "unknown-reference": Text(
        "找不到{kinds} '{value}'。{hint}",
        "unknown {kinds} '{value}'. {hint}",
    ),
    "reference-wrong-kind": Text(
        "'{value}' 是{found}，这里要的是{kinds}：换成一个{kinds}的 id。",
        "'{value}' is a {found}, not a {kinds}: use the id of a {kinds}",
    ),
    "did-you-mean": Text(
        "是不是想写 {options}？",
        "Did you mean {options}?",
    ),
    "no-suggestion-id": Text(
        "检查拼写，或者先在 {file} 里加上这条记录。",
        "Check the spelling, or add the record to {file} first.",
    ),
    "no-suggestion-field": Text(
        "可用的字段有 {options}。",
        "The fields are {options}.",
    ),
    "no-paragraph": Text(
        "来源 '{source}' 没有第 {paragraph} 段（它共有 {count} 段）：改成 1 到 {count} 之间、真正说了这件事的段落号。",
        "source '{source}' has no paragraph {paragraph} (it has {count})",
    ),
    "paragraph-order": Text(
        "段落必须按 1、2、3……依次编号：这里应该是 {expected}。",
        "paragraphs must be numbered 1, 2, 3, ... in order; expected {expected}",
    ),
    "role-ends-before-start": Text(
        "职位的结束日期（{end}）早于开始日期（{start}）：检查两个日期是否写反了。",
        "role ends ({end}) before it starts ({start})",
    ),
    "role-of-another-person": Text(
        "职位 '{role}' 属于另一个人：变动只能指向本人 roles 里的职位。",
        "role '{role}' belongs to another person",
    ),
    "source-no-address": Text(
        "来源既没有网址，也没有存档说明：加上 url:（原文网址）或 archive_url:（存档副本网址）；"
        "两者都没有时，加上 archive_note:，写明所读副本保存在哪里、为什么没有网址。",
        "a source needs url, archive_url or, when there is neither, an archive_note saying where"
        " the copy read is kept",
    ),
    "move-needs-role": Text(
        "人事变动至少要写 from_role（原职位）或 to_role（新职位）之一。",
        "a move needs from_role, to_role or both",
    ),
    # ---------------------------------------------------------------- grounding in the sources
    "quote-missing": Text(
        "缺少引语：加上 quote:，照抄第 {paragraph} 段里承载这条事实的原话（少于 16 个汉字）。",
        "quote is missing: add quote: with the words of paragraph {paragraph} that carry this fact (fewer than 16 Chinese characters)",
    ),
    "quote-too-long": Text(
        "引语有 {count} 个汉字，要少于 16 个（不照搬原文的规定）：只抄承载这条事实的那几个字。",
        "quote has {count} Chinese characters; keep it under 16 (the no-copy rule): quote only the words that carry the fact",
    ),
    "quote-too-short": Text(
        "引语 '{quote}' 太短，无法核对：至少抄 {minimum} 个字（汉字、字母或数字）；段落本身更短时，抄整段。",
        "quote '{quote}' is too short to verify; quote at least {minimum} characters (letters, digits or Chinese characters), or the whole paragraph when it is shorter",
    ),
    "quote-not-found": Text(
        "引语 '{quote}' 不在来源 '{source}' 的第 {paragraph} 段里{elsewhere}：照原文一字不改地抄。",
        "quote '{quote}' is not in paragraph {paragraph} of '{source}'{elsewhere}; copy the words exactly as the source writes them",
    ),
    "quote-elsewhere": Text(
        "（它在第 {paragraphs} 段：改引那一段）",
        " (it is in paragraph {paragraphs}: cite that one)",
    ),
    "no-fingerprint": Text(
        "来源 '{source}' 没有指纹（{path}）：用存档的原文生成：{command} {source} 存档.txt --lines 起-止",
        "source '{source}' has no fingerprint ({path}); make it from the archived copy with: {command} {source} COPY.txt --lines FIRST-LAST",
    ),
    "not-a-fingerprint": Text(
        "这不是指纹文件：重新生成它。",
        "not a fingerprint file; regenerate it",
    ),
    "fingerprint-count": Text(
        "指纹有 {printed} 段，来源却列了 {listed} 段：重新生成指纹，或改正段落列表。",
        "the fingerprint has {printed} paragraphs but the source lists {listed}; regenerate it or fix the paragraph list",
    ),
    "hedged": Text(
        "第 {paragraph} 段的引语处在传闻用语（'{hedge}'）之下，所以 attribution 不能是 '{attribution}'：改成 insider（或 author、denied）。",
        "the quote from paragraph {paragraph} stands under a hedge ('{hedge}'), so attribution cannot be '{attribution}': use insider (or author, denied)",
    ),
    "hedged-official": Text(
        "第 {paragraph} 段带有传闻用语（'{hedge}'），所以 attribution 不能是 'official'：改成 reported、insider 或 denied，或者引一段没有传闻用语的。",
        "paragraph {paragraph} carries a hedge ('{hedge}'), so attribution cannot be 'official': use reported, insider or denied, or cite a paragraph without hearsay",
    ),
    "unnamed": Text(
        "没有一句引语提到 '{name}'：引用来源写出它名字的那句话，或者把来源用的写法加进 aliases。",
        "no quote names '{name}': quote the words where the source names it, or add the form the source uses to aliases",
    ),
    "number-not-written": Text(
        "所引段落里没有写 {number}（它们写的是：{written}）：引用写了这个数字的段落，或者删掉这个数字。",
        "{number} is not written in the cited paragraphs (they give: {written}): cite the paragraph that gives it, or leave the number out",
    ),
    "inferred-field": Text(
        "'{field}' 不是这条记录写了的日期、国别或关系字段：inferred 里只能列这些字段。",
        "'{field}' is not a date, place or link this record gives; inferred lists only those",
    ),
    "date-too-precise": Text(
        "日期 '{value}' 没有写在所引原文里，或者比原文更精确（原文写的是：{written}）：改正它、写得粗一些，或者加上 inferred: {{{field}: 可以这样推断的理由}}。",
        "date '{value}' is not written in the cited text, or more precise than it (the text gives: {written}): correct it or make it less precise, or add inferred: {{{field}: why it can be inferred}}",
    ),
    "unstated-country": Text(
        "国别 '{value}' 没有出处：引语里要有同一段既写出这家机构名字、又写出它在哪里的话（如“国内”“硅谷”）。"
        "原文没有说的写 unknown；确实能从上下文推出的，加上 inferred: {{country: 推断理由}}。",
        "country '{value}' has no source: quote, from one paragraph, words that name the organization"
        " and words that place it; write unknown where the text does not say, or add inferred:"
        " {{country: why}}",
    ),
    "unstated-parent": Text(
        "上级机构 '{value}' 没有出处：要引同一段里既写出这个机构、又写出上级机构名字的话。"
        "原文没有说的就删掉 parent；能从上下文推出的，加上 inferred: {{parent: 推断理由}}。",
        "parent '{value}' has no source: quote, from one paragraph, words naming both; remove parent"
        " where the text does not say, or add inferred: {{parent: why}}",
    ),
    "unstated-maker": Text(
        "研发方 '{value}' 没有出处：要引同一段里既写出这个产品、又写出研发方名字的话。"
        "原文没有说是谁做的就删掉 maker；能从上下文推出的，加上 inferred: {{maker: 推断理由}}。",
        "maker '{value}' has no source: quote, from one paragraph, words naming both the product and"
        " its maker; remove maker where the text does not say, or add inferred: {{maker: why}}",
    ),
    "unstated-involves": Text(
        "'{value}' 没有出处说它与这件事有关：引一句写出它名字的原文（没有名字的数字、事件要引同一段），"
        "或者从 involves 里删掉它；能从上下文推出的，加上 inferred: {{involves: 推断理由}}。",
        "nothing cited says '{value}' is involved: quote words that name it (a figure or event: cite"
        " a paragraph it cites), or remove it from involves, or add inferred: {{involves: why}}",
    ),
    "unstated-target": Text(
        "关系的另一端 '{value}' 没有出处：这条关系的引语要写出它的名字；原文没有说的就删掉这条关系，"
        "能从上下文推出的，在这条关系里加上 inferred: {{target: 推断理由}}。",
        "nothing this relation cites names '{value}': quote words that name it, remove the relation,"
        " or add inferred: {{target: why}} to it",
    ),
    "note-number-unsourced": Text(
        "编者注里的 {number} 没有来源：它既不在所引段落里，也不是前面的算式算出来的，又不是时间、计数的换算单位。"
        "给它引一个写了它的来源段落；没有来源的数字不能拿来判断哪种说法更可能，只能在算式里从有来源的数字算出来。",
        "{number} in this editor's note has no source: it is not written in the cited paragraphs, not"
        " a result of an earlier step and not a unit conversion. Cite a paragraph that gives it; a"
        " number the site has no source for cannot decide which reading is likelier",
    ),
    "date-year-inferred": Text(
        "日期 '{value}' 的年份原文没有写（原文写的是：{written}）：“2月9日”“去年11月”的年份是从发稿或转载日期推出来的，"
        "要写明：加上 inferred: {{{field}: 年份从哪里推出，例如“文中只写3月9日；转载帖发于2024年3月10日，年份按2024年计”}}。",
        "the year of date '{value}' is not written in the cited text (it gives: {written}): a year read"
        " from the publication or copy date ('2月9日', '去年11月') is an inference; add inferred:"
        " {{{field}: where the year comes from}}",
    ),
    # ---------------------------------------------------------------- script hygiene
    "traditional-character": Text(
        "“{char}”是繁体字，简体数据里应写作“{simplified}”（第 {index} 个字）：把 {wrong} 改成 {right}（繁体版会自动转换）",
        "'{char}' is a Traditional character; Simplified data writes '{simplified}' (character {index}): change {wrong} to {right} (the Traditional edition converts automatically)",
    ),
    "control-character-in-text": Text(
        "文字里有看不见的{name}（U+{code}，第 {index} 个字）：删掉它，需要分隔时用空格。",
        "the text holds an invisible {name} (U+{code}, character {index}): delete it, use a space to separate words",
    ),
    "name-tab": Text("制表符 Tab", "tab"),
    "name-control": Text("控制字符", "control character"),
    # ---------------------------------------------------------------- Markdown references
    "unknown-block": Text(
        "没有 '{name}' 这个区块。{hint}",
        "unknown block '{name}'. {hint}",
    ),
    "unknown-fact-id": Text(
        "找不到 id 为 '{id}' 的事实。{hint}",
        "unknown fact id '{id}'. {hint}",
    ),
    "no-field-to-show": Text(
        "'{id}' 没有可显示的字段 '{field}'：可用 {options}。",
        "'{id}' has no field '{field}' to show (use one of: {options})",
    ),
    "needs-field": Text(
        "'{id}' 不能单独显示：写成 {{{{ {id}.字段 }}}}。",
        "'{id}' cannot be shown on its own; name a field",
    ),
    # ---------------------------------------------------------------- summaries
    "report-summary": Text(
        "数据里共有 {count} 处问题，这次什么都没有生成。改好后再运行 {command}。",
        "{count} problem(s) in the data; nothing was built. Fix them and run {command} again.",
    ),
    "report-summary-pages": Text(
        "页面里共有 {count} 处问题，这次什么都没有生成。改好后再运行 {command}。",
        "{count} problem(s) in the pages; nothing was built. Fix them and run {command} again.",
    ),
    "report-summary-both": Text(
        "数据里有 {data} 处问题，页面里有 {pages} 处问题，这次什么都没有生成。改好后再运行 {command}。",
        "{data} problem(s) in the data and {pages} in the pages; nothing was built. Fix them and"
        " run {command} again.",
    ),
    "schema-stale": Text(
        "Schema 已过期：{files}。运行 {command} 重新生成。",
        "schema out of date: {files} (run: {command})",
    ),
    "diff-title": Text("事实变化：{base} → {head}", "Fact changes: {base} → {head}"),
    "diff-summary": Text(
        "新增 {added}，删除 {removed}，改名 {renamed}，修改 {changed}",
        "{added} added, {removed} removed, {renamed} renamed, {changed} changed",
    ),
    "diff-base-broken": Text(
        "基准版本 {base} 的数据读不进来：\n{report}",
        "The data at the base revision {base} does not load:\n{report}",
    ),
    "diff-head-broken": Text(
        "{head} 的数据读不进来：\n{report}",
        "The data at {head} does not load:\n{report}",
    ),
    "unknown-revision": Text(
        "找不到 git 版本 '{revision}'：检查分支名，或先运行 git fetch。",
        "unknown revision '{revision}'",
    ),
    "review-not-in-git": Text(
        "{command} 要读 git 里的历史，但 {data} 不在 git 仓库里：到报道的 git 仓库里运行；"
        "新报道先在它的文件夹里运行 git init，再 git add . 和 git commit 提交一次。",
        "{command} reads the data's git history, but {data} is not in a git repository: run it"
        " in the report's repository (a new report: git init, git add . and git commit first)",
    ),
    "review-git-failed": Text(
        "{command} 读 git 历史时出错（{reason}）：用 git log 查看有哪些版本，"
        "或先运行 git fetch 取回分支，再运行一次。",
        "{command} could not read the git history ({reason}): check the revision with git log,"
        " or run git fetch first",
    ),
    "preview-event-missing": Text(
        "找不到事件文件 {file}：pr-comment 读的是 GitHub 记录的 pull_request 事件，"
        "在工作流里写 $GITHUB_EVENT_PATH。",
        "event file {file} not found: pr-comment reads the pull_request event GitHub records"
        " ($GITHUB_EVENT_PATH in a workflow)",
    ),
    "preview-event-unreadable": Text(
        "{file} 不是 pull_request 事件（读不出 JSON 里的 pull_request.number、base 和 head）："
        "在工作流里写 $GITHUB_EVENT_PATH，并只在 pull_request 触发的工作流里运行 pr-comment。",
        "{file} is no pull_request event (no pull_request.number, base and head in its JSON):"
        " pass $GITHUB_EVENT_PATH, in a workflow run by pull_request",
    ),
    "diff-none": Text("没有事实变化。", "No fact changed."),
    "engine-unknown": Text(
        "SITE_ENGINE={engine} 不是本项目能用的网站引擎；可用的有 {engines}（不设则用 mkdocs）",
        "SITE_ENGINE={engine} is not a site engine this project runs on; use one of {engines}"
        " (unset: mkdocs)",
    ),
    "site-config-broken": Text(
        "{file} 有误（原因见上一行）：改好后再运行",
        "{file} is not valid (the line above says why): fix it and run again",
    ),
    "editions-lang-missing": Text(
        "用了 --opencc {opencc}，还要用 --lang 写出这个版本的语言代码（例如 --lang zh-Hant），"
        "与 mkdocs.yml 的 editions 里写的一致",
        "--opencc {opencc} needs --lang with the edition's language code (e.g. --lang zh-Hant),"
        " as mkdocs.yml's editions write it",
    ),
    "editions-unknown": Text(
        "找不到 {file}：审阅哪些版本的繁体写法，要从它的 editions 读取。请在报道的文件夹里运行，"
        "或用 --config-file 指明它，或用 --opencc 和 --lang 指明要审阅的版本",
        "{file} not found: the editions to review are read from its editions. Run this in the"
        " report's folder, name it with --config-file, or name the edition with --opencc and"
        " --lang",
    ),
    "review-needs-zhconv": Text(
        "conversions 要用第二个转换器 zhconv-rs 复核繁体写法，但它没有安装：在项目文件夹里运行"
        " {install} 安装后再试（构建网站不需要它）",
        "conversions checks the Traditional wording with a second converter, zhconv-rs, which is"
        " not installed: run {install} in the project folder, then try again (building the site"
        " does not need it)",
    ),
    "review-more-places": Text("（另有 {count} 处）", " (+{count} more)"),
    "diff-parent": Text("（属于{kind} {id}）", " (in {kind} {id})"),
    "diff-table-head": Text("| 字段 | 原来 | 现在 |", "| field | before | after |"),
    "diff-gist": Text(
        "出处 {source} 第 {paragraph} 段说：{gist}",
        "cites {source} ¶{paragraph}: {gist}",
    ),
    "diff-hant": Text("{field} 的繁体（{lang}）：{text}", "{field} in {lang}: {text}"),
    "diff-conversions": Text("繁体转换审核（{lang}）", "Conversion review ({lang})"),
    "preview-title": Text(
        "拉取请求 #{number} 的预览（提交 {head}）",
        "Preview of pull request #{number} (commit {head})",
    ),
    "preview-artifact": Text(
        "整个网站已经构建好，并作为构件 `site-preview-{number}` 上传{where}。下载解压后，用浏览器打开下表中的文件即可查看简体和繁体两个版本。",
        "The whole site is built and uploaded as the artifact `site-preview-{number}`{where}. Download and unzip it, then open the files below in a browser to see both scripts.",
    ),
    "preview-artifact-link": Text("（下载）", " (download)"),
    "preview-no-site": Text(
        "网站没有构建成功，所以没有预览：先看持续集成日志里构建网站那一步的错误信息。",
        "The site did not build, so there is no preview: see the build step in the CI log.",
    ),
    "preview-pages": Text("改动的页面", "Changed pages"),
    "preview-page": Text("页面", "page"),
    "preview-no-pages": Text("没有页面的文字发生变化。", "No page's text changed."),
    "preview-conversions": Text(
        "新文字的繁体转换（请逐条核对）",
        "Traditional conversion of the new text (check each line)",
    ),
    "preview-no-conversions": Text(
        "新增或修改的文字里没有需要转换的字词。",
        "The new or changed text has nothing to convert.",
    ),
    "preview-diff": Text("事实差异", "Fact diff"),
    "preview-truncated": Text(
        "（内容太长，后面的部分省略了；完整内容见持续集成的运行摘要。）",
        "(Too long: the rest is cut; the CI run summary has all of it.)",
    ),
    "conversions-summary": Text(
        "共 {count} 种转换：词表 {glossary} 处，用语表 {vocabulary} 处，词语 {phrase} 处，逐字 {char} 处。",
        "{count} distinct changes: {glossary} glossary, {vocabulary} vocabulary, {phrase} phrase,"
        " {char} character",
    ),
    "conversions-second-opinion": Text(
        "zhconv-rs 有 {count} 个词写法不同：{decided} 个已由词表裁决，{differs} 个还待裁决（differs）。",
        "zhconv-rs disagrees on {count} distinct words: {decided} decided, {differs} still to"
        " decide (differs)",
    ),
    "guide-stale": Text(
        "{file} 里生成的表格已过期：运行 {command} 重新生成。",
        "the generated tables of {file} are out of date (run: {command})",
    ),
    "schema-file-stale": Text(
        "{file} 已过期：运行 {command} 重新生成。",
        "{file} is out of date (run: {command})",
    ),
    "new-not-empty": Text(
        "{folder} 已经存在且不是空文件夹：换一个新文件夹名，或先把里面的文件移走。",
        "{folder} exists and is not empty: name a new folder",
    ),
    "new-written": Text(
        "新报道已写入 {folder}/（{count} 个文件），它的 README.md 写着从文章到发布的每一步：\n"
        "  1. 建立 git 仓库，提交第一次：cd {folder} && git init && git add . && git commit -m 开始新报道\n"
        "  2. 在 data/sources.yml 登记来源，为它生成指纹：{python} -m generator fingerprint 来源id 原文.txt --lines 1-40\n"
        "  3. 把事实逐条写进 data/，删掉示例记录（id 以 sample- 开头）\n"
        "  4. 检查：{python} -m generator check\n"
        "  5. 预览：{mkdocs} serve\n"
        "  6. 发布：SITE_URL={site_url} {python} -m generator build，再把 site/ 上传到你的网站",
        "wrote a new report to {folder}/ ({count} files); its README.md walks from article to"
        " published:\n"
        "  1. start its history: cd {folder} && git init && git add . && git commit -m start\n"
        "  2. list your source in data/sources.yml and fingerprint it:"
        " {python} -m generator fingerprint SOURCE COPY.txt --lines 1-40\n"
        "  3. write the facts into data/ and remove the sample records (ids starting sample-)\n"
        "  4. check: {python} -m generator check\n"
        "  5. preview: {mkdocs} serve\n"
        "  6. publish: SITE_URL={site_url} {python} -m generator build, then upload site/",
    ),
    "new-samples-left": Text(
        "注意：没有给出 {flags}，mkdocs.yml 里留下的是示例值（{values}）。发布构建会拒绝示例值："
        "发布前在 mkdocs.yml 里改掉它们，或删掉这个文件夹，带上这些参数重新运行 new。",
        "note: {flags} not given: mkdocs.yml keeps the sample values ({values}). A publishing build"
        " refuses them: change them in mkdocs.yml, or run new again with these flags",
    ),
    "new-ask-name": Text("网站名称（示例：{sample}）：", "site name (sample: {sample}):"),
    "new-ask-author": Text(
        "作者或编写团队（示例：{sample}）：", "author or team (sample: {sample}): "
    ),
    "new-ask-key": Text(
        "引用键，小写字母、数字和连字符，也是数据包的文件名（示例：{sample}）：",
        "citation key: lower-case letters, digits and hyphens (sample: {sample}): ",
    ),
    "new-ask-url": Text(
        "网站发布后的网址（示例：{sample}）：",
        "the address the site is published at (sample: {sample}): ",
    ),
    "new-ask-editions": Text(
        "版本，用逗号分隔，第一个是简体（网站根目录），可选 {choices}（默认：{sample}）：",
        "editions, comma-separated, Simplified (the site root) first; one of {choices}"
        " (default: {sample}): ",
    ),
    "new-bad-edition": Text(
        "不认识的版本 '{lang}'：--editions 用逗号分隔，可选 {choices}，例如 --editions zh-Hans,zh-HK。",
        "unknown edition '{lang}': --editions takes a comma-separated list of {choices}, e.g."
        " --editions zh-Hans,zh-HK",
    ),
    "new-edition-twice": Text(
        "--editions {editions} 里有重复的版本：每个版本只写一次。",
        "--editions {editions} names an edition twice",
    ),
    "new-edition-root": Text(
        "--editions {editions}：第一个版本必须是简体 zh-Hans（网站根目录，和原文同一种字），"
        "后面的才是转换出来的繁体版本，例如 --editions zh-Hans,zh-Hant。",
        "--editions {editions}: the first must be zh-Hans (the site root, as the source is"
        " written), the converted editions after it, e.g. --editions zh-Hans,zh-Hant",
    ),
    "new-bad-url": Text(
        "网址 '{url}' 不对：写完整的网址，以 https:// 开头，例如 https://example.org/report/。",
        "'{url}' is no address: write it whole, starting https://, e.g. https://example.org/report/",
    ),
    "new-bad-key": Text(
        "引用键 '{key}' 不能用：只用小写字母、数字和连字符（-），例如 chip-results-2025。",
        "citation key '{key}': use lower-case letters, digits and hyphens only, e.g."
        " chip-results-2025",
    ),
    "new-description": Text(
        "{name}。每条事实都注明来源、段落和归属。",
        "{name}: every fact names its source, paragraph and who asserts it.",
    ),
    "publish-refused": Text(
        "发布构建停下了，什么都没有生成：{problems}。",
        "publishing build stopped, nothing was built: {problems}",
    ),
    "publish-sample-value": Text(
        "mkdocs.yml 的 {key} 还是 generator new 的示例值“{value}”，改成你的",
        "mkdocs.yml's {key} is still the sample value {value} of generator new: change it",
    ),
    "publish-loopback": Text(
        "site_url 是本机地址 {url}，读者打不开：把 SITE_URL 设为网站的正式网址再构建，"
        "例如 SITE_URL=https://example.org/report/",
        "site_url is a loopback address {url} no reader can open: set SITE_URL to the site's"
        " public address, e.g. SITE_URL=https://example.org/report/",
    ),
    "fingerprint-unreadable": Text(
        "读不了原文 {copy}（{reason}）：检查文件名，并用 UTF-8 编码保存它。",
        "cannot read {copy}: {reason} (save it as UTF-8 text)",
    ),
    "fingerprint-bad-lines": Text(
        "--lines '{lines}' 看不懂：写成 25-102（从第 25 行到第 102 行）或 1,14,20（逐行列出）。",
        "--lines '{lines}' is not like 25-102 or 1,14,20",
    ),
    "fingerprint-written": Text(
        "已写入 {file}：{count} 段。下一步：在 data/sources.yml 里给这个来源写上 paragraphs"
        "（每段的 n 和 gist），引用时 quote 照抄原文，再运行 {command}。",
        "wrote {file}: {count} paragraphs. Next: list them under the source's paragraphs in"
        " data/sources.yml, quote the text as written, and run {command}",
    ),
    "schema-written": Text("已写入 {file}", "wrote {file}"),
    "build-failed": Text(
        "网站没有生成成功；{site}/ 保持原样。错误信息见上面。",
        "build failed; {site}/ was left as it was",
    ),
    "build-done": Text("网站已生成到 {site}/。", "built {site}/"),
    "link-target-missing": Text(
        "{where}：链接“{link}”指向的页面不存在。改成网站上已有页面的文件名（{pages}），或删掉这个链接。",
        "{where}: the link '{link}' leads to no page; write the file name of one of the site's"
        " pages ({pages}) or remove the link",
    ),
    "link-anchor-missing": Text(
        "{where}：链接“{link}”的 # 后面那一段在目标页面上找不到。改成那一页上已有标题的锚点"
        "（在网站上点标题旁的 ¶ 可以看到），或去掉 # 及后面的部分。",
        "{where}: the part after # in the link '{link}' is on no heading of its page; use the"
        " anchor of a heading there (its ¶ shows it) or drop the # part",
    ),
    "link-unrecognized": Text(
        "{where}：链接“{link}”既不是 .md 文件也不是完整网址。写成 docs/ 里某个 .md 文件的路径"
        "（例如 method.md），或写出以 https:// 开头的完整网址。",
        "{where}: the link '{link}' is neither a .md file nor a full address; write the path of"
        " a .md file in docs/ (such as method.md) or an address starting with https://",
    ),
    "history-missing": Text(
        "report：读不到修订历史（{why}），页面上不显示更新日期。",
        "report: no revision history ({why}); pages show no change dates",
    ),
    "history-no-git": Text(
        "这里还不是 git 仓库：新报道在它的文件夹里运行 git init，再 git add . 和 git commit"
        " 提交一次；已有的报道用 git clone 取得",
        "not in a git repository: in a new report's folder run git init, git add . and git commit;"
        " get an existing report with git clone",
    ),
    "history-shallow": Text(
        "这是浅克隆：运行 git fetch --unshallow 取回完整历史",
        "a shallow clone (run: git fetch --unshallow)",
    ),
    "history-no-commits": Text(
        "data 文件夹还没有任何提交：先 git commit 一次",
        "the data folder has no commits yet",
    ),
    "cards-no-font": Text(
        "report：找不到 Noto Sans CJK 字体，这次不生成分享卡片；需要时运行"
        " sudo apt-get install fonts-noto-cjk 安装字体。",
        "report: share cards skipped: Noto Sans CJK not found (sudo apt-get install fonts-noto-cjk)",
    ),
    "inline-script-refused": Text(
        "report：{page}：正文里有内联 <script>，网站的安全策略不许它运行。删掉这段脚本；"
        "确实需要时，把它存成 docs/ 里的 .js 文件，在 mkdocs.yml 的 extra_javascript 里列出。",
        "report: {page}: an inline <script> in the page; the site's security policy refuses it."
        " Remove it, or save it as a .js file under docs/ and list it in mkdocs.yml's"
        " extra_javascript",
    ),
    "data-ok": Text(
        "数据全部通过检查（{counts}）。",
        "data OK: {counts}",
    ),
}

# Words put into messages: kinds of value and review terms (kinds of record: generator.facts.kinds).
WORDS: dict[str, Text] = {
    "text": Text("文字", "text"),
    "number": Text("数字", "a number"),
    "bool": Text("true/false", "true/false"),
    "list": Text("列表", "a list"),
    "mapping": Text("一组字段", "a mapping"),
    "nothing": Text("空值", "nothing"),
    "glossary": Text("词表", "glossary"),
    "vocabulary": Text("用语表", "vocabulary"),
    "absent": Text("（无）", "(none)"),
    "working-tree": Text("工作区", "working tree"),
    "added": Text("新增", "added"),
    "removed": Text("删除", "removed"),
    "renamed": Text("改名", "renamed"),
    "changed": Text("修改", "changed"),
    "or": Text("或", " or "),
    "comma": Text("、", ", "),
    "item": Text("第{n}条", "#{n}"),
}

# The command line's own words: what each command and option does (`python -m generator -h`).
COMMAND_HELP: dict[str, Text] = {
    "description": Text(
        "报道生成器的命令：检查数据，写出数据的 JSON Schema，审阅繁体转换，比较事实的变化，生成网站。"
        "在报道的文件夹里运行；每个命令的用法见 python -m generator 命令 -h。",
        "The report generator's commands: check the data, write its JSON Schemas, review"
        " conversions, compare facts, build the site. Run them in the report's folder.",
    ),
    "help": Text("显示这段说明，然后退出", "show this help message and exit"),
    "command": Text("命令", "COMMAND"),
    "data": Text("数据文件夹（默认 data）", "data folder (default: data)"),
    "check": Text(
        "读取并检查全部数据文件，有错时逐条说明错在哪里、怎么改",
        "load and validate every data file",
    ),
    "new": Text(
        "在 FOLDER 建立一份新报道（FOLDER 不存在或为空）",
        "start a new report in FOLDER (missing or empty)",
    ),
    "new-description": Text(
        "在 FOLDER 建立一份新报道。没给出的项目，在终端里运行时会逐一询问；"
        "不在终端里运行时（脚本、测试）不询问，留下示例值，发布构建会拒绝示例值。",
        "Start a new report in FOLDER. What is not given is asked for when run in a terminal;"
        " a script or a test is not asked and gets sample values, which a publishing build"
        " refuses.",
    ),
    "new-folder": Text(
        "新报道的文件夹（不存在或为空）", "the new report's folder (missing or empty)"
    ),
    "new-site-name": Text(
        "网站名称（mkdocs.yml 的 site_name）", "site name (mkdocs.yml's site_name)"
    ),
    "new-author": Text("作者或编写团队（site_author）", "author or team (site_author)"),
    "new-citation-key": Text(
        "引用键，小写字母、数字和连字符，也是数据包的文件名（citation_key）",
        "citation key: lower-case letters, digits and hyphens; also the data bundle's file name"
        " (citation_key)",
    ),
    "new-site-url": Text(
        "网站发布后的网址，例如 https://example.org/report/",
        "the site's public address, e.g. https://example.org/report/",
    ),
    "new-editions": Text(
        "版本，逗号分隔，简体在前：zh-Hans,zh-Hant（默认）、zh-Hans,zh-HK、zh-Hans,zh-TW,zh-HK",
        "editions, comma-separated, Simplified first: zh-Hans,zh-Hant (default), zh-Hans,zh-HK,"
        " zh-Hans,zh-TW,zh-HK",
    ),
    "new-no-input": Text(
        "不询问，没给出的项目留下示例值", "ask nothing; what is not given keeps its sample value"
    ),
    "schema": Text(
        "为每个数据文件写出 JSON Schema（编辑器据此提示字段、标出错误）",
        "write the JSON Schema of each data file",
    ),
    "schema-check": Text(
        "只检查、不写文件：有过时的 Schema 时报错", "only fail if a schema is stale"
    ),
    "conversions": Text(
        "列出繁体转换改动了什么，以及 zhconv-rs 与 OpenCC 不一致的地方",
        "list what conversion changes and where zhconv-rs disagrees",
    ),
    "config-file-review": Text(
        "网站设置文件，审阅其中列出的繁体版本（默认 mkdocs.yml）",
        "the site's settings, whose converted editions are reviewed (default mkdocs.yml)",
    ),
    "opencc": Text(
        "只审阅这一个版本：它的 OpenCC 配置（例如 s2twp、s2hk）",
        "review only this edition: its OpenCC config (e.g. s2twp, s2hk)",
    ),
    "lang": Text(
        "与 --opencc 一起用：这个版本的语言代码（例如 zh-Hant）",
        "with --opencc: the edition's language code (zh-Hant)",
    ),
    "docs": Text("手写页面的文件夹（默认 docs）", "hand-written pages folder (default: docs)"),
    "all": Text(
        "列出全部转换（单字的也列出），不只是词组和词表造成的改动",
        "every conversion (character ones too), not only what phrases and the glossary change",
    ),
    "since": Text(
        "只看 git 版本 REV 之后新增或改动的文字（同时相当于 --all）",
        "only text that is new or changed since git revision REV (implies --all)",
    ),
    "strict": Text("还有没决定的不一致时报错退出", "fail while a disagreement is undecided"),
    "fingerprint": Text(
        "从原文的存档副本写出 data/fingerprints/SOURCE.yml（原文本身不保存）",
        "write data/fingerprints/SOURCE.yml from an archived copy (its text is not stored)",
    ),
    "fingerprint-source": Text("这个来源在 sources.yml 里的 id", "the source's id in sources.yml"),
    "fingerprint-copy": Text(
        "原文的存档副本，UTF-8 编码的文本文件", "archived copy of the source, UTF-8 text"
    ),
    "fingerprint-lines": Text(
        "COPY 里哪些行是编号的段落，例如 25-102 或 1,14,20（默认：每个非空行）；每个非空行算一段",
        "lines of COPY that hold the numbered paragraphs, e.g. 25-102 or 1,14,20 (default:"
        " every non-empty line); each non-empty line is one paragraph",
    ),
    "diff": Text(
        "列出自 BASE 以来新增、删除或修改的事实",
        "list the facts added, removed or changed since BASE",
    ),
    "diff-base": Text(
        "拿来比较的 git 版本（例如 origin/main）", "git revision to compare with (e.g. origin/main)"
    ),
    "diff-head": Text(
        "要比较的 git 版本（默认：工作区，即还没提交的文件）",
        "git revision to compare (default: the working tree)",
    ),
    "diff-markdown": Text(
        "输出 Markdown，用作拉取请求的评论",
        "Markdown for a pull-request comment",
    ),
    "pr-comment": Text(
        "为记录下来的拉取请求事件写出预览评论",
        "write the pull-request preview comment for a recorded event",
    ),
    "pr-comment-event": Text(
        "GitHub 记录的 pull_request 事件（JSON 文件，工作流里是 $GITHUB_EVENT_PATH）",
        "pull_request event payload ($GITHUB_EVENT_PATH in a workflow)",
    ),
    "pr-comment-out": Text(
        "把评论写进这个文件（默认：直接打印出来）",
        "file to write the comment to (default: print it)",
    ),
    "site-dir-built": Text("已生成的网站文件夹（默认 site）", "the built site (default: site)"),
    "config-file": Text(
        "网站设置文件（默认 mkdocs.yml）", "the site's settings (default: mkdocs.yml)"
    ),
    "pr-comment-run-url": Text(
        "CI 运行的网址，生成的网站保存在这次运行的产物里",
        "URL of the CI run whose artifacts hold the site",
    ),
    "pr-comment-preview-url": Text(
        "网站预览的网址（如果有）：页面链接会写成完整网址",
        "where the built site is served, if anywhere: page links become URLs",
    ),
    "guide": Text(
        "重写贡献指南里自动生成的表格（错误信息、字段）",
        "rewrite the generated tables (errors, fields) of the contributing guide",
    ),
    "guide-file": Text(
        "要更新的贡献指南（默认 CONTRIBUTING.md）",
        "the contributing guide to update (default: CONTRIBUTING.md)",
    ),
    "guide-check": Text("只检查、不写文件：有表格过时时报错", "only fail if a table is stale"),
    "build": Text(
        "生成网站到 site/；失败时保留上一次生成成功的 site/",
        "build site/; on failure the last good site/ stays",
    ),
    "site-dir-build": Text(
        "网站生成到哪个文件夹（默认 site）", "where to build the site (default: site)"
    ),
}

# argparse's own words (usage, section titles, errors), keyed by the English text argparse asks
# gettext for; argparse fills the %-placeholders. English keeps argparse's text.
ARGPARSE_WORDS: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示这段说明，然后退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：%(message)s。用法见 %(prog)s -h\n",
    "the following arguments are required: %s": "还少写了 %s：照上面的用法把它补在命令后面",
    "one of the arguments %s is required": "参数 %s 之中要写出一个",
    "unrecognized arguments: %s": "不认识的参数 %s：检查拼写，或删掉它",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "没有 %(value)r 这一项，请从这些里选一个：%(choices)s"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "没有 %(parser_name)r 这个命令，请从这些里选一个：%(choices)s"
    ),
    "expected one argument": "后面要写一个值",
    "expected at most one argument": "后面最多写一个值",
    "expected at least one argument": "后面至少写一个值",
    "expected %s argument": "后面要写 %s 个值",
    "expected %s arguments": "后面要写 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项 %(option)s 不完整，可能是 %(matches)s：把选项名写全"
    ),
    "not allowed with argument %s": "不能与参数 %s 一起用：删掉其中一个",
    "ignored explicit argument %r": "这个选项后面不带值，删掉 %r",
    "invalid %(type)s value: %(value)r": "%(value)r 不是这里要的值（%(type)s）",
    "unexpected option string: %s": "这里不该有选项 %s",
}


def language() -> str:
    """'en' when REPORT_LANG asks for English, else 'zh'."""
    return "en" if os.environ.get("REPORT_LANG", "").lower().startswith("en") else "zh"


def say(key: str, /, **values: object) -> str:
    """The message `key` in the current language, placeholders filled."""
    entry = CATALOGUE[key]
    return (entry.en if language() == "en" else entry.zh).format(**values).rstrip()


def word(key: str, /, **values: object) -> str:
    """A word of `WORDS` in the current language."""
    entry = WORDS[key]
    return (entry.en if language() == "en" else entry.zh).format(**values)


def helps(key: str, /) -> str:
    """The help text `key` of the command line in the current language."""
    entry = COMMAND_HELP[key]
    return entry.en if language() == "en" else entry.zh


def argparse_word(text: str, /) -> str:
    """argparse's own `text` in the current language (argparse's English is the key)."""
    return text if language() == "en" else ARGPARSE_WORDS.get(text, text)


def either(names: Iterable[str]) -> str:
    """'机构、人物或产品' / 'organization, person or product', from the names in words."""
    shown = list(names)
    if len(shown) < 3:
        return word("or").join(shown)
    return word("comma").join(shown[:-1]) + word("or") + shown[-1]


def code(text: str) -> str:
    """Text to type, set off as code: `title: 王小明`."""
    return f"`{text.strip()}`"


def placeholders(template: str) -> set[str]:
    """The `{name}` placeholders of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def closest(wrong: str, candidates: Iterable[str], count: int = 3) -> list[str]:
    """The candidates most like `wrong` (for "did you mean")."""
    pool = sorted(set(candidates))
    found = difflib.get_close_matches(wrong, pool, n=count, cutoff=0.6)
    if not found:
        lowered = wrong.lower().strip()
        found = [c for c in pool if c and lowered and (lowered in c or c in lowered)][:count]
    return found


def did_you_mean(wrong: str, candidates: Iterable[str]) -> str:
    """'。是不是想写 'x'？' when a candidate is close, else ''."""
    found = closest(wrong, candidates)
    if not found:
        return ""
    return say("did-you-mean", options=word("comma").join(f"'{c}'" for c in found))
