"""统计表用了已被取代的 2019 年试行格式。

2021 年起，年度报告应使用《中华人民共和国政府信息公开工作年度报告格式》
（国办公开办函〔2021〕30号）。它取代的 2019 年试行格式（国办公开办函〔2019〕60号）
的表格有明显不同的栏目：表二的“本年新制作数量”“本年新公开数量”“对外公开总数量”
“上一年项目数量”“本年增/减”“处理决定数量”、“其他对外管理服务事项”一行、
第二十条第（九）项“政府集中采购”子表；表三的“（六）其他处理”只有一行。

报告年份取自标题，没有时取自统计期限；早于 2021 年的报告不检查，年份不明时照常
检查。每个用了旧格式的子表报告一次（列出其中的旧栏目），第（九）项子表报告一次，
表三的单行“（六）其他处理”报告一次。
"""

from ..model import Problem
from ..parse.tablespec import compile_tables
from ..parse.title import report_year

KIND = "template-version"
OPTIONS = {}
MESSAGES = ("caption", "single_row")
#: the names a rule's message may use ({name})
ARGS = ("current", "superseded", "year", "table", "label", "where", "labels", "expected")


def check(report, options):
    spec = compile_tables(report.template)
    legacy = spec.legacy
    year = report_year(report)
    if year and legacy.since and year < legacy.since:
        return
    year_text = f"{year} 年度的报告" if year else "报告"
    base = {"current": legacy.current, "superseded": legacy.superseded, "year": year_text}
    for tid, table in report.tables.items():
        if not table.legacy:
            continue
        marks = sorted(table.legacy, key=lambda m: (m.span.line, m.span.start))
        if tid != "二":
            for mk in marks:
                yield Problem(mk.span, {**base, "table": tid, "label": mk.label}, key="single_row")
            continue
        groups = {}
        for mk in marks:
            groups.setdefault(mk.subtable, []).append(mk)
        for sub_id, group in groups.items():
            captions = [m for m in group if m.kind == "caption"]
            sub_spec = table.spec.subtable(sub_id)
            if sub_spec is None and (captions or sub_id == "（九）"):
                first = captions[0] if captions else group[0]
                label = captions[0].label if captions else "第二十条第（九）项"
                yield Problem(first.span, {**base, "table": tid, "label": label}, key="caption")
                continue
            cols, rows = [], []
            for m in group:
                bucket = rows if m.kind == "row" else cols
                if m.label not in bucket:
                    bucket.append(m.label)
            parts = []
            if cols:
                parts.append("栏目" + "、".join(f"「{x}」" for x in cols))
            if rows:
                parts.append("行" + "、".join(f"「{x}」" for x in rows))
            where = sub_spec.caption if sub_spec is not None else "表二"
            expected = "、".join(f"「{c}」" for c in sub_spec.columns) if sub_spec is not None else ""
            yield Problem(group[0].span, {**base, "table": tid, "where": where,
                                          "labels": "和".join(parts), "expected": expected})
