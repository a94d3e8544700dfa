"""Table 三: value rows aligned to the template rows in order (dynamic programme)."""

from __future__ import annotations

from .row_index import row_index
from .table_lines import Lines, ValueRow, collect_rows, filled, fit_cells, row_span, split_note, split_values
from .table_model import NEG, LegacyMark, RowReading, TableReading, Unplaced
from ..model import Span

def _align(items: list, spec) -> list:
    """For each item, the index of its template row or -1 (dynamic programme)."""
    rows = spec.rows
    index = row_index(spec)
    n, m = len(rows), len(items)
    scores = []
    skip_item = []
    sure = []
    for it in items:
        lab = it.label
        own = None
        labelled = foreign = False
        if lab.grams and lab.cjk:
            fit = index.fit(lab.grams)
            own, labelled = fit.own, fit.labelled
            foreign = not labelled and lab.cjk >= 3 and fit.noise < 0.7
        if it.blank_row:
            row_scores = [4 * x - 1.5 if x >= 0.8 else NEG for x in own] if own is not None else [NEG] * n
        elif labelled:
            row_scores = list(fit.scores)
        else:
            row_scores = list(index.base_foreign if foreign else index.base_plain)
        # label lines just before or after the row name it too: the stronger of the two counts
        eb, ea = index.evidence(it.before), index.evidence(it.after)
        if eb or ea:
            strong = dict(eb)
            for k, v in ea:
                if v > strong.get(k, 0.0):
                    strong[k] = v
            for k, v in strong.items():
                if row_scores[k] != NEG:
                    row_scores[k] += v
        scores.append(row_scores)
        skip_item.append(0.0 if (it.blank_row or foreign) else 1.0)
        sure.append(fit.sure if labelled and not it.blank_row else -1)
    skip_row = [0.0 if r.legacy else 0.6 for r in rows]
    # Rows whose own label names one template row beyond doubt, in increasing order,
    # are fixed points; the programme then runs only on the stretches between them.
    anchors = [(j, k) for j, k in enumerate(sure) if k >= 0]
    if any(b[1] <= a[1] for a, b in zip(anchors, anchors[1:])):
        return _dp(scores, skip_item, skip_row)
    out = [-1] * m
    pj, pk = -1, -1
    for j, k in anchors + [(m, n)]:
        if j - pj > 1:
            sub = _dp([sc[pk + 1:k] for sc in scores[pj + 1:j]], skip_item[pj + 1:j], skip_row[pk + 1:k])
            for d, kk in enumerate(sub):
                if kk >= 0:
                    out[pj + 1 + d] = pk + 1 + kk
        if j < m:
            out[j] = k
        pj, pk = j, k
    return out


def _dp(scores: list, skip_item: list, skip_row: list) -> list:
    """Best order-keeping assignment of items to rows: item index -> row index or -1."""
    m, n = len(scores), len(skip_row)
    if not m:
        return []
    # dp[j][k]: best score with the first j items and the first k rows
    dp = [[0.0] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    for k in range(1, n + 1):
        dp[0][k] = dp[0][k - 1] - skip_row[k - 1]
        back[0][k] = 2
    neg = NEG
    for j in range(1, m + 1):
        prev, cur, bj = dp[j - 1], dp[j], back[j]
        si = skip_item[j - 1]
        left = cur[0] = prev[0] - si
        bj[0] = 1
        # k runs over the rows; up = dp[j-1][k], diag = dp[j-1][k-1], left = dp[j][k-1]
        for k, up, diag, skip, sc in zip(range(1, n + 1), prev[1:], prev, skip_row, scores[j - 1]):
            best, how = up - si, 1  # skip the item
            v = left - skip  # skip the row
            if v > best:
                best, how = v, 2
            if sc != neg:  # give the item the row
                v = diag + sc
                if v >= best:
                    best, how = v, 0
            cur[k] = left = best
            bj[k] = how
    out = [-1] * m
    j, k = m, n
    while j > 0 or k > 0:
        how = back[j][k]
        if how == 0:
            out[j - 1] = k - 1
            j, k = j - 1, k - 1
        elif how == 1:
            j -= 1
        else:
            k -= 1
    return out


def read_ordered(lines: Lines, spec, block: range, reading: TableReading) -> None:
    expected = len(spec.columns)
    index = row_index(spec)

    def blank_ok(lab):  # a row left blank names its row plainly
        return bool(lab.grams) and max(index.match(lab.grams)[2]) >= 0.8

    items, label_lines = collect_rows(lines, block, lambda n: n == expected, spec.vocab, expected, blank_ok)
    rows = spec.rows
    assign = _align(items, spec)
    legacy_items = []
    for it, k in zip(items, assign):
        if k >= 0 and len(it.values) > expected and not it.glued and \
                (not it.label.grams or index.fit(it.label.grams).own[k] < 0.8):
            # figures of several rows with their labels lost (or under their group's label,
            # "（三）不予公开 0 0 0 …"): which rows they are is a guess
            k = -1
        if k < 0:
            if it.blank_row:
                continue
            reading.unplaced.append(Unplaced(row_span(it), filled(it.values), 0, (), it.label_text))
            continue
        r = rows[k]
        _place(reading, r, it, expected)
        if r.legacy:
            legacy_items.append((it, r))
    for it, r in legacy_items:
        g = spec.groups.get(r.id)
        if g and any(m in reading.rows for m in g.members):
            del reading.rows[r.id]  # a subtotal row beside the sub-rows: not the 2019 layout
            reading.unplaced.append(Unplaced(row_span(it), filled(it.values), 0, (), it.label_text))
        else:
            reading.legacy.append(LegacyMark("row", r.label, row_span(it)))
    _labels_seen(lines, label_lines, spec, reading)


def _place(reading: TableReading, r, it: ValueRow, expected: int) -> None:
    vals = fit_cells(it.values, expected, it.exact)
    note = run = ""
    if vals is None:
        vals, run = split_values(it.values, it.glued, 1, reading.spec.cache["split_rule"])
        if vals is not None:
            note, run = split_note(vals), ""
    span = row_span(it)
    found = filled(it.values) if vals is None else len(vals)
    reading.rows[r.id] = RowReading(r, span, tuple(vals) if vals is not None else None,
                                    found, expected, tuple(it.lines), note)
    if vals is None:
        reading.unplaced.append(Unplaced(span, filled(it.values), expected, (r.id,), it.label_text, run))


def _labels_seen(lines: Lines, label_lines: list, spec, reading: TableReading) -> None:
    rows = spec.rows
    index = row_index(spec)
    legacy = []
    for i in label_lines:
        lab = lines.label(i)
        if lab.cjk < 2:
            continue
        fit = index.fit(lab.grams)
        if fit.coverage < 0.85:
            continue
        best, best_r = fit.own[fit.top], rows[fit.top]
        if best >= 0.85 and best_r.id not in reading.rows and best_r.id not in reading.labels_seen:
            it = lines.item(i)
            span = Span(i, *it.label_span) if it.label_span else Span(i, 0, 0)
            if best_r.legacy:
                legacy.append((best_r, span))
            else:
                reading.labels_seen[best_r.id] = span
    for r, span in legacy:
        # the 2019 layout's single row ("（六）其他处理") written without figures: it stands for
        # its 2021 sub-rows only when none of them is written (otherwise it is their group label)
        members = spec.groups[r.id].members if r.id in spec.groups else ()
        if not any(m in reading.rows or m in reading.labels_seen for m in members):
            reading.labels_seen.setdefault(r.id, span)


