"""表三、表四缺少整张表、整行或整组数字。

表三有模板规定的 25 行（2019 年试行格式的单行“（六）其他处理”代替其 1–3 小项时，
那三行不算缺少，由“表格格式版本”规则报告）；表四有行政复议、未经复议直接起诉、
复议后起诉三组各 5 个数字。报告：

* 第三（四）部分有标题却找不到表三（表四），一次，指向该部分标题；
* 表中缺少某一行（某一组）：指向模板中它后面、报告中找到的第一行；
  缺少的行超过 5 行时合并为一条，列出所缺的行，指向表的开头；
* 某一行只有标签、没有任何数字：指向该行标签；
* 找到了表（表头），却一个数字也没有读到：一次，指向表的开头；
* 超过 5 行只写了行名、没有任何数字（整张表没有填写）：合并为一条，指向其中第一行。

一行读到的数字多于一行应有的（几行连在了一起，见 NB205）时，紧随其后、没有读到的
几行可能就在这些数字里，不报告为缺少。

没有章节标题也找不到表时不报告（缺少章节由章节标题规则报告）。表二由“第二十条
表格”规则检查。
"""

from ..model import Problem
from ._tables import section_heading_span, table_anchor

KIND = "table-rows"
OPTIONS = {
    "tables": (list, ["三", "四"], "检查哪些表"),
}
MESSAGES = ("table", "many", "values", "group", "empty", "unfilled")
#: the names a rule's message may use ({name})
ARGS = ("table", "title", "section", "found", "total", "rows", "row")
#: more missing rows than this are reported as one finding (a table cut short, not a slip)
MANY = 5


def check(report, options):
    for tid in options["tables"]:
        table = report.tables.get(tid)
        if table is None or table.spec.subtables:
            continue
        spec = table.spec
        if not table.found:
            span = section_heading_span(report, spec.section)
            if span is not None:
                yield Problem(span, {"table": tid, "title": spec.title, "section": spec.section}, key="table")
            continue
        covered = set()
        for r in spec.rows:
            if r.legacy and (r.id in table.rows or r.id in table.labels_seen):
                covered.update(spec.groups[r.id].members)
        wanted = [r for r in spec.rows if not r.legacy and r.id not in covered]
        missing = [r for r in wanted if r.id not in table.rows and r.id not in table.maybe_merged]
        if not missing:
            continue
        if len(missing) == len(wanted) and not table.labels_seen:
            yield Problem(table_anchor(report, table), {"table": tid, "title": spec.title}, key="empty")
            continue
        read = len(wanted) - len(missing)
        seen = [r for r in missing if r.id in table.labels_seen]
        if len(missing) > MANY and len(seen) > MANY:
            # the rows are written, with no figure in them (a table left unfilled): say so once,
            # at the first of them, rather than call them missing
            rows = "、".join(f"「{r.display(spec)}」" for r in seen)
            yield Problem(table.labels_seen[seen[0].id], {"table": tid, "found": len(seen), "rows": rows},
                          key="unfilled")
            missing = [r for r in missing if r.id not in table.labels_seen]
        if len(missing) > MANY:
            rows = "、".join(f"「{r.display(spec)}」" for r in missing)
            yield Problem(table_anchor(report, table),
                          {"table": tid, "found": read, "total": len(wanted), "rows": rows},
                          key="many")
            continue
        for r in missing:
            args = {"table": tid, "row": r.display(spec)}
            if r.id in table.labels_seen:
                yield Problem(table.labels_seen[r.id], args, key="values")
                continue
            after = [x for x in spec.rows if x.order > r.order and x.id in table.rows]
            before = [x for x in spec.rows if x.order < r.order and x.id in table.rows]
            if after:
                span = table.rows[after[0].id].span
            elif before:
                span = table.rows[before[-1].id].span
            else:
                span = table_anchor(report, table)
            yield Problem(span, args, key="group" if tid == "四" else "")
