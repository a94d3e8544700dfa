"""表二：《条例》第二十条第（一）、（五）、（六）、（八）项的主动公开情况。

表二由四个子表组成，每个子表有固定的行：第（一）项“规章”“行政规范性文件”，
第（五）项“行政许可”，第（六）项“行政处罚”“行政强制”，第（八）项“行政事业性
收费”。报告：

* 第二部分有标题却找不到表二（一次，指向第二部分标题）；
* 表二找到了，但某个子表整个缺失（指向表二开头）；
* 某个子表缺少某一行（指向该子表的标题行；没有标题行时指向其表头或表二开头）；
* 某一行只有标签、没有任何数字（指向该行；用 2019 年试行格式的子表也报告，栏目按它的写法）。

某一格为空或不是数字由“统计表空格”规则报告；一行的数字个数不对、无法对应到列
由“无法读取的表格行”规则报告；用 2019 年试行格式填写的子表由“表格格式版本”
规则报告，这里都不重复。
"""

from ..model import Problem
from ._tables import section_heading_span, table_anchor

KIND = "article20"
OPTIONS = {}
MESSAGES = ("values", "subtable", "table")
#: the names a rule's message may use ({name})
ARGS = ("table", "title", "captions", "caption", "rows", "columns", "row")


def _columns(sub) -> str:
    return "、".join(f"「{c}」" for c in sub.columns)


def check(report, options):
    table = report.tables.get("二")
    if table is None:
        return
    spec = table.spec
    if not table.found:
        span = section_heading_span(report, spec.section)
        if span is not None:  # no heading and no table: the missing heading is reported
            captions = "、".join(s.caption for s in spec.subtables)
            yield Problem(span, {"table": spec.id, "title": spec.title, "captions": captions}, key="table")
        return
    for sub_spec in spec.subtables:
        sub = table.subtables.get(sub_spec.id)
        if sub is not None and sub.legacy:
            # the 2019 layout is "表格格式版本"'s to report; a row left without figures is still blank
            old = "、".join(f"「{mk.label}」" for mk in table.legacy
                            if mk.kind == "column" and mk.subtable == sub_spec.id) or _columns(sub_spec)
            for rid in sub_spec.rows:
                if rid in table.labels_seen and rid not in table.rows:
                    yield Problem(table.labels_seen[rid], {"caption": sub_spec.caption,
                                                          "row": spec.row_by_id[rid].label, "columns": old},
                                  key="values")
            continue
        present = [r for r in sub_spec.rows if r in table.rows or r in table.labels_seen]
        if sub is None or (not sub.found and not present):
            rows = "、".join(f"「{spec.row_by_id[r].label}」" for r in sub_spec.rows)
            yield Problem(table_anchor(report, table),
                          {"caption": sub_spec.caption, "rows": rows, "columns": _columns(sub_spec)},
                          key="subtable")
            continue
        where = sub.span or table_anchor(report, table)
        for rid in sub_spec.rows:
            row = spec.row_by_id[rid]
            args = {"caption": sub_spec.caption, "row": row.label, "columns": _columns(sub_spec)}
            if rid in table.rows:
                continue
            if rid in table.labels_seen:
                yield Problem(table.labels_seen[rid], args, key="values")
            else:
                yield Problem(where, args)
