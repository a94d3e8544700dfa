"""Cell expressions used by the prose rules' YAML options.

A cell is written ``表:行:列`` in the template's own ids and column labels, for
example ``三:一:总计`` (table 三, row 一, column 总计), ``四:行政复议:总计`` or
``二:行政规范性文件:现行有效件数``; a sum is cells joined with ``+``.
"""

from __future__ import annotations


class CellExprError(ValueError):
    pass


def parse_expr(text: str) -> tuple:
    """((table, row, column), ...) of ``a + b + ...``."""
    out = []
    for part in text.split("+"):
        bits = [b.strip() for b in part.strip().split(":")]
        if len(bits) != 3 or not all(bits):
            raise CellExprError(f"“{part.strip()}” 应写作 表:行:列，例如 三:一:总计")
        out.append(tuple(bits))
    return tuple(out)


def check_expr(text: str, template) -> str:
    """"" when ``text`` names existing template cells, else a Chinese problem."""
    try:
        cells = parse_expr(text)
    except CellExprError as exc:
        return str(exc)
    tables = template.tables
    for t, r, c in cells:
        spec = tables.get(t)
        if spec is None:
            return f"没有表{t}"
        row = spec.row_by_id.get(r)
        if row is None:
            return f"表{t}没有 id 为 “{r}” 的行"
        if c not in row.columns:
            return f"表{t}「{r}」行没有「{c}」列"
    return ""


def cell_value(report, cell: tuple):
    """(CellValue, table reading, column index) when the cell was read as a number, else None."""
    t, r, c = cell
    reading = report.tables.get(t)
    if reading is None or not reading.found:
        return None
    row = reading.spec.row_by_id.get(r)
    if row is None or c not in row.columns:
        return None
    col = row.columns.index(c)
    cv = reading.cell(r, col)
    if cv is None or not cv.is_number:
        return None
    return cv, reading, col


def expr_value(report, cells: tuple):
    """The sum of the cells, or None when any of them was not read as a number."""
    total = 0
    for cell in cells:
        got = cell_value(report, cell)
        if got is None:
            return None
        total += got[0].value
    return total


def describe(report, cells: tuple) -> str:
    """Chinese description of the cells ("表三「一、…」行「总计」列")."""
    out = []
    for t, r, c in cells:
        reading = report.tables.get(t)
        row = reading.spec.row_by_id[r]
        out.append(f"表{t}{reading.where(r, row.columns.index(c))}")
    return "加".join(out)
