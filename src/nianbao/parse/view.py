"""The document as the readers see it: one logical line per heading or table row.

Web pages and PDFs reach nianbao in layouts the readers were not written for:
the whole body on one line with the headings inline ("…编制。一、总体情况 2024年，
我区…"), table rows run into each other ("规章000规范性文件898989"), traditional
script ("一、總體情況"), converters that gloss every character with pinyin
("規(guī)定").  Rather than teach every reader every layout, this module rewrites the
document once into the canonical shape the readers know:

1. **fold**: traditional characters to simplified (OpenCC's character table, one
   character for one, loaded only when the text has traditional characters) and
   pinyin glosses removed;
2. **cut** long lines before each section heading (``一、``…``六、`` followed by a
   heading's wording; a run of them with nothing between is a table of contents
   and stays as it is) and after it, and before each table row label that is
   followed by its figures, and each ``第二十条第（X）项`` caption.

Each logical line is a :class:`ViewLine` that maps every one of its columns
back to the original line, so every finding keeps the place, the source text and
the carets of the file the user opened.  Lines that need neither step are the
original ``Line`` objects themselves: a report in the usual layout costs nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import Document, Line
from .headings import near_heading
from .labels import loose_pattern
from .normalize import fold

_CN_NUM = "一二三四五六"
#: a few characters common in these reports that only traditional script uses
_TRADITIONAL_HINTS = "體況開資與關處報員據點權務條機國門總會為們這來時發經實學對問題網區縣鎮鄉辦說當應義術"
_TRADITIONAL_HINT = re.compile(f"[{_TRADITIONAL_HINTS}]")  # one pass over the text, not one per character
#: a pinyin gloss after a character, sometimes doubled by the converter: "規(guī)定", "和(he)(he)"
#: (written to start with its bracket, the character before it checked behind: the scan
#: then jumps from bracket to bracket; the same matches as "(?<=[㐀-鿿])(?:[（(]…[)）])+")
_PINYIN = "[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}"
_GLOSS_RE = re.compile(rf"[（(](?<=[\u3400-\u9fff][（(]){_PINYIN}[)）](?:[（(]{_PINYIN}[)）])*")
#: lines shorter than this are never cut for table rows (a row on its own line is short)
_ROW_CUT_MIN = 24
#: a line this long is a page (or a large part of it) flattened into one line
_FLAT = 400
#: characters of long lines a document's row cuts look at (real reports are far shorter;
#: past it, lines stay as they are: the search stays bounded on a 100 MB file)
_ROW_CUT_BUDGET = 2_000_000
#: at most this many such lines: a flattened page, not a document of long paragraphs
_FLAT_LINES = 20
_YEAR = re.compile(r"(?:19|20)\d{2}")
#: the first half of a title ending with its year, right before the second half: "某某县人民政府2021年度 "
_YEAR_BEFORE = re.compile(r"(?:^|(?<=\s))[^\s。，,；;:：>]{2,30}?(?:19|20)\d{2}年度?\s$")
_SENTENCE_END = re.compile(r"。(?![”’」』）)])")
_NOTE = re.compile(r"(?<=\s)注[：:]")
_SUBITEM = re.compile(r"(?<=[\s。！？；;])[（(][一二三四五六七八九十]{1,3}[）)](?=\s*[\u4e00-\u9fff])")
#: a sub-heading's words, then a space and a sentence (not a table row's figures)
_SUBITEM_HEAD = re.compile(r"\s*[\u4e00-\u9fff][^\s。，,；;：:！？!?]{1,15}"
                           r"(?=\s+(?!(?:\d+(?:\.\d+)?|[/／—－-]{1,2}|无|空)(?:\s|$))\S)")
_SEPARATORS = " \t\u3000，,；;、。.：:"


class ViewLine(Line):
    """A logical line cut out of (and/or folded from) an original line."""

    __slots__ = ("base", "cmap")

    def __init__(self, text: str, number: int, base: Line, cmap: list, cells=None):
        super().__init__(text, number, base.source_line, cells)
        self.base = base
        self.cmap = cmap  # view column -> column in base.text (len(text) + 1 entries)

    def _src(self, col: int) -> int:
        cmap = self.cmap
        if col < len(cmap):
            return cmap[col]
        return cmap[-1] + (col - len(cmap) + 1)

    def place(self, col: int):
        return self.base.place(self._src(col))

    def display_text(self) -> str:
        return self.base.display_text()

    def source_cols(self, start: int, end: int) -> tuple:
        s = self._src(start)
        e = self._src(end - 1) + 1 if end > start else s
        return s, e

    def written(self, start: int, end: int) -> str:
        base = self.base.text
        if end <= start:
            return ""
        s, last = self._src(start), self._src(end - 1)
        if last - s == end - 1 - start and last < len(base):
            return base[s:last + 1]  # a stretch cut out of the line, no character dropped
        return "".join(base[self._src(k)] if self._src(k) < len(base) else self.text[k]
                       for k in range(start, end))

    def original(self, start: int, end: int) -> str:
        return self.base.text[slice(*self.source_cols(start, end))]


# ---------------------------------------------------------------------------
# fold


class _Folder:
    """Traditional -> simplified with OpenCC (loaded on first need): its phrase
    conversion ("反覆" -> "反复") when it keeps every character in place, else its
    character table, one character for one."""

    table = None
    conv = None

    @classmethod
    def fold(cls, text: str) -> str:
        if cls.table is None:
            cls.conv, cls.table = _build_t2s()
        if cls.conv is not None:
            out = cls.conv.convert(text)
            if len(out) == len(text):
                return out
        return text.translate(cls.table)


def _build_t2s() -> tuple:
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a dependency
        return None, {}
    conv = opencc.OpenCC("t2s")
    chars = [chr(c) for c in range(0x3400, 0xA000)] + [chr(c) for c in range(0xF900, 0xFB00)]
    out = conv.convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):  # pragma: no cover - defensive
        return conv, {}
    return conv, {ord(a): b for a, b in zip(chars, out) if a != b and len(b) == 1}


def needs_fold(text: str) -> tuple:
    """(traditional, glosses): which folding steps ``text`` needs."""
    trad = _TRADITIONAL_HINT.search(text) is not None
    gloss = ("(" in text or "（" in text) and _GLOSS_RE.search(text) is not None
    return trad, gloss


def _fold_line(text: str, trad: bool, gloss: bool) -> tuple:
    """(folded text, cmap or None when the columns did not move)."""
    if trad:
        text = _Folder.fold(text)
    if not gloss:
        return text, None
    pieces, cmap, pos = [], [], 0
    for m in _GLOSS_RE.finditer(text):
        pieces.append(text[pos:m.start()])
        cmap.extend(range(pos, m.start()))
        pos = m.end()
    if not pieces:
        return text, None
    pieces.append(text[pos:])
    cmap.extend(range(pos, len(text) + 1))
    return "".join(pieces), cmap


# ---------------------------------------------------------------------------
# cut


#: short labels that are everyday words: they do not start the look on their own
#: how far before a label's words its numbering ("（三）", "1. ", "一、") may start
_NUMBERING_WIDTH = 6
#: a label's numbering just before its words ("（三）", "2. ", "一、", or a lone "、" left by OCR)
_NUMBER_BEFORE = re.compile(r"(?:[（(]\s*[一二三四五六七八九十]\s*[）)]|\d\s*[.．、]|[一二三四五六七八九十]\s*[、.．]"
                            r"|[、.．])\s*$")
_COMMON_WORDS = frozenset({"其他", "总计", "小计"})
_LABEL_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、])")
#: the figures after a row label: numbers, stand-ins, spaces; a unit after them means a sentence
_FIGURES = r"\s*(?:\d+(?:\.\d+)?|[/／—－-]{1,2}|无|空)(?:\s*(?:\d+(?:\.\d+)?|[/／—－-]{1,2}|无(?=\s|\d|$)|空(?=\s|\d|$)))*\s*"
_FIGURES_AHEAD = (r"(?=" + _FIGURES
                  + r"(?:$|[^\d\s件个条项万元%％.．、]|\d[.．、]\s*(?=[\u4e00-\u9fff])|(?<=\s)[.．、]\s*(?=[\u4e00-\u9fff（(])))")


def _longest_first(word: str) -> tuple:
    """Sort key of alternatives: longer first, then by text (a set's order
    changes from run to run; the patterns built from it must not)."""
    return -len(word), word


class _Cutter:
    """The patterns that cut a long line (compiled once per template; the largest only
    when a line needs it: most reports never do, and it costs a cold start 20 ms)."""

    @property
    def row_label(self):
        if self._row_label is None:
            self._row_label = re.compile(self._row_label_source)
        return self._row_label

    @property
    def bare_label(self):
        if self._bare_label is None:
            self._bare_label = re.compile(self._bare_label_source)
        return self._bare_label

    @property
    def row_head(self):
        if self._row_head is None:
            self._row_head = re.compile(self._row_head_source)
        return self._row_head

    def __init__(self, template, tables):
        self.specs = template.headings
        alts = {}
        for spec in template.headings:
            words = sorted({spec.text, *spec.variants}, key=_longest_first)
            alts[spec.number] = re.compile("|".join(loose_pattern(w) for w in words))
        self.heading_words = alts
        # a cheap first look: the first two characters of some heading's wording
        self.heading_quick = re.compile("|".join(sorted({re.escape(w[:2]) for spec in template.headings
                                                        for w in (spec.text, *spec.variants)})))
        # "一、" "一." "（一）" "1、" "第一部分": every numbering a section heading is written with
        # (the lookahead names the characters they start with: the scan skips other positions
        # at once instead of trying each alternative there, twice as fast on a line of prose)
        self.heading_start = re.compile(rf"(?=[第{_CN_NUM}（(1-6])"
                                        rf"(?:第([{_CN_NUM}])部分\s*[、.．:：]?|([{_CN_NUM}])\s*[、.．]"
                                        rf"|[（(]([{_CN_NUM}])[）)]|(?<!\d)([1-6])\s*[、.．](?!\d))\s*")
        self.title = re.compile(r"[^\s。，,；;:：>]{0,40}?(?:政府信息公开|政务公开|信息公开)[^\s。，,；;]{0,8}?(?:报告|年报)"
                                r"(?=\s)")
        labels = set()
        for t in tables.tables.values():
            for r in t.rows:
                if t.id == "四":
                    continue
                labels.add(r.label)
                labels.update(r.variants)
        for rows in tables.legacy.rows.values():  # rows only the 2019 layout has ("政府集中采购")
            labels.update(rows)
        alts = []
        for x in sorted(labels, key=_longest_first):
            m = _LABEL_NUMBERING.match(x)
            num, core = (x[:m.end()], x[m.end():]) if m else ("", x)
            if num and len(core) >= 3:
                # the label's own numbering, another dot, or none (lost in extraction): "、本年新收…"
                alts.append(rf"(?:{loose_pattern(num)}|[、.．])?\s*{loose_pattern(core)}")
            else:
                alts.append(loose_pattern(x))
        self._row_label_source = "(?:" + "|".join(alts) + ")" + _FIGURES_AHEAD
        self._row_label = None
        # the same labels with no figures after them: the rows of a table left unfilled
        self._bare_label_source = "(?:" + "|".join(alts) + ")"
        self._bare_label = None
        # a numbered label cut short by its figures, the rest of its words after them or lost
        # ("5.要求行政机关 0 0 0 0 0 0 0 确认或…", "1. 申请人无正当理由逾期不补正、1000001 处理 行政机关…"):
        # its numbering and the first four characters of a label, then words up to the figures
        heads = set()
        for x in labels:
            m = _LABEL_NUMBERING.match(x)
            core = x[m.end():] if m else ""
            if len(core) >= 6:
                heads.add(loose_pattern(core[:4]))
        self._row_head_source = (r"(?:[（(]\s*[一二三四五六七八九十]\s*[）)]|(?<!\d)\d{1,2}\s*[.．、])\s*(?:"
                                   + "|".join(sorted(heads)) + r")[^\d。；;：:]{0,30}?"
                                  # figures glued to a word are two digits at least ("数据1" is a header)
                                  r"(?:(?<![\u4e00-\u9fff])|(?=\d{2}))" + _FIGURES_AHEAD)
        self._row_head = None
        self.figures = re.compile(_FIGURES)
        keys = sorted({k for t in tables.tables.values() if t.id == "四" for r in t.rows for k in r.keys},
                      key=_longest_first)
        self.group_keys = re.compile("|".join(map(re.escape, keys))) if keys else None
        # figures (or one run of digits), then words: the end of a group of table 四 on one line
        # (a lone short number right after a word is part of it, a header "数据1", not a group's figures;
        # and never a count in a sentence, "2023年，我镇…": a cell's figure is not followed by its unit)
        # a run of five digits or more is a group run together whatever follows ("…9000009 项目")
        self.run_then_words = re.compile(rf"(?<![\d.])(?:\d{{5,}}(?:\s+{_CELL})*|(?:(?<![\u4e00-\u9fff])\d+|\d+(?=\s+{_CELL}))"
                                         rf"(?:\s+{_CELL})*(?!\s*[{_UNITS}])){_WORDS_NEXT}")
        # a cheap first look: two label fragments on a line before the full patterns run
        # (the first three characters of each label, or the whole of a short one: words like
        # 其他 or 行政 alone are in every paragraph)
        frags = set()
        for x in labels:
            m = _LABEL_NUMBERING.match(x)
            core = x[m.end():] if m else x
            run = re.match(r"[\u4e00-\u9fff]{1,3}", core)  # up to a quote or bracket
            word = run.group() if run else core[:3]
            if len(word) >= 3 or word not in _COMMON_WORDS:
                frags.add(re.escape(word))
        self.quick = re.compile("|".join(sorted(frags | {"第二十条"})))
        # where a label may be: the tolerant pattern is tried only a few characters before
        # these (a numbering "（三）" or "1. " comes first), not at every position of a long line
        self.candidates = re.compile("|".join(sorted(frags | {re.escape(w) for w in _COMMON_WORDS})))
        self.caption = re.compile(r"第二十条第\s*[（(]\s*[一二三四五六七八九十]\s*[）)]\s*项")
        self.group = re.compile("|".join(loose_pattern(g.label) for t in tables.tables.values()
                                         for g in t.groups.values()))


def _heading_cuts(text: str, cutter: _Cutter, again=None) -> list:
    """[(start, end)] of section headings written inside ``text`` (table-of-contents runs left out).

    ``again(numbers)`` tells whether any of those sections' headings is written again in a
    later line: a run of headings with nothing between is a list of the parts only when
    the parts follow; otherwise it is the headings of sections left empty ("二、… 三、… 四、…"
    of a flattened page whose tables are missing)."""
    found = _heading_starts(text, cutter)
    # a heading followed by nothing but separators and another heading: a list of the parts
    # (in increasing order: a list followed at once by the first heading does not take it in)
    toc = set()
    for k in range(len(found) - 1):
        gap = text[found[k][1]:found[k + 1][0]]
        if not gap.strip(_SEPARATORS + "和及等") and "。" not in gap \
                and _CN_NUM.index(found[k + 1][2]) > _CN_NUM.index(found[k][2]):  # a full stop ends the list
            toc.update((k, k + 1))
    if toc and again is not None:
        for run in _runs(sorted(toc)):
            numbers = {found[k][2] for k in run}
            later = {found[k][2] for k in range(run[-1] + 1, len(found))}
            if not numbers & later and not again(numbers):
                toc.difference_update(run)
    return [(s, e) for k, (s, e, _) in enumerate(found) if k not in toc]


def _runs(ks: list) -> list:
    """Consecutive integers of the sorted ``ks`` grouped: [1, 2, 5, 6] -> [[1, 2], [5, 6]]."""
    out = []
    for k in ks:
        if out and out[-1][-1] == k - 1:
            out[-1].append(k)
        else:
            out.append([k])
    return out


def _heading_starts(text: str, cutter: _Cutter) -> list:
    """[(start, end, number)] of every section heading written inside ``text``."""
    found = []
    if cutter.heading_quick.search(text) is None:
        return found
    for m in cutter.heading_start.finditer(text):
        s = m.start()
        number = m.group(1) or m.group(2) or m.group(3) or _CN_NUM[int(m.group(4) or 1) - 1]
        w = cutter.heading_words[number].match(text, m.end())
        if w is None and m.group(2):
            # renumbered ("二、收到和处理政府信息公开申请情况"): another section's exact wording
            w = next((x for x in (cutter.heading_words[n].match(text, m.end()) for n in _CN_NUM) if x), None)
        if w is None:
            w = _near_miss(text, m, number, cutter)
        if w is None:
            continue
        if s and text[s - 1] not in _SEPARATORS and not text[s - 1].isdigit() \
                and text[s - 1] not in "）)”\"」】》" and w.end() - w.start() < 8:
            continue  # a short wording ("一、总体情况") starts a heading only after a break
        e = w.end()
        while e < len(text) and text[e] in "。：:":
            e += 1
        found.append((s, e, number))
    return found


#: a line that ends with three figures or more: perhaps a row after text it was run into
_ENDS_WITH_ROW = re.compile(r"(?:\s\d+){3,}\s*$")
#: what follows a count in a sentence ("2件", "2021年", "12888条"), never a table cell's figure
_UNITS = "件个条项次人起年月日万元份篇期场家名户%％"
#: one cell of a row of figures: a number or a stand-in ("/", "—", "无")
_CELL = r"(?:\d+(?:\.\d+)?|[/／—－-]{1,2}|无|空)"
#: what may follow a row's last figure when it is the next row's words (not a stand-in)
#: (also a lone "、" left by OCR from a merged label, and the numbering of the next row: "0 0 2.其他…")
_WORDS_NEXT = r"(?=\s*(?:、\s*)?(?![无空](?:\s|$))[\u4e00-\u9fff（(]|\s+\d{1,2}[.．、]\s*[\u4e00-\u9fff])"
_ROW_FIGURES = re.compile(rf"(?<![\d.]){_CELL}(?:\s+{_CELL}){{2,}}{_WORDS_NEXT}")
_NEXT_NUMBERING = re.compile(r"[.．、]\s*[\u4e00-\u9fff]")
_WORDING = re.compile(r"[^\s。，,；;：:（()）]{3,30}(?=\s|$)")
_WORDING_RUN = re.compile(r"[^\s。，,；;：:（()）]+")


def _near_miss(text: str, m, number: str, cutter: "_Cutter"):
    """A heading worded unlike any known variant but most like its own number's
    ("四、因政府信息公开工作被申请行政复议提起行政诉讼情况"), ended by a space."""
    if not m.group(2):
        return None  # only the template's own numbering style ("四、") is trusted this far
    spec = next(x for x in cutter.specs if x.number == number)
    w = _WORDING.match(text, m.end())
    if w is not None:
        return w if near_heading(fold(w.group()), spec, cutter.specs) else None
    # no space after it: the wording runs into what follows ("…行政诉讼情况行政复议行政诉讼结果…");
    # try the lengths of the known wordings and keep the closest, only when it is very close
    best = None
    for word in (spec.folded, *spec.folded_variants):
        for n in range(len(word) - 2, len(word) + 3):
            cand = _WORDING_RUN.match(text, m.end(), m.end() + n)
            if cand is None or cand.end() - cand.start() != n:
                continue
            like = near_heading(fold(cand.group()), spec, cutter.specs, 0.8)
            if like and (best is None or like > best[0]):
                best = (like, cand)
    return best[1] if best else None


def _row_cuts(text: str, cutter: _Cutter) -> list:
    """Where table rows begin inside a long line: captions, row labels followed by figures,
    and the group labels between them."""
    cuts = _group_cuts(text, cutter)
    # (only in a flattened page: a line of ordinary length holding one row is that row already)
    lone_row = len(text) >= _FLAT and "\t" not in text and (_ENDS_WITH_ROW.search(text) or _ROW_FIGURES.search(text))
    if len(set(cutter.quick.findall(text))) < 2 and not lone_row:
        return cuts  # two different labels at least (or one with a row's figures run into other text)
    starts, labels = set(), []
    for m in cutter.caption.finditer(text):
        starts.add(m.start())
    done = -1
    bare = []  # labels with no figures after them
    for c in cutter.candidates.finditer(text):
        if c.start() < done:
            continue  # inside a label already found
        at = c.start()
        before = _NUMBER_BEFORE.search(text, max(0, at - _NUMBERING_WIDTH, done), at)
        tries = ((before.start(), cutter.row_label), (at, cutter.row_label), (before.start(), cutter.row_head)) \
            if before is not None else ((at, cutter.row_label),)  # last: a numbered label cut short
        for p, pattern in tries:
            m = pattern.match(text, p)
            if m is not None:
                starts.add(m.start())
                labels.append(m)
                done = m.end()
                break
        else:
            m = cutter.bare_label.match(text, before.start() if before is not None else at)
            if m is not None:
                bare.append(m)
                done = m.end()
    for run in _label_runs(text, bare, cutter, starts):
        starts.update(m.start() for m in run)
        cuts = [*cuts, run[-1].end()]
    if len(starts) < 2 and not (lone_row and any(len(cutter.figures.match(text, m.end()).group().split()) >= 3
                                                 for m in labels)):
        return cuts  # one label followed by a figure: a sentence, not a flattened table (a whole row is not)
    for m in cutter.group.finditer(text):
        starts.add(m.start())
    cuts = set(starts) | set(cuts)
    # in a flattened table a row ends with its figures even where its label is too broken
    # to be recognised ("(六)其 1. 申请人无正当理由逾期 0 0 0 0 0 0 0 他处理 …")
    cuts.update(m.end() for m in _ROW_FIGURES.finditer(text))
    order = sorted(starts)
    for m in labels:
        # the row ends with its figures: what follows (a caption, a header) is not in it
        f = cutter.figures.match(text, m.end())
        end = f.end()
        if _NEXT_NUMBERING.match(text, end):
            while end > m.end() and text[end - 1].isdigit():
                end -= 1  # "… 0 0 6.属于…": the last digits number the next row
        later = [s for s in order if m.end() < s < end]
        cuts.add(later[0] if later else end)
    return sorted(cuts)


#: rows of an unfilled table written one after another: at least this many labels in a row
_BARE_RUN = 3
#: a top-level item ("三、"), the section after a table, or table 三's next row
_SECTION_NUMBER = re.compile(r"[一二三四五六七八九十]\s*[、.．]")


def _label_runs(text: str, bare: list, cutter: _Cutter, starts: set) -> list:
    """Runs of row labels written one after another with nothing between them but spaces
    and group labels ("（一）予以公开 （二）部分公开… （三）不予公开 1.属于国家秘密 …"): the
    rows of a table left unfilled, flattened.  Three labels in a row at least, or, in a
    table 二 (its captions on the line), labels followed by nothing but the next caption,
    the next row, a top-level item ("三、") or the end of the line ("行政处罚 行政强制 第二十条第（八）项"); other
    labels are words of a sentence, not rows."""
    groups, run = [], []
    for m in bare:
        if run:
            gap = text[run[-1].end():m.start()].strip()
            if gap and not cutter.group.fullmatch(gap):
                groups.append(run)
                run = []
        run.append(m)
    if run:
        groups.append(run)
    captions = cutter.caption.search(text) is not None
    runs = []
    for run in groups:
        if len(run) >= _BARE_RUN:
            runs.append(run)
            continue
        if not captions:
            continue
        end = run[-1].end()
        nxt = end + len(text[end:]) - len(text[end:].lstrip())
        if nxt == len(text) or nxt in starts or cutter.caption.match(text, nxt) \
                or _SECTION_NUMBER.match(text, nxt):
            runs.append(run)
    return runs


def _group_cuts(text: str, cutter: _Cutter) -> list:
    """Table 四 written group after group on one line ("行政复议 结果维持 … 总计 3 40 5 13 61
    行政诉讼（未经复议直接起诉） …"): cut after each group's figures."""
    keys = cutter.group_keys
    if keys is None:
        return []
    first = keys.search(text)
    if first is None or keys.search(text, first.end()) is None:
        return []
    return [m.end() for m in cutter.run_then_words.finditer(text, first.start())]


def _pieces(text: str, cuts: list) -> list:
    bounds = sorted({0, len(text), *cuts})
    out = []
    for s, e in zip(bounds, bounds[1:]):
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            out.append((s + lead, s + trail))
    return out


# ---------------------------------------------------------------------------


def _moved_cells(cells, fmap):
    """A table row's cell spans in the folded line's columns (glosses removed
    from a cell shorten it)."""
    if cells is None or fmap is None:
        return cells
    return tuple((bisect_left(fmap, s), bisect_left(fmap, e)) for s, e in cells)


def build_view(doc: Document, template, tables) -> Document:
    """The document as logical lines (``doc`` itself when nothing changes)."""
    full = doc.text
    trad, gloss = needs_fold(full)
    cutter = template.cache.get("view_cutter")
    if cutter is None:
        cutter = template.cache["view_cutter"] = _Cutter(template, tables)
    out, changed = [], False
    title_cut = False
    budget = _ROW_CUT_BUDGET
    # a page flattened into one line (or a few): sentences and the title are cut out of
    # it; a document of many long lines (paragraphs) is not a flattened page
    flat_page = sum(1 for ln in doc.lines if len(ln.text) >= _FLAT) <= _FLAT_LINES
    later = []  # (line index, section number) of every heading start, computed when first needed

    def again(i: int, numbers: set) -> bool:
        if not later:
            later.append((-1, ""))
            for j, other in enumerate(doc.lines):
                if other.cells is None and other.text.strip():
                    t = _fold_line(other.text, trad, gloss)[0] if trad or gloss else other.text
                    later.extend((j, n) for _, _, n in _heading_starts(t, cutter))
        return any(j > i and n in numbers for j, n in later)

    for i, ln in enumerate(doc.lines):
        text = ln.text
        ftext, fmap = (text, None)
        if trad or gloss:
            ftext, fmap = _fold_line(text, trad, gloss and ("(" in text or "（" in text))
        cuts = []
        if ln.cells is None and ftext.strip():
            spans = _heading_cuts(ftext, cutter, lambda numbers, i=i: again(i, numbers))
            for s, e in spans:
                cuts.extend((s, e))
            if flat_page and len(ftext) >= _FLAT:  # paragraphs run together: one line per sentence
                cuts.extend(m.end() for m in _SENTENCE_END.finditer(ftext))
                # a table's note ("注：…") starts a line of its own; run on after the header it
                # would make the header read as a sentence
                cuts.extend(m.start() for m in _NOTE.finditer(ftext))
                # so does a sub-heading's number ("…27次 （二）依申请公开情况。"): its line break
                # became a space
                for m in _SUBITEM.finditer(ftext):
                    cuts.append(m.start())
                    h = _SUBITEM_HEAD.match(ftext, m.end())  # "（六）监督保障方面 2023年，…": a line of its own
                    if h is not None:
                        cuts.append(h.end())
            if flat_page and len(ftext) >= _FLAT and not title_cut:
                t = next((t for t in cutter.title.finditer(ftext, 0, _FLAT)
                          if (not t.start() or ftext[t.start() - 1].isspace())
                          and (_YEAR.search(t.group()) or _YEAR_BEFORE.search(ftext, 0, t.start()))),
                         None)
                if t is not None:  # a page flattened to one line starts with its title
                    y = None if _YEAR.search(t.group()) else _YEAR_BEFORE.search(ftext, 0, t.start())
                    # a title broken over two lines before the page was flattened: "某某县2021年度 信息公开年度报告"
                    cuts.extend((y.start() if y else t.start(), t.end()))
                    title_cut = True
            if len(ftext) >= _ROW_CUT_MIN and budget > 0:
                budget -= len(ftext)
                cuts.extend(_row_cuts(ftext, cutter))
        pieces = _pieces(ftext, cuts) if cuts else None
        if pieces is not None and len(pieces) == 1 and pieces[0] == (0, len(ftext)):
            pieces = None
        if pieces is None and ftext == text and fmap is None:
            out.append(ln)  # unchanged: the original line (its ``number`` is its place in ``doc``)
            continue
        changed = True
        base_map = fmap if fmap is not None else list(range(len(ftext) + 1))
        if pieces is None:
            out.append(ViewLine(ftext, len(out) + 1, ln, base_map, _moved_cells(ln.cells, fmap)))
            continue
        for s, e in pieces:
            out.append(ViewLine(ftext[s:e], len(out) + 1, ln, base_map[s:e + 1]))
    if not changed:
        return doc
    return Document(doc.path, doc.format, out)
