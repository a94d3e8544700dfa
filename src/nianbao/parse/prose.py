"""The report's prose: sentences of each section, with exact positions.

Rules about what the text says (topics, figures, repeated text, doubled
words...) all need the same thing: the running text of a section without its
heading, its tables and page markers, cut into sentences, where every
character can be traced back to its line and column.  This module computes that
once per report (cached on the ``Report``) and offers a few readers shared by
those rules: the report's year, Chinese numerals, the agency's kind.

PDF text wraps mid-sentence, so lines are joined without a separator unless
the line break ends a paragraph (the line ends with sentence punctuation or is
short, or the next line starts a numbered item); those breaks are kept as
"\\n" and end a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..model import Span
from .normalize import content_span

SECTIONS = ("一", "二", "三", "四", "五", "六")
PREAMBLE = "前言"

_END = "。！？!?；;"
_ITEM_START = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是]"
                         r"|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]+[，,、])")
#: a run of sentence-ending punctuation, or a line break; written to start with the class of
#: both (then the scan jumps to them at C speed), the break alone when it is one: the same
#: matches as "[。！？!?；;]+|\n"
_SENT_END = re.compile(r"[。！？!?；;\n](?:(?<=\n)|[。！？!?；;]*)")
#: a line at most this long that ends without punctuation ends its paragraph (a sub-heading)
_SHORT = 24


@dataclass
class Sentence:
    start: int  # offsets into Block.flat
    end: int
    text: str


class Block:
    """The running text of one section: ``flat`` plus a map back to the lines."""

    def __init__(self, name: str):
        self.name = name
        self.flat = ""
        # flat as the file writes it (the parse view reads traditional script as simplified;
        # same length, same offsets)
        self.original = ""
        self.lines = []  # line indexes used
        self._starts = []  # flat offset where each piece starts
        self._pieces = []  # (line index, column of the piece's first character)
        self._sentences = None
        self._folded = None

    @property
    def folded(self) -> str:
        """:attr:`flat` without whitespace, for keyword searches that must not
        trip over PDF spacing ("主动 公开"); no positions.  (Full NFKC folding
        is not needed for Chinese keywords and costs ten times more.)"""
        if self._folded is None:
            self._folded = "".join(self.flat.split())  # str.split's whitespace is re's \s
        return self._folded

    def add(self, parts: list) -> None:
        buf = []
        pos = 0
        prev_text = ""
        orig = []
        for li, col, text, written in parts:
            if buf:
                if _breaks(prev_text, text):
                    buf.append("\n")
                    orig.append("\n")
                    pos += 1
            orig.append(written)
            self._starts.append(pos)
            self._pieces.append((li, col))
            self.lines.append(li)
            buf.append(text)
            pos += len(text)
            prev_text = text
        self.flat = "".join(buf)
        self.original = "".join(orig)

    def place(self, offset: int) -> tuple:
        """(line index, column) of character ``offset`` of :attr:`flat`."""
        k = max(0, bisect_right(self._starts, offset) - 1)
        li, col = self._pieces[k]
        return li, col + offset - self._starts[k]

    def span(self, start: int, end: int) -> Span:
        """The span of flat[start:end], cut at the end of its first line."""
        li, col = self.place(start)
        k = max(0, bisect_right(self._starts, start) - 1)
        piece_end = self._starts[k + 1] if k + 1 < len(self._starts) else len(self.flat)
        if self.flat[piece_end - 1: piece_end] == "\n":
            piece_end -= 1
        stop = min(end, piece_end)
        return Span(li, col, col + max(stop - start, 0))

    @property
    def sentences(self) -> list:
        if self._sentences is None:
            out, pos = [], 0
            for m in _SENT_END.finditer(self.flat):
                end = m.end() if m.group(0) != "\n" else m.start()
                _add_sentence(out, self.flat, pos, end)
                pos = m.end()
            _add_sentence(out, self.flat, pos, len(self.flat))
            self._sentences = out
        return self._sentences


def _add_sentence(out: list, flat: str, start: int, end: int) -> None:
    while start < end and flat[start].isspace():
        start += 1
    while end > start and flat[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, flat[start:end]))


def _breaks(prev: str, nxt: str) -> bool:
    if not prev or prev[-1] in _END or prev[-1] in ":：":
        return True
    if len(prev) <= _SHORT:
        return True
    return bool(_ITEM_START.match(nxt))


class Prose(dict):
    """Section name ("前言", "一".."六") -> Block, for the sections present."""


def table_lines(report) -> set:
    """Line indexes of the tables nianbao read (a table is a block with rows or
    figures in it: a lone line that only looks like a table heading is prose)."""
    out = set()
    for t in report.tables.values():
        if t.rows or t.unplaced or t.labels_seen or t.subtables and any(
                st.found for st in t.subtables.values()):
            out.update(t.block)
    return out


def prose(report) -> Prose:
    """The prose of ``report`` (computed once, cached on the report)."""
    cached = report.__dict__.get("_prose")
    if cached is not None:
        return cached
    doc = report.doc
    # the table reader's block may start right after the section heading: prose
    # sentences written before the table ("本年度共收到申请3件。") stay prose
    skip = set(report.page_markers) | {i for i in table_lines(report) if not _sentence_like(doc.lines[i])}
    skip |= _headers_before(report)
    heading_lines = {h.line for h in report.headings}
    out = Prose()
    ranges = []
    accepted = report.accepted_headings()
    first = min((h.line for h in report.headings), default=len(doc.lines))
    title_end = report.title.last_line + 1 if report.title and report.title.last_line < first else 0
    ranges.append((PREAMBLE, range(title_end, first)))
    for h in accepted:
        ranges.append((h.spec.number, report.section_lines(h.spec.index)))
    for name, lines in ranges:
        parts = []
        for i in lines:
            if i in skip or i in heading_lines:
                continue
            ln = doc.lines[i]
            if ln.cells is not None:
                continue
            s, e = content_span(ln.text)
            if e > s:
                text = ln.text[s:e]
                # the parse view reads traditional script as simplified; some rules need the script
                parts.append((i, s, text, ln.written(s, e)))
        block = Block(name)
        if parts:
            block.add(parts)
        out[name] = block
    report.__dict__["_prose"] = out
    return out


_FIGURE_RUN = re.compile(r"\d\s+\d")
#: share of a line's bigrams in a table's vocabulary from which it is that table's header
_HEADER_SHARE = 0.6


def _headers_before(report) -> set:
    """Lines just before a table's block, in its section, that are its header, not
    sentences: a page run onto one line leaves the header cells as one long line of
    words ("申请人情况 （本列数据的勾稽关系为：…） 商业 科研 …") that the block does not
    take in; read as prose, its run-together cells make words ("结果结果")."""
    from .labels import grams, norm
    from .table_locate import vocab_share
    doc = report.doc
    heads = {h.line for h in report.headings}
    out = set()
    for tid, t in report.tables.items():
        if not t.block or not (t.rows or t.unplaced):
            continue
        i = t.block.start - 1
        while i >= 0 and i not in heads:
            ln = doc.lines[i]
            if ln.cells is not None or _sentence_like(ln) or "。" in ln.text:
                break
            g = grams(norm(ln.text))
            if g and vocab_share(report.template, tid, g) < _HEADER_SHARE:
                break
            if g:
                out.add(i)
            i -= 1
    return out


def _sentence_like(line) -> bool:
    """A line inside a table block that is a sentence, not a row."""
    t = line.text
    return (line.cells is None and "。" in t and "\t" not in t and "|" not in t
            and not _FIGURE_RUN.search(t))


# ---------------------------------------------------------------- numbers

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUMERAL = "[零〇一二两三四五六七八九十百千万]+"
NUMBER = rf"(?:\d[\d,，]*(?:\.\d+)?|{CN_NUMERAL})"


def cn_value(text: str):
    """The value of a Chinese numeral ("二十三", "一百零五", "两") or None."""
    if not text or any(c not in _CN_DIGITS and c not in _CN_UNITS for c in text):
        return None
    if all(c in _CN_DIGITS for c in text):  # digit by digit ("二〇二四")
        v = 0
        for c in text:
            v = v * 10 + _CN_DIGITS[c]
        return v
    total, section, digit = 0, 0, None
    for c in text:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
        else:
            unit = _CN_UNITS[c]
            if unit == 10000:
                section = (section + (digit or 0)) * unit
                total += section
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
    return total + section + (digit or 0)


def number_value(text: str):
    """An Arabic or Chinese number as int/float, None when not a number."""
    t = text.replace(",", "").replace("，", "").strip()
    if not t:
        return None
    if t[0].isdigit():
        try:
            return int(t) if "." not in t else float(t)
        except ValueError:
            return None
    return cn_value(t)


# ---------------------------------------------------------------- agency kind

_TRAILING_NOTE = re.compile(r"[（(][^）)]*[）)]$")
_STREET = re.compile(r"街道(?:办事处)?$|街道办$")
_GOV = re.compile(r"人民政府$|(?:省|市|县|区|旗|镇|乡|州|盟)$")


def agency_kind(report) -> str:
    """"government", "street" or "" (a department, or unknown) from the title's agency."""
    agency = report.title.agency if report.title else ""
    agency = _TRAILING_NOTE.sub("", agency)
    if not agency:
        return ""
    if _STREET.search(agency):
        return "street"
    if _GOV.search(agency):
        return "government"
    return ""


def section_closed(report, number: str) -> bool:
    """True when section ``number`` is followed by a later section heading, or is the
    last section (六): its text is whole.  A section the document ends in before
    section 六 is likely cut off (an excerpt, a truncated download), so rules
    about what it lacks keep quiet."""
    hit = next((h for h in report.accepted_headings() if h.spec.number == number), None)
    if hit is None:
        return False
    if number == SECTIONS[-1]:
        return True
    return any(h.line > hit.line for h in report.accepted_headings())
