"""How a written label fits a table's template rows (bigram index, F1 scores)."""

from __future__ import annotations

from typing import NamedTuple

from .labels import grams, precision
from .table_model import NEG

# ---------------------------------------------------------------------------
# table 三: ordered alignment


class Fit(NamedTuple):
    """How one written label fits a table's rows (see ``_align``)."""

    own: list  # F1 per row
    top: int  # the row of the highest F1 (the first of equals)
    top_precision: float  # the precision for that row
    coverage: float  # the highest coverage of any row
    labelled: bool  # it names a row: a whole label, or a fragment of one split over lines
    noise: float  # the share of its bigrams that are group labels, headers or columns
    scores: tuple  # per row, the score of a row with this label: 4·F1 − 1.5
    sure: int  # the row it names beyond doubt (F1 ≥ 0.8, 0.25 ahead of any other), or -1


class RowIndex:
    """Inverted bigram index over a table's row labels (built once per template)."""

    def __init__(self, rows: list, noise: frozenset):
        self.n = len(rows)
        self.noise = noise
        self.legacy = tuple(r.legacy for r in rows)
        # per-template caches: written labels repeat from row to row and report to report
        self._cache = {}
        self._coverage = {}
        self._evidence = {}
        self._fits = {}
        self.entries = []  # (row index, number of bigrams) per label or variant
        postings = {}  # bigram -> ([entries with it in their label], [rows with it in their context])
        for k, r in enumerate(rows):
            for g in r.grams:
                e = len(self.entries)
                self.entries.append((k, len(g)))
                for x in g:
                    postings.setdefault(x, ([], []))[0].append(e)
            for x in r.context - noise:
                postings.setdefault(x, ([], []))[1].append(k)
        self.postings = {x: (tuple(a), tuple(b)) for x, (a, b) in postings.items()}
        # scores of a row with no usable label: 0 (any row) / -1.5 (a label foreign to
        # the table); a 2019-only row is never given to an unlabelled row
        self.base_plain = tuple(NEG if r.legacy else 0.0 for r in rows)
        self.base_foreign = tuple(NEG if r.legacy else -1.5 for r in rows)

    def _hits(self, g: frozenset, want_rows: bool) -> tuple:
        hits, spec = {}, {}
        post = self.postings
        for x in g:
            pe = post.get(x)
            if pe is None:
                continue
            for e in pe[0]:
                hits[e] = hits.get(e, 0) + 1
            if want_rows:
                for k in pe[1]:
                    spec[k] = spec.get(k, 0) + 1
        cov = [0.0] * self.n
        entries = self.entries
        for e, h in hits.items():
            k, size = entries[e]
            v = h / size
            if v > cov[k]:
                cov[k] = v
        return cov, spec

    def coverage(self, g: frozenset) -> tuple:
        """Per row: the share of its label's bigrams present in ``g`` (cached)."""
        got = self._coverage.get(g)
        if got is None:
            got = tuple(self._hits(g, False)[0])
            if len(self._coverage) < 20000:
                self._coverage[g] = got
        return got

    def evidence(self, text: str) -> tuple:
        """(row, coverage) of every row (2019-only rows aside) whose label is at least
        half present in ``text``, a run of label lines beside a row of figures (cached)."""
        got = self._evidence.get(text)
        if got is None:
            got = ()
            if text:
                got = tuple((k, v) for k, v in enumerate(self.coverage(grams(text)))
                            if v >= 0.5 and not self.legacy[k])
            if len(self._evidence) < 20000:
                self._evidence[text] = got
        return got

    def match(self, g: frozenset) -> tuple:
        """Per row: (coverage, precision, F1) lists for a written label (cached)."""
        got = self._cache.get(g)
        if got is None:
            got = self._match(g)
            if len(self._cache) < 20000:
                self._cache[g] = got
        return got

    def fit(self, g: frozenset) -> "Fit":
        """How a written label fits the rows, for the alignment (cached)."""
        got = self._fits.get(g)
        if got is None:
            cov, prec, own = self.match(g)
            best_p = max([p for c, p in zip(cov, prec) if c >= 0.2] or [0.0])
            # a whole label, or a fragment of one label split over lines ("形，不计其他情形）")
            labelled = max(own) >= 0.5 or best_p >= 0.85
            top2 = sorted(own)[-2:]
            sure = -1
            if top2[-1] >= 0.8 and (len(top2) < 2 or top2[0] <= top2[-1] - 0.25):
                sure = own.index(top2[-1])
            top = own.index(max(own))
            got = Fit(own, top, prec[top], max(cov), labelled, precision(g, self.noise),
                       tuple(4 * x - 1.5 for x in own), sure)
            if len(self._fits) < 20000:
                self._fits[g] = got
        return got

    def _match(self, g: frozenset) -> tuple:
        cov, spec = self._hits(g, True)
        n = len(g)
        if not n:
            z = [0.0] * self.n
            return cov, z, z
        base = len(g & self.noise) / n
        prec = [base] * self.n
        for k, c in spec.items():
            prec[k] = base + c / n
        score = [0.0] * self.n
        for k, c in enumerate(cov):
            if c:
                p = prec[k]
                score[k] = 2 * c * p / (c + p)
        return cov, prec, score


def row_index(spec) -> RowIndex:
    idx = spec.cache.get("row_index")
    if idx is None:
        idx = spec.cache["row_index"] = RowIndex(spec.rows, spec.noise)
    return idx


