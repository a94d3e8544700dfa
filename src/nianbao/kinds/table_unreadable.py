"""nianbao 无法把数字对应到统计表的列（因而没有检查）。

以空格分隔的文字（PDF 转出、OCR）看不出空格子：一行应有 7 个数字却只读到 6 个时，
无法判断缺的是哪一列。nianbao 不猜：这一行记为“读到 N 个，应有 M 个”，不检查它的
空格，也不用它验算勾稽关系，并在这里报告，让使用者知道这一行没有被检查。同样报告
表格区域内无法对应到模板任何一行的一行数字。

一行读到的数字多于一行应有的，而其后的行没有找到时（换行丢失，几行的数字连成一行），
其后这些行的数字可能也在其中：它们同样没有检查，消息一并列出。

同一张表中有 4 行以上读到的数字个数相同（例如表格多了一列“小计”，每行都是 8 个），
合并为一条，列出这些行。

这不一定是报告的错误（可能只是转换丢了格子），所以默认级别是 info；请对照原件核对
这一行，或提供带表格结构的文件（Word、带表格线的 PDF）。
"""

from ..model import Problem
from ..parse.tablespec import compile_tables
from ..parse.title import report_year

KIND = "table-unreadable"
OPTIONS = {}
MESSAGES = ("stray", "group", "many", "run", "merged")
#: the names a rule's message may use ({name})
ARGS = ("table", "found", "expected", "count", "rows", "label", "row", "reason")
#: this many rows of one table with the same count of figures are reported as one
MANY = 4


def check(report, options):
    for tid, table in report.tables.items():
        spec = table.spec
        # sub-tables in the 2019 layout are NB202's in a report that should use 2021's; in a
        # report of 2019 or 2020 they are the right layout and their unreadable rows are reported
        year = report_year(report)
        modern = not year or year >= compile_tables(report.template).legacy.since
        legacy_subs = {s for s, st in table.subtables.items() if st.legacy} if modern else set()
        rows = [u for u in table.unplaced if len(u.rows) == 1 and not u.run and not u.merged
                and spec.row_by_id[u.rows[0]].subtable not in legacy_subs]
        alike = {}
        for u in rows:
            alike.setdefault((u.found, u.expected), []).append(u)
        merged = set()
        for (found, expected), same in alike.items():
            if len(same) >= MANY:
                names = "、".join(f"「{spec.row_by_id[u.rows[0]].display(spec)}」" for u in same)
                yield Problem(same[0].span, {"table": tid, "found": found, "expected": expected,
                                             "count": len(same), "rows": names}, key="many")
                merged.update(id(u) for u in same)
        for u in table.unplaced:
            if id(u) in merged:
                continue
            if u.rows and any(spec.row_by_id[r].subtable in legacy_subs for r in u.rows):
                continue
            if u.legacy and modern:
                continue  # a 2019-only row in a report that should use the 2021 layout: NB202's
            args = {"table": tid, "found": u.found, "expected": u.expected, "label": u.label}
            if u.run:
                args["row"] = "、".join(spec.row_by_id[r].display(spec) for r in u.rows) or u.label
                args["reason"] = "有不止一种拆法符合模板" if u.run == "many" else "没有一种拆法符合模板"
                yield Problem(u.span, args, key="run")
            elif not u.rows:
                yield Problem(u.span, args, key="stray")
            elif len(u.rows) > 1:
                yield Problem(u.span, args, key="group")
            else:
                args["row"] = spec.row_by_id[u.rows[0]].display(spec)
                if u.merged:  # the figures of the missing rows after it may be among these
                    args["rows"] = "、".join(f"「{spec.row_by_id[r].display(spec)}」" for r in u.merged)
                    yield Problem(u.span, args, key="merged")
                else:
                    yield Problem(u.span, args)
