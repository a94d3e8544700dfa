"""Where a table is: its section's range, then the block of lines that reads like it."""

from __future__ import annotations

from . import cells as C
from .labels import grams, norm
from .table_lines import Lines
from .table_model import CAPTION_RE

# ---------------------------------------------------------------------------
# finding a table's block


def table_range(report, spec) -> tuple:
    secs = report.sections
    n = len(report.doc.lines)
    idx = spec.section_index
    if idx in secs:
        return secs[idx][0] + 1, secs[idx][1]
    before = [k for k in secs if k < idx]
    after = [k for k in secs if k > idx]
    lo = secs[max(before)][0] + 1 if before else 0
    hi = secs[min(after)][0] if after else n
    return lo, hi


def _vocab_shares(spec, g: frozenset) -> dict:
    """Table id -> (share of the bigrams ``g`` in that table's vocabulary, the highest
    share in another table's) (cached per template: labels repeat from report to report)."""
    cache = spec.cache.setdefault("vocab_shares", {})
    got = cache.get(g)
    if got is None:
        n = len(g)
        share = {k: len(g & s.vocab) / n for k, s in spec.tables.items()}
        got = {}
        for k, v in share.items():
            got[k] = (v, max([w for j, w in share.items() if j != k], default=0.0))
        if len(cache) < 20000:
            cache[g] = got
    return got


def vocab_share(template, tid: str, g: frozenset) -> float:
    """The share of the bigrams ``g`` in the vocabulary of table ``tid``."""
    from .tablespec import compile_tables
    return _vocab_shares(compile_tables(template), g)[tid][0]


def _header_fragments(label: str) -> bool:
    """Three or more short words separated by spaces, no sentence punctuation: the
    pieces of a multi-line table header as PDF text extraction leaves them."""
    words = label.split()
    return len(words) >= 3 and max(map(len, words)) <= 4 and not any(p in label for p in "。，,；;")


def _spaced_words(label: str) -> bool:
    """Three or more words separated by spaces and no sentence punctuation: header cells
    (or a table's labels) laid out on one line, not a sentence."""
    return len(label.split()) >= 3 and not any(p in label for p in "。，,；;")


_WORD_GRAMS = {}
_UNSEEN = object()


def _word_grams(label: str):
    """For a label of spaced words (:func:`_spaced_words`), the bigrams of each word joined
    (not the ones across the gaps); None for any other label.  Cached: header lines
    repeat from report to report."""
    g = _WORD_GRAMS.get(label, _UNSEEN)
    if g is _UNSEEN:
        g = frozenset().union(*(grams(norm(w)) for w in label.split())) if _spaced_words(label) else None
        if len(_WORD_GRAMS) < 20000:
            _WORD_GRAMS[label] = g
    return g


def _names_groups(label: str, tspec) -> bool:
    """Whether ``label`` names two or more of the groups of a table read by group names
    (table 四: 行政复议, 未经复议直接起诉, 复议后起诉)."""
    rows = tspec.rows
    if len(rows) < 2 or not all(r.keys for r in rows):
        return False
    return sum(1 for r in rows if any(k in label for k in r.keys)) >= 2


def _line_kind(lines: Lines, i: int, it: C.LineItem, tid: str, spec) -> str:
    """"anchor" | "foreign" | "prose" | "value" | "neutral" for table ``tid``."""
    if it.separator:
        return "neutral"
    if not it.exact and not it.values and len(it.label) > 60 and not _spaced_words(it.label):
        return "prose"  # no table label is that long (the header cells of a page run onto one line may be)
    lab = lines.label(i)
    has_values = it.filled > 0
    if lab.cjk >= 2 and len(lab.grams) >= 2:
        if tid == "二" and CAPTION_RE.search(lab.text):
            return "anchor"
        if len(it.values) >= 5 and _names_groups(it.label, spec.tables[tid]):
            return "anchor"  # "行政复议 … 复议后起诉 … 0 0 0 …": the groups' header and figures on one line
        g = lab.grams
        words = _word_grams(it.label)  # the words' own bigrams, not the ones across the gaps
        if words is not None:
            g = words or g
        mine, other = _vocab_shares(spec, g)[tid]
        if other >= 0.75 and other >= mine + 0.2:
            # a short fragment with no figures ("本年新" of a header split over lines) proves nothing
            return "foreign" if has_values or lab.cjk >= 4 else "neutral"
        if mine >= 0.6 and mine >= other + 0.15:
            return "anchor"  # words of this table, not words all three tables share
        if has_values:
            return "value"
        if _header_fragments(it.label):
            return "neutral"  # "维持 纠正 结果 审结 计": a header broken into its words
        if ("。" in lab.text and mine < 0.7) or (lab.cjk >= 10 and mine < 0.5):
            return "prose"
        return "neutral"
    return "value" if has_values else "neutral"


def find_block(lines: Lines, tid: str, spec, lo: int, hi: int):
    start = last = None
    prose = 0
    for i in range(lo, hi):
        it = lines.item(i)
        if it is None:
            continue
        kind = _line_kind(lines, i, it, tid, spec)
        if start is None:
            if kind == "anchor":
                start = last = i
            continue
        if kind == "foreign":
            break
        if kind == "prose":
            prose += 1
            if prose >= 2:
                break
            continue
        prose = 0
        last = i
    if start is None:
        return None
    return range(start, last + 1)


