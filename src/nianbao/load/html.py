"""HTML (a report published as a web page): bytes -> lines of the article body.

Uses the standard library's ``html.parser`` so every character of a line keeps
its place in the source file (line and column), entities included.

Steps: decode (BOM, then ``<meta charset>``/``http-equiv``, then UTF-8, then
GB18030), build a small element tree, pick the element that holds the report
(the smallest one holding the section headings, else the one with the most
paragraph text), drop site chrome (scripts, navigation, breadcrumbs, share
bars, footers...), then lay the rest out as lines: block elements and ``<br>``
break lines, ``<table>`` rows become grid rows with rowspan/colspan resolved.
Markup exported from Word (``<span>``, ``<font>``, ``<o:p>``, ``&nbsp;``,
``mso-`` styles, conditional comments) is read like any inline markup.
"""

from __future__ import annotations

import codecs
import re
from html.entities import html5 as _HTML5
from html.parser import HTMLParser

from ..model import Document, Line, Place
from .errors import InputError
from .pdf import cell_of, is_wide
from .text import decode as _decode_text

# -- decoding -------------------------------------------------------------------

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_GB_ALIASES = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn",
               "x-euc-cn", "csgb2312", "windows-936", "ms936", "chinese", "hz-gb-2312"}


def _declared_charset(data: bytes):
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").strip().lower()
    if name in _GB_ALIASES:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, path: str) -> str:
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                raise InputError("decode-error", f"{path}：文件以 {enc} 字节序标记开头，但无法按该编码解码") from None
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    if declared:
        return data.decode(declared, errors="replace")
    return _decode_text(data, path)[0]


# -- a small element tree -----------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "param", "source", "track", "wbr", "keygen", "basefont", "frame", "isindex"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "nav", "header",
              "footer", "aside", "form", "select", "option", "button", "iframe", "svg",
              "object", "embed", "canvas", "map", "audio", "video", "textarea", "menu",
              "xml", "o:documentproperties", "w:worddocument"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
          "dd", "section", "article", "main", "blockquote", "pre", "center", "address",
          "figure", "figcaption", "hr", "table", "tr", "td", "th", "caption", "thead",
          "tbody", "tfoot", "body", "html", "fieldset", "legend", "details", "summary"}
#: an open <p> is closed by these start tags
_CLOSES_P = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table",
             "blockquote", "pre", "section", "article", "center", "address", "hr",
             "figure", "fieldset", "main"}
_CHROME = re.compile(
    r"nav|menu|breadcrumb|crumb|share|footer|header|sidebar|side-bar|side_bar|topbar|"
    r"toolbar|copyright|banner|login|search|bdshare|fenxiang|position|location|"
    r"weizhi|dangqian|friendlink|youqing|related|xiangguan|print|dayin|guanbi|close|"
    r"qrcode|erweima|ewm|popup|skip|wza|barrier|font-size|fontsize|zihao",
    re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.I)
_MARKERS = ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
            "行政复议、行政诉讼情况", "行政复议及行政诉讼情况", "存在的主要问题",
            "其他需要报告的事项", "其他需要报告事项")


_MARKER_RE = re.compile("|".join(map(re.escape, _MARKERS)))


class _El:
    __slots__ = ("tag", "attrs", "children", "parent", "pos", "skip", "_len", "has_table")

    def __init__(self, tag, attrs, parent, pos):
        self.tag = tag
        self.attrs = attrs
        self.children = []
        self.parent = parent
        self.pos = pos
        # never report text: scripts, navigation, hidden elements
        self.skip = (tag in _SKIP_TAGS or tag.startswith(("w:", "o:documentp", "m:"))
                     or bool(attrs.get("style")) and bool(_HIDDEN.search(attrs["style"])))
        self._len = None
        self.has_table = False  # a <td>/<th> holding a nested table

    def text_len(self) -> int:
        if self._len is None:
            n = 0
            for c in self.children:
                if isinstance(c, _Text):
                    n += len(c.text.strip())
                elif not c.skip:
                    n += c.text_len()
            self._len = n
        return self._len


class _Text:
    """Text in the source at (line, col0); an entity's characters all sit at
    the entity's position (``fixed``)."""

    __slots__ = ("text", "line", "col", "fixed", "parent")

    def __init__(self, text, line, col, fixed, parent):
        self.text = text
        self.line = line
        self.col = col
        self.fixed = fixed
        self.parent = parent


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.root = _El("#root", {}, None, (1, 0))
        self.stack = [self.root]

    # tree maintenance
    def _close_to(self, tags, stop=("table", "#root")) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in tags:
                del self.stack[i:]
                return
            if tag in stop:
                return

    def handle_starttag(self, tag, attrs):
        pos = self.getpos()
        if tag in _CLOSES_P:
            self._close_to({"p"}, stop=("table", "td", "th", "div", "li", "#root"))
        if tag == "li":
            self._close_to({"li"}, stop=("ul", "ol", "table", "#root"))
        elif tag in ("dt", "dd"):
            self._close_to({"dt", "dd"}, stop=("dl", "table", "#root"))
        elif tag in ("td", "th"):
            self._close_to({"td", "th"}, stop=("tr", "table", "#root"))
        elif tag == "tr":
            self._close_to({"tr"}, stop=("table", "#root"))
        elif tag in ("thead", "tbody", "tfoot"):
            self._close_to({"thead", "tbody", "tfoot"}, stop=("table", "#root"))
        parent = self.stack[-1]
        el = _El(tag, dict((k, v or "") for k, v in attrs), parent, pos)
        parent.children.append(el)
        if tag == "table":
            for open_el in self.stack:
                if open_el.tag in ("td", "th"):
                    open_el.has_table = True
        if tag not in _VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        pos = self.getpos()
        parent = self.stack[-1]
        parent.children.append(_El(tag, dict((k, v or "") for k, v in attrs), parent, pos))

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
            if tag not in ("table",) and self.stack[i].tag == "table":
                return  # never close past an open table for a stray end tag

    def _add_text(self, text, fixed):
        parent = self.stack[-1]
        line, col = self.getpos()
        parent.children.append(_Text(text, line, col, fixed, parent))

    def handle_data(self, data):
        self._add_text(data, False)

    def handle_entityref(self, name):
        text = _HTML5.get(name + ";") or _HTML5.get(name)
        if text is None:
            text = "&" + name
        self._add_text(text, True)

    def handle_charref(self, name):
        try:
            code = int(name[1:], 16) if name[:1] in ("x", "X") else int(name)
            text = chr(code) if 0 < code < 0x110000 else "\ufffd"
        except ValueError:
            text = "&#" + name
        self._add_text(text, True)


def _is_chrome(el: _El) -> bool:
    ident = " ".join((el.attrs.get("id", ""), el.attrs.get("class", ""), el.attrs.get("role", "")))
    return bool(ident.strip()) and bool(_CHROME.search(ident))


def _chrome_to_drop(el: _El) -> bool:
    """Site chrome inside the article: dropped unless it holds the report's
    title or headings (a class such as "article-header" may wrap the title)."""
    if not _is_chrome(el):
        return False
    out = []
    _full_text(el, out)
    s = "".join(out)
    return not ("年度报告" in s or _MARKER_RE.search(s))


def _full_text(el: _El, out: list) -> None:
    for c in el.children:
        if isinstance(c, _Text):
            out.append(c.text)
        elif not c.skip:
            _full_text(c, out)


def _find_article(root: _El) -> _El:
    """The element holding the report."""
    # text nodes that carry the section headings (a heading quoted in a
    # sidebar or a list of related links does not count when others exist)
    hits, chrome_hits = [], []

    def walk(el, in_chrome):
        for c in el.children:
            if isinstance(c, _Text):
                if _MARKER_RE.search(c.text):
                    (chrome_hits if in_chrome else hits).append(c.parent)
            elif not c.skip:
                walk(c, in_chrome or _is_chrome(c))

    walk(root, False)
    hits = hits or chrome_hits
    if hits:
        # elements holding headings, when a heading is split over inline markup
        paths = []
        for h in hits:
            p, chain = h, []
            while p is not None:
                chain.append(p)
                p = p.parent
            paths.append(chain[::-1])
        common = paths[0]
        for chain in paths[1:]:
            k = 0
            while k < min(len(common), len(chain)) and common[k] is chain[k]:
                k += 1
            common = common[:k]
        best = common[-1] if common else root
    else:
        # no headings: the element with the most paragraph text of its own
        best, best_score = root, -1

        def score(el):
            nonlocal best, best_score
            s = 0
            for c in el.children:
                if isinstance(c, _Text):
                    s += len(c.text.strip())
                elif not c.skip:
                    if c.tag in ("p", "br", "span", "font", "b", "strong", "table", "h1", "h2",
                                 "h3", "h4", "h5", "h6"):
                        s += c.text_len()
                    score(c)
            if s > best_score and not _is_chrome(el):
                best, best_score = el, s

        score(root)
    # widen to take in a title next to the body, but not the page around it
    base = best.text_len()
    while best.parent is not None and best.parent.tag not in ("body", "html", "#root"):
        parent = best.parent
        if parent.text_len() > base + max(200, base // 10):
            break
        best = parent
    return best


# -- layout: element tree -> lines ----------------------------------------------

class HtmlLine(Line):
    """A line of the article; every character knows its source position."""

    __slots__ = ("pos", "table", "row")

    def __init__(self, text, number, pos, cells=None, table=0, row=0):
        super().__init__(text, number, pos[0][0] if pos else 1, cells)
        self.pos = pos
        self.table = table
        self.row = row

    def place(self, col: int) -> Place:
        if not self.pos:
            return Place(self.source_line, col + 1)
        if col < len(self.pos):
            line, c0 = self.pos[col]
        else:
            line, c0 = self.pos[-1]
            c0 += col - len(self.pos) + 1
        if self.cells is None:
            return Place(line, c0 + 1)
        c = cell_of(self.cells, col)
        return Place(line, c0 + 1, (("cell", c), ("row", self.row), ("table", self.table)),
                     f"第{self.table}个表格第{self.row}行第{c}格")


_SPACE = " \t\r\n\f\u00a0"


class _LineBuf:
    """Characters of the line being built, with HTML whitespace collapsing."""

    def __init__(self):
        self.chars = []
        self.pos = []
        self.space = None  # pending whitespace: (pos, had_newline)

    def add(self, node):
        line, col, fixed = node.line, node.col, node.fixed
        chars, pos = self.chars, self.pos
        for ch in node.text:
            if ch in _SPACE:
                if self.space is None:
                    self.space = ((line, col), ch in "\r\n")
                elif ch in "\r\n":
                    self.space = (self.space[0], True)
            else:
                if self.space is not None:
                    sp, nl = self.space
                    self.space = None
                    # a source line break between CJK characters is not a space
                    if chars and not (nl and (is_wide(chars[-1]) or is_wide(ch))):
                        chars.append(" ")
                        pos.append(sp)
                chars.append(ch)
                pos.append((line, col))
            if not fixed:
                if ch == "\n":
                    line, col = line + 1, 0
                else:
                    col += 1

    def take(self):
        chars, pos = self.chars, self.pos
        self.chars, self.pos, self.space = [], [], None
        # strip ideographic spaces at the ends, like other whitespace
        i, j = 0, len(chars)
        while i < j and chars[i] in "\u3000 ":
            i += 1
        while j > i and chars[j - 1] in "\u3000 ":
            j -= 1
        return "".join(chars[i:j]), pos[i:j]


class _Layout:
    def __init__(self):
        self.out = []  # (text, pos, cells or None, table, row)
        self.buf = _LineBuf()
        self.tables = 0

    def flush(self):
        text, pos = self.buf.take()
        if text:
            self.out.append((text, pos, None, 0, 0))

    def walk(self, el: _El, chrome_ok: bool = False):
        for c in el.children:
            if isinstance(c, _Text):
                self.buf.add(c)
                continue
            if c.skip:
                continue
            tag = c.tag
            if tag == "br":
                self.flush()
                continue
            if not chrome_ok and _chrome_to_drop(c):
                continue
            if tag == "table" and _is_data_table(c):
                self.flush()
                self.table(c)
                continue
            block = tag in _BLOCK
            if block:
                self.flush()
            self.walk(c, chrome_ok)
            if block:
                self.flush()

    def table(self, tbl: _El):
        for c in tbl.children:  # a caption is a line of its own, before the rows
            if not isinstance(c, _Text) and c.tag == "caption" and not c.skip:
                self.walk(c, True)
                self.flush()
        rows = _grid(tbl)
        if not rows:
            return
        self.tables += 1
        tr_pos = [tr.pos for tr in _iter_rows(tbl)]
        for r, cells in enumerate(rows, 1):
            text, pos, spans = "", [], []
            for k, cell in enumerate(cells):
                t, p = "", []
                if cell is not None:
                    sub = _Layout()
                    sub.walk(cell, True)
                    sub.flush()
                    t, p = _join_parts((t_, p_) for t_, p_, *_rest in sub.out)
                if k:  # the tab before a cell sits where the cell's text starts
                    text += "\t"
                    pos.append(p[0] if p else (pos[-1] if pos else tr_pos[r - 1]))
                spans.append((len(text), len(text) + len(t)))
                text += t
                pos.extend(p)
            self.out.append((text, pos, tuple(spans), self.tables, r))


def _join_parts(parts) -> tuple:
    """Join a cell's lines like pdf.join_wrapped, keeping positions."""
    text, pos = "", []
    for t, p in parts:
        t = t.replace("\t", " ")
        if not t:
            continue
        if text and not (is_wide(text[-1]) or is_wide(t[0])):
            text += " "
            pos.append(p[0])
        text += t
        pos.extend(p)
    return text, pos


def _iter_rows(tbl: _El):
    """<tr> elements of a table, through thead/tbody/tfoot, not nested tables."""
    for c in tbl.children:
        if isinstance(c, _Text) or c.skip:
            continue
        if c.tag == "tr":
            yield c
        elif c.tag in ("thead", "tbody", "tfoot"):
            yield from _iter_rows(c)


def _iter_cells(tr: _El):
    for c in tr.children:
        if not isinstance(c, _Text) and not c.skip and c.tag in ("td", "th"):
            yield c


def _span(el: _El, name: str) -> int:
    value = el.attrs.get(name)
    if not value:
        return 1
    if not value.isdigit():
        value = re.sub(r"[^0-9]", "", value)
    return max(1, min(int(value or 1), 1000))


def _grid(tbl: _El) -> list:
    """Rows of cells (the <td> element at its top-left position, None where a
    merged cell covers a position), rowspan/colspan resolved, full width."""
    taken = {}
    rows = []
    for r, tr in enumerate(_iter_rows(tbl)):
        row = []
        col = 0
        for td in _iter_cells(tr):
            while (r, col) in taken:
                col += 1
            rs, cs = _span(td, "rowspan"), _span(td, "colspan")
            for dr in range(rs):
                for dc in range(cs):
                    taken[(r + dr, col + dc)] = td if (dr, dc) == (0, 0) else None
            col += cs
        rows.append(r)
    if not rows:
        return []
    width = 1 + max((c for (_r, c) in taken), default=-1)
    height = len(rows)
    return [[taken.get((r, c)) for c in range(width)] for r in range(height)]


def _is_data_table(tbl: _El) -> bool:
    """A layout table (one column, or cells holding other tables) is read as
    blocks, not as grid rows."""
    width = 0
    for tr in _iter_rows(tbl):
        n = 0
        for td in _iter_cells(tr):
            n += _span(td, "colspan")
            if td.has_table:
                return False
        width = max(width, n)
    return width >= 2


def load_html(data: bytes, path: str) -> Document:
    text = decode_html(data, path)
    builder = _TreeBuilder()
    try:
        builder.feed(text)
        builder.close()
    except Exception as exc:  # html.parser is lenient; this is a last resort
        raise InputError("html-broken", f"{path}：无法解析 HTML（{exc}）") from None
    root = builder.root
    article = _find_article(root)
    layout = _Layout()
    layout.walk(article, chrome_ok=False)
    layout.flush()
    lines = [HtmlLine(t, i + 1, pos, cells, table, row)
             for i, (t, pos, cells, table, row) in enumerate(layout.out)]
    return Document(path=path, format="html", lines=lines)
