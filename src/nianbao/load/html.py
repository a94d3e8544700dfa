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
from bisect import bisect_right
from functools import lru_cache
from html.entities import html5 as _HTML5
from html.parser import HTMLParser

from ..model import Document, Line, Place
from .errors import InputError
from .grid import MAX_SPAN, MAX_TABLE_CELLS, cell_of, is_wide, table_too_large
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


def _has_marker(text: str) -> bool:
    # every marker holds 情况, 问题 or 事项: a cheap test before the regex
    return ("情况" in text or "问题" in text or "事项" in text) and bool(_MARKER_RE.search(text))


def _close_rules() -> dict:
    """Start tag -> the open elements it closes, as (tags, stop) for
    _TreeBuilder._close_to, applied in order: an open <p> first, then an open
    element of the tag's own kind."""
    rules = {tag: [({"p"}, ("table", "td", "th", "div", "li", "#root"))] for tag in _CLOSES_P}
    for tags, stop in ((("li",), ("ul", "ol", "table", "#root")), (("dt", "dd"), ("dl", "table", "#root")),
                       (("td", "th"), ("tr", "table", "#root")), (("tr",), ("table", "#root")),
                       (("thead", "tbody", "tfoot"), ("table", "#root"))):
        for tag in tags:
            rules.setdefault(tag, []).append((set(tags), stop))
    return rules


_CLOSE_RULES = _close_rules()


@lru_cache(maxsize=4096)
def _hidden(style: str) -> bool:
    """``_HIDDEN.search(style)``, skipped for the usual style with none of its
    words (Word's markup puts a long style on nearly every element).  The
    non-ASCII letters that match an ASCII letter of those words under
    re.IGNORECASE (dotted and dotless i, long s) always go to the regex."""
    low = style.lower()
    if ("display" in low or "visibility" in low or "mso-hide" in low
            or "\u0130" in style or "\u0131" in style or "\u017f" in style):
        return bool(_HIDDEN.search(style))
    return False


_SKIP_PREFIXES = ("w:", "o:documentp", "m:")


class _El:
    __slots__ = ("tag", "attrs", "children", "parent", "pos", "skip", "_len", "has_table", "chrome")

    def __init__(self, tag, attrs, parent, pos):
        self.tag = tag
        self.attrs = attrs
        self.children = []
        self.parent = parent
        self.pos = pos
        # never report text: scripts, navigation, hidden elements
        style = attrs.get("style") if attrs else None
        self.skip = (tag in _SKIP_TAGS or tag.startswith(_SKIP_PREFIXES)
                     or bool(style) and _hidden(style))
        self._len = None
        self.has_table = False  # a <td>/<th> holding a nested table
        self.chrome = None  # _is_chrome(), once asked

    def text_len(self) -> int:
        """Characters of text below this element (skipped subtrees left out);
        computed for the whole subtree with an explicit stack, then cached."""
        if self._len is None:
            order, stack = [], [self]
            while stack:  # pre-order; sums are then made children first
                el = stack.pop()
                if el._len is not None:
                    continue
                order.append(el)
                stack.extend(c for c in el.children if not isinstance(c, _Text) and not c.skip)
            for el in reversed(order):
                n = 0
                for c in el.children:
                    if isinstance(c, _Text):
                        n += len(c.text.strip())
                    elif not c.skip:
                        n += c._len
                el._len = n
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


#: elements nested deeper than this are read as part of the deepest open one
#: (their tags are ignored, their text kept): every later walk over the tree
#: is then bounded (text_len, _full_text and _iter_rows use explicit stacks;
#: the layout and article walks recurse at most this deep), and a page of
#: 20,000 nested tables costs no more than one of 256 (real pages nest a few
#: dozen deep)
MAX_DEPTH = 256


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
        pos = (self.lineno, self.offset)  # getpos()
        rules = _CLOSE_RULES.get(tag)
        if rules:
            for tags, stop in rules:
                self._close_to(tags, stop)
        if len(self.stack) > MAX_DEPTH and tag not in _VOID:
            return
        parent = self.stack[-1]
        el = _El(tag, {k: v or "" for k, v in attrs} if attrs else {}, parent, pos)
        parent.children.append(el)
        if tag == "table":
            for open_el in self.stack:
                if open_el.tag in ("td", "th"):
                    open_el.has_table = True
        if tag not in _VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        pos = (self.lineno, self.offset)  # getpos()
        parent = self.stack[-1]
        parent.children.append(_El(tag, {k: v or "" for k, v in attrs} if attrs else {}, parent, pos))

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
        parent.children.append(_Text(text, self.lineno, self.offset, fixed, parent))  # getpos()

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
    if el.chrome is None:
        attrs = el.attrs
        el.chrome = _chrome_ident(" ".join((attrs.get("id", ""), attrs.get("class", ""), attrs.get("role", "")))
                                  if attrs else "")
    return el.chrome


@lru_cache(maxsize=4096)
def _chrome_ident(ident: str) -> bool:
    return bool(ident.strip()) and bool(_CHROME.search(ident))


def _chrome_to_drop(el: _El) -> bool:
    """Site chrome inside the article: dropped unless it holds the report's
    title or headings (a class such as "article-header" may wrap the title)."""
    if not _is_chrome(el):
        return False
    out = []
    _full_text(el, out)
    s = "".join(out)
    return not ("年度报告" in s or _has_marker(s))


def _full_text(el: _El, out: list) -> None:
    """Append the text below ``el`` in document order (an explicit stack)."""
    stack = [iter(el.children)]
    while stack:
        c = next(stack[-1], None)
        if c is None:
            stack.pop()
        elif isinstance(c, _Text):
            out.append(c.text)
        elif not c.skip:
            stack.append(iter(c.children))


#: elements that hold a line of text, not an article
_INLINE_OR_PARAGRAPH = frozenset(("p", "span", "font", "b", "strong", "em", "i", "u", "a", "label",
                                  "h1", "h2", "h3", "h4", "h5", "h6"))


def _find_article(root: _El) -> _El:
    """The element holding the report."""
    # text nodes that carry the section headings (a heading quoted in a
    # sidebar or a list of related links does not count when others exist)
    hits, chrome_hits = [], []

    def walk(el, in_chrome):
        for c in el.children:
            if isinstance(c, _Text):
                if _has_marker(c.text):
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
        # one heading only: the common "ancestor" is the heading's own paragraph;
        # the article is the block it stands in
        while best.tag in _INLINE_OR_PARAGRAPH and best.parent is not None:
            best = best.parent
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
    """A line of the article; every character knows its source position.

    Positions are stored as runs, not per character: ``segs`` is a tuple of
    (start, line, col, step), one per run of characters that sit one after
    the other in the source (step 1) or all at one place (step 0: the
    characters of an entity, a space standing for a run of whitespace, the tab
    between two cells); character ``i`` of a run starting at ``start`` is at
    (line, col + step * (i - start)), col 0-based.  ``place`` finds the run
    with bisect.
    """

    __slots__ = ("segs", "starts", "table", "row", "empty_at")

    def __init__(self, text, number, segs, cells=None, table=0, row=0, empty_at=None):
        super().__init__(text, number, segs[0][1] if segs else 1, cells)
        self.segs = segs
        self.starts = [sg[0] for sg in segs]
        self.table = table
        self.row = row
        # an empty cell has no character of its own: {its column: (line, col) of its <td>}
        self.empty_at = empty_at or {}

    def pos(self, i: int) -> tuple:
        """(line, 0-based column) in the source of character ``i`` (0 <= i < len)."""
        start, line, col, step = self.segs[bisect_right(self.starts, i) - 1]
        return line, col + step * (i - start)

    def place(self, col: int) -> Place:
        n = len(self.text)
        if not n:
            return Place(self.source_line, col + 1)
        if col < n:
            line, c0 = self.pos(col if col >= 0 else col + n)
        else:  # past the end: counted on from the last character
            line, c0 = self.pos(n - 1)
            c0 += col - n + 1
        if self.cells is None:
            return Place(line, c0 + 1)
        if col in self.empty_at:
            line, c0 = self.empty_at[col]
        c = cell_of(self.cells, col)
        return Place(line, c0 + 1, (("cell", c), ("row", self.row), ("table", self.table)),
                     f"第{self.table}个表格第{self.row}行第{c}格")


_SPACE = " \t\r\n\f\u00a0"
#: runs of whitespace and of other characters (whitespace: _SPACE)
_RUNS = re.compile(r"[ \t\r\n\f\u00a0]+|[^ \t\r\n\f\u00a0]+")


def _seg_at(segs, i: int) -> tuple:
    """(line, col) of character ``i`` of a text whose runs are ``segs``."""
    for start, line, col, step in reversed(segs):
        if start <= i:
            return line, col + step * (i - start)
    raise IndexError(i)


def _shift(segs, by: int) -> list:
    return [(start + by, line, col, step) for start, line, col, step in segs]


class _LineBuf:
    """Text of the line being built, with HTML whitespace collapsing: a run of
    whitespace becomes one space at the position of its first character, or
    nothing at the start of a line and at a source line break that touches a
    CJK character."""

    def __init__(self):
        self.parts = []
        self.segs = []
        self.n = 0
        self.last = ""  # the last character added
        self.space = None  # pending whitespace: (pos, had_newline)

    def add(self, node):
        line, col, fixed = node.line, node.col, node.fixed
        parts, segs = self.parts, self.segs
        step = 0 if fixed else 1
        for run in _RUNS.findall(node.text):
            if run[0] in _SPACE:
                nl = "\n" in run or "\r" in run
                if self.space is None:
                    self.space = ((line, col), nl)
                elif nl:
                    self.space = (self.space[0], True)
                if not fixed:
                    k = run.count("\n")
                    if k:
                        line, col = line + k, len(run) - run.rfind("\n") - 1
                    else:
                        col += len(run)
                continue
            if self.space is not None:
                (sl, sc), nl = self.space
                self.space = None
                # a source line break between CJK characters is not a space
                if self.n and not (nl and (is_wide(self.last) or is_wide(run[0]))):
                    parts.append(" ")
                    segs.append((self.n, sl, sc, 0))
                    self.n += 1
            parts.append(run)
            segs.append((self.n, line, col, step))
            self.n += len(run)
            self.last = run[-1]
            if not fixed:
                col += len(run)

    def take(self):
        """(text, runs) of the line, ideographic and plain spaces at the ends
        stripped; the buffer is emptied."""
        if not self.parts:
            self.space = None
            return "", []
        text, segs = "".join(self.parts), self.segs
        self.parts, self.segs, self.n, self.last, self.space = [], [], 0, "", None
        i = len(text) - len(text.lstrip("\u3000 "))
        j = len(text.rstrip("\u3000 "))
        if i >= j:
            return "", []
        if i or j < len(text):
            out = []
            for start, line, col, step in segs:
                if start >= j:
                    break
                if start < i:
                    col += step * (i - start)
                    start = i
                if out and out[-1][0] == start - i:
                    out.pop()  # the run before was stripped away entirely
                out.append((start - i, line, col, step))
            segs = out
        return text[i:j], segs


class _Layout:
    def __init__(self):
        self.out = []  # (text, runs, cells or None, table, row)
        self.buf = _LineBuf()
        self.tables = 0

    def flush(self):
        buf = self.buf
        if not buf.parts:  # nothing since the last break (the usual case)
            buf.space = None
            return
        text, segs = buf.take()
        if text:
            self.out.append((text, segs, None, 0, 0, None))

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
        sub = _Layout()  # lays out one cell at a time
        for r, cells in enumerate(rows, 1):
            parts, segs, spans, n, empty_at = [], [], [], 0, {}
            for k, cell in enumerate(c for c in cells if c is not _SPANNED):
                t, p = "", []
                if cell is not None:
                    sub.walk(cell, True)
                    sub.flush()
                    t, p = _join_parts(sub.out)
                    sub.out = []
                if k:  # the tab before a cell sits where the cell's text starts
                    if p:
                        at = (p[0][1], p[0][2])
                    elif n:
                        at = _seg_at(segs, n - 1)
                    else:
                        at = tr_pos[r - 1]
                    parts.append("\t")
                    segs.append((n, at[0], at[1], 0))
                    n += 1
                spans.append((n, n + len(t)))
                if not t and cell is not None:
                    empty_at[n] = cell.pos
                if t:
                    parts.append(t)
                    segs.extend(_shift(p, n))
                    n += len(t)
            self.out.append(("".join(parts), segs, tuple(spans), self.tables, r, empty_at))


def _join_parts(lines) -> tuple:
    """Join a cell's lines (entries of _Layout.out) like grid.join_wrapped,
    keeping positions."""
    if len(lines) == 1:
        t, p = lines[0][0], lines[0][1]
        return t.replace("\t", " "), p
    text, segs = "", []
    for t, p, *_rest in lines:  # (text, runs, cells, table, row, empty cells)
        t = t.replace("\t", " ")
        if not t:
            continue
        if text and not (is_wide(text[-1]) or is_wide(t[0])):
            segs.append((len(text), p[0][1], p[0][2], 0))
            text += " "
        segs.extend(_shift(p, len(text)))
        text += t
    return text, segs


def _iter_rows(tbl: _El):
    """<tr> elements of a table, through thead/tbody/tfoot, not nested tables."""
    stack = [iter(tbl.children)]
    while stack:
        c = next(stack[-1], None)
        if c is None:
            stack.pop()
        elif isinstance(c, _Text) or c.skip:
            continue
        elif c.tag == "tr":
            yield c
        elif c.tag in ("thead", "tbody", "tfoot"):
            stack.append(iter(c.children))


def _iter_cells(tr: _El):
    for c in tr.children:
        if not isinstance(c, _Text) and not c.skip and c.tag in ("td", "th"):
            yield c


def _span(el: _El, name: str) -> int:
    value = el.attrs.get(name)
    if not value:
        return 1
    if not value.isascii() or not value.isdigit():  # "²" is a digit to str.isdigit
        value = re.sub(r"[^0-9]", "", value)
    value = value.lstrip("0")[:6]  # a 5,000-digit span is not a number int() takes
    return max(1, min(int(value or 1), MAX_SPAN))


class _TableTooLarge(Exception):
    pass


_SPANNED = object()


def _grid(tbl: _El) -> list:
    """Rows of cells (the <td> element at its top-left position, None where a
    cell of a row above covers a position, ``_SPANNED`` where the cell to the
    left spans it), rowspan/colspan resolved, full width.

    A rowspan ends at the last row of the table (as in a browser); a table
    of more than MAX_TABLE_CELLS positions raises _TableTooLarge."""
    taken = {}
    rows = []
    trs = list(_iter_rows(tbl))
    for r, tr in enumerate(trs):
        row = []
        col = 0
        for td in _iter_cells(tr):
            while (r, col) in taken:
                col += 1
            rs, cs = min(_span(td, "rowspan"), len(trs) - r), _span(td, "colspan")
            if len(taken) + rs * cs > MAX_TABLE_CELLS:
                raise _TableTooLarge()
            for dr in range(rs):
                for dc in range(cs):
                    # the columns a cell spans in its own row are that cell, not empty cells of
                    # their own (a label with colspan="3" would push the row's figures right)
                    taken[(r + dr, col + dc)] = td if (dr, dc) == (0, 0) else (_SPANNED if dr == 0 else None)
            col += cs
        rows.append(r)
    if not rows:
        return []
    width = 1 + max((c for (_r, c) in taken), default=-1)
    height = len(rows)
    if width * height > MAX_TABLE_CELLS:
        raise _TableTooLarge()
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


_REPORT_WORDS = ("报告", "年报")
#: where a page title's site name begins ("…工作年度报告_某某县人民政府", "… - 某某网")
_SITE_SUFFIX = re.compile(r"\s*(?:[_|｜]|\s[-—–]\s).*$")


def _page_title(root: _El, layout: "_Layout") -> None:
    """A title that stands only in the page's <h1> or <title>, outside the article,
    becomes the first line (the article's own lines come first to the title finder
    otherwise, and a page whose body has no title is not an untitled report)."""
    for text, *_rest in layout.out[:12]:
        if _titleish(text):
            return  # the article has its title
    found = {}
    stack = [root]
    while stack:  # document order, iteratively (no recursion on deep pages)
        el = stack.pop()
        for c in reversed(el.children):
            if isinstance(c, _El):
                stack.append(c)
        if el.tag in ("h1", "title") and el.tag not in found:
            found[el.tag] = el
    for tag in ("h1", "title"):
        el = found.get(tag)
        if el is None:
            continue
        sub = _Layout()
        sub.walk(el, True)
        sub.flush()
        if not sub.out:
            continue
        text, segs = _join_parts(sub.out)
        m = _SITE_SUFFIX.search(text)
        if m is not None and m.start() > 0:
            text = text[:m.start()]
        if _titleish(text):
            layout.out.insert(0, (text, segs, None, 0, 0, None))
            return


def _titleish(text: str) -> bool:
    """A short line that ends with its 报告 and is not a sentence."""
    t = text.strip()
    return bool(t) and len(t) <= 80 and not any(p in t for p in "。，,；;") and \
        any(w in t[-8:] for w in _REPORT_WORDS)


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
    try:
        layout.walk(article, chrome_ok=False)
    except _TableTooLarge:
        raise table_too_large(path, layout.tables + 1) from None
    layout.flush()
    _page_title(root, layout)
    lines = [HtmlLine(t, i + 1, tuple(segs), cells, table, row, empty_at)
             for i, (t, segs, cells, table, row, empty_at) in enumerate(layout.out)]
    return Document(path=path, format="html", lines=lines)
