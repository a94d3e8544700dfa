"""Shared pieces of the review outputs: per-report items, finding rows, categories."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITY_CN = {"error": "错误", "warning": "警告", "info": "提示"}
#: finding categories for the chart, by rule tag (first match wins)
CATEGORIES = (
    ("totals", "合计与勾稽关系"),
    ("zero-fill", "空白单元格"),
    ("article20", "第二十条表格"),
    ("template-version", "模板版本"),
    ("heading", "章节标题"),
    ("title", "标题"),
    ("year", "年份"),
    ("narrative", "文字内容"),
    ("table", "统计表其他问题"),
)
OTHER_CATEGORY = "其他"
STATUS_ERROR, STATUS_WARNING, STATUS_PASS = "有错误", "有警告", "通过"
STATUS_UNREADABLE, STATUS_SKIPPED, STATUS_MISSING = "无法读取", "已跳过", "未提交"
#: only these severities go into the rectification lists (info is nianbao's own note)
TO_FIX = ("error", "warning")


def category_of(tags) -> str:
    for tag, name in CATEGORIES:
        if tag in tags:
            return name
    return OTHER_CATEGORY


def category_names() -> list:
    return [name for _t, name in CATEGORIES] + [OTHER_CATEGORY]


@dataclass
class Item:
    """One reviewed path: what the overview, the sheets and the JSON say of it."""

    n: int  # 1-based, in input order
    path: str
    status: str
    agency: str = ""
    agency_source: str = ""
    level: str = ""
    year: int = 0
    year_source: str = ""
    parent: str = ""
    format: str = ""
    counts: dict = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    reason: str = ""  # why it could not be read / was skipped
    reason_code: str = ""
    rectification: str = ""  # the rectification list written, relative to the output folder

    @property
    def anchor(self) -> str:
        return f"r{self.n}"

    @property
    def display_name(self) -> str:
        return self.agency or f"（未识别机关）{self.path}"

    @property
    def reviewed(self) -> bool:
        return self.status in (STATUS_ERROR, STATUS_WARNING, STATUS_PASS)

    def severity_key(self) -> tuple:
        order = {STATUS_UNREADABLE: 0, STATUS_ERROR: 1, STATUS_WARNING: 2, STATUS_PASS: 3,
                 STATUS_SKIPPED: 4, STATUS_MISSING: 5}
        return (order.get(self.status, 9), -self.counts["error"], -self.counts["warning"],
                -self.counts["info"], self.n)


def cell_text(cell) -> str:
    if cell is None:
        return ""
    if cell.table == "四":
        return f"表四「{cell.column}」"
    return f"表{cell.table}「{cell.row}」行「{cell.column}」列"


def location(f) -> dict:
    """page / line / table / row / column of a finding, and ``where``, the Chinese
    description the outputs show."""
    extra = dict(f.start.extra)
    label = f.start.label or f"第{f.start.line}行"
    return {
        "page": extra.get("page"),
        "line": f.start.line,
        "column": f.start.column,
        "label": label,
        "table": f.cell.table if f.cell else "",
        "row": f.cell.row if f.cell else "",
        "cell_column": f.cell.column if f.cell else "",
        "extra": extra,
        "where": f"{label}，{cell_text(f.cell)}" if f.cell is not None else label,
    }


def where_text(f) -> str:
    return location(f)["where"]
