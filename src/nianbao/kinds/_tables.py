"""Helpers shared by the table rule kinds (no parsing here: they read report.tables)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Span
from ..parse.relations import side_value
from ..parse.tablespec import compile_tables
from ._util import heading_span, line_span


def section_heading_span(report, number: str):
    """Span of the accepted heading of section ``number`` (二..四), or None."""
    for h in report.accepted_headings():
        if h.spec.number == number:
            return heading_span(h)
    return None


def table_anchor(report, table) -> Span:
    """Where to point when something about ``table`` as a whole is wrong."""
    if table.span is not None:
        return table.span
    span = section_heading_span(report, table.spec.section)
    if span is not None:
        return span
    return line_span(report.doc, 0)


def fmt(v: Decimal) -> str:
    """A figure for a message: integers without decimals, amounts as written."""
    if v == v.to_integral_value():
        return str(int(v))
    return format(v.normalize(), "f")


# ---------------------------------------------------------------------------
# relations


@dataclass(slots=True)
class Outcome:
    """One relation checked on one column (or row)."""

    relation: object  # tablespec.RelationSpec
    table: object  # parse.tables.TableReading
    where: str  # the column label (for_each column) or row id (for_each row)
    status: str  # "ok" | "fail" | "unknown"
    at: tuple  # (row id, column index) of the cell that states the total
    operands: frozenset  # (row id, column index) of every other cell used (failures only)
    left: Decimal = None
    right: Decimal = None
    stated: Decimal = None  # the value at ``at``
    computed: Decimal = None  # what ``at`` would have to be for the relation to hold
    suppressed: bool = False


def _grid(table) -> dict:
    """row id -> [Decimal or None per column] (None: missing, blank, token, unplaced)."""
    grid = table.__dict__.get("_grid")
    if grid is None:
        grid = {}
        for rid, row in table.rows.items():
            if row.cells is not None:
                grid[rid] = [c.value if c.kind == "number" else None for c in row.cells]
        table.__dict__["_grid"] = grid
    return grid


def _column_vector(table, grid: dict, name: str, ncols: int):
    """(values per column, row ids used) of a row or group name (for_each column)."""
    spec = table.spec
    row = spec.row_by_id.get(name)
    if row is not None and not row.legacy:
        return grid.get(name) or [None] * ncols, (name,)
    group = spec.groups.get(name)
    if group is None:
        return [None] * ncols, ()
    if name in table.rows:  # the 2019 layout's single row stands for the group
        return grid.get(name) or [None] * ncols, (name,)
    total = [Decimal(0)] * ncols
    for rid in group.members:
        vals = grid.get(rid)
        if vals is None:
            return [None] * ncols, tuple(group.members)
        total = [None if t is None or v is None else t + v for t, v in zip(total, vals)]
    return total, tuple(group.members)


def evaluate(table, rel) -> list:
    """Outcomes of relation ``rel`` on every column (or row) of ``table``."""
    spec = table.spec
    out = []
    if not table.found:
        return out
    grid = _grid(table)
    names = rel.equation.names()
    if rel.for_each == "column":
        ncols = len(spec.columns)
        vectors = {n: _column_vector(table, grid, n, ncols) for n in names}
        for col, label in enumerate(spec.columns):
            o = _outcome(rel, table, label, (rel.at, col), {n: vectors[n][0][col] for n in names})
            if o.status == "fail":
                o.operands = frozenset((rid, col) for n in names for rid in vectors[n][1]) - {o.at}
            out.append(o)
    else:
        cols = [(n, spec.columns.index(n)) for n in names]
        at_col = spec.columns.index(rel.at)
        for r in spec.rows:
            if r.id not in table.rows:
                continue
            vals = grid.get(r.id)
            o = _outcome(rel, table, r.id, (r.id, at_col),
                         {n: (vals[c] if vals is not None else None) for n, c in cols})
            if o.status == "fail":
                o.operands = frozenset((r.id, c) for _n, c in cols) - {o.at}
            out.append(o)
    return out


_NO_CELLS = frozenset()


def _outcome(rel, table, where: str, at: tuple, values: dict) -> Outcome:
    """``rel`` checked with ``values`` (name -> Decimal or None); a failure's operands
    are left for the caller to fill in (only failures need them)."""
    eq = rel.equation
    left, right = side_value(eq.left, values), side_value(eq.right, values)
    if left is None or right is None:
        return Outcome(rel, table, where, "unknown", at, _NO_CELLS)
    if left == right:
        return Outcome(rel, table, where, "ok", at, _NO_CELLS, left, right)
    side = eq.side_of(rel.at)
    sign = next(t.sign for t in (eq.left if side == "left" else eq.right) if t.name == rel.at)
    stated = values[rel.at]
    mine, other = (left, right) if side == "left" else (right, left)
    computed = stated + sign * (other - mine)  # the value ``at`` would need
    return Outcome(rel, table, where, "fail", at, _NO_CELLS, left, right, stated, computed)


def suppress(outcomes: list) -> None:
    """Mark failures that are consequences of another failure (see kinds/relation.py)."""
    failed = [o for o in outcomes if o.status == "fail"]
    by_at = {}
    for o in failed:
        by_at.setdefault((id(o.table), o.at), []).append(o)
    for o in failed:
        for cell in o.operands:
            for g in by_at.get((id(o.table), cell), ()):
                if g is o:
                    continue
                # g states the total in a cell o only uses: o's failure follows from g's,
                # unless g in turn uses the cell o states (then neither is the cause)
                if o.at not in g.operands:
                    o.suppressed = True


def template_outcomes(report) -> list:
    """Outcomes of every relation in the template, cascade marked (cached per report)."""
    tables = report.tables
    cache = getattr(tables, "cache", None)
    if cache is not None and "relations" in cache:
        return cache["relations"]
    spec = compile_tables(report.template)
    out = []
    for rel in spec.relations:
        table = tables.get(rel.table)
        if table is not None:
            out.extend(evaluate(table, rel))
    suppress(out)
    if cache is not None:
        cache["relations"] = out
    return out
