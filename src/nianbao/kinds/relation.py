"""表内勾稽关系（可在规则包中自定义，无需写代码）。

``relation`` 引用 rules/tables-2021.yaml 中 ``relations`` 的一条（按 id）；也可以不引用，
直接写 ``table``、``for_each``、``expr``、``at``：

    expr      关于模板标签的等式，只能用 + - = 与名字，例如 “一 + 二 = （七） + 四”；
    for_each  column：对每一列分别验算，名字指行（或组，组的值是其各行之和）；
              row：对每一行分别验算，名字指列；
    at        不相等时在哪个名字的单元格报告（写明合计数的那一格）。

每一列（或行）不相等时报告一次，位置是 ``at`` 所指的单元格，消息给出两边的数。
用到的任一格为空、不是数字，或所在行的数字无法对应到列时，这一列（或行）的关系视为
“未知”，不报告（空格由“统计表空格”规则报告）。

**连锁错误的处理。**一个填错的数字会让经过它的每个等式都不成立。为了不让一个错误
变成一屏提示，先验算模板中全部的勾稽关系，再按下面的规则抑制“后果”：某个不成立的
等式 A 用到的某一格，正是另一个不成立的等式 B 写明合计数的那一格（B 的 ``at``），则
A 不报告——B 已经指出那一格有问题；除非 B 也用到了 A 写明合计数的那一格（两者互为
因果，都报告）。例如某列的（七）总计填错：该列“（七）总计 = （一）至（六）之和”
在（七）总计处报告；同一列“一 + 二 = （七） + 四”和（七）这一行的“总计 = 各申请人之和”
都用到这一格，不再报告。一个分项（例如（三）1 的自然人）填错时，它所在行的总计和
它所在列的（七）总计各报告一次，两处交叉即是出错的格。某一格写错且另有一格也写错
时，被抑制的提示会在改正第一处后出现。停用其中一条规则不会解除它对其他规则的抑制。
"""

from __future__ import annotations

from ..model import Problem
from ..parse.relations import RelationSyntaxError, parse_equation
from ..parse.tablespec import compile_relation, compile_tables
from ._tables import evaluate, fmt, suppress, template_outcomes

KIND = "relation"
OPTIONS = {
    "relation": (str, "", "引用 tables-2021.yaml 中 relations 的 id"),
    "table": (str, "", "不引用时：表（二、三、四）"),
    "for_each": (str, "column", "不引用时：column 按列验算，row 按行验算"),
    "expr": (str, "", "不引用时：等式，例如 “一 + 二 = （七） + 四”"),
    "at": (str, "", "不引用时：在哪个名字的单元格报告"),
}
MESSAGES = ("",)
#: the names a rule's message may use ({name})
ARGS = ("table", "column", "row", "cell", "stated", "computed", "left", "right", "expr", "describe")


def validate_options(options):
    """Problems that can be seen without the template: (keys, message) or None."""
    if options["relation"]:
        return None
    if not options["expr"] or not options["table"] or not options["at"]:
        return (("relation",), "应给出 relation（引用 tables-2021.yaml 中的勾稽关系），"
                               "或同时给出 table、expr、at")
    if options["for_each"] not in ("column", "row"):
        return (("for_each",), "for_each 应为 column 或 row")
    try:
        eq = parse_equation(options["expr"])
    except RelationSyntaxError as exc:
        return (("expr",), f"表达式第 {exc.pos + 1} 个字符处：{exc.message}")
    if options["at"] not in eq.names():
        return (("at",), f"at “{options['at']}” 不在表达式中")
    return None


def validate_template(options, template):
    """What only the template can tell (a relation id, the table, row and
    column names of an inline equation): (keys, message) or None."""
    from ..yamlio import ConfigError
    spec = compile_tables(template)
    if options["relation"]:
        if spec.relation(options["relation"]) is None:
            known = "、".join(r.id for r in spec.relations)
            return (("relation",), f"勾稽关系 “{options['relation']}” 不存在（可用：{known}）")
        return None
    try:
        _inline(template, spec, options)
    except ConfigError as exc:
        msg = exc.message
        key = ("at" if "at “" in msg else "table" if "没有表" in msg
               else "for_each" if "for_each" in msg else "expr")
        return ((key,), msg)
    return None


def _inline(template, spec, options):
    """The compiled inline relation of ``options`` (cached on the template)."""
    key = ("relation-inline", options["table"], options["for_each"], options["expr"], options["at"])
    rel = template.cache.get(key)
    if rel is None:
        raw = {"id": options["expr"], "table": options["table"], "for_each": options["for_each"],
               "expr": options["expr"], "at": options["at"]}
        rel = template.cache[key] = compile_relation(raw, spec.tables, ("relations",))
    return rel


def _relation(report, options):
    spec = compile_tables(report.template)
    if options["relation"]:
        rel = spec.relation(options["relation"])
        if rel is None:
            from ..parse.tablespec import config_error
            known = "、".join(r.id for r in spec.relations)
            raise config_error(f"勾稽关系 “{options['relation']}” 不存在（可用：{known}）", ("relations",))
        return rel, True
    return _inline(report.template, spec, options), False


def check(report, options):
    rel, in_template = _relation(report, options)
    outcomes = template_outcomes(report)
    if in_template:
        mine = [o for o in outcomes if o.relation is rel]
    else:
        table = report.tables.get(rel.table)
        mine = evaluate(table, rel) if table is not None else []
        suppress(outcomes + mine)
        for o in outcomes:  # the shared outcomes stay as the template alone leaves them
            o.suppressed = False
        suppress(outcomes)
    for o in mine:
        if o.status != "fail" or o.suppressed:
            continue
        table = o.table
        rid, col = o.at
        cell = table.cell(rid, col)
        row_spec = table.spec.row_by_id[rid]
        args = {
            "table": table.spec.id,
            "column": table.spec.columns[col],
            "row": row_spec.display(table.spec),
            "cell": table.where(rid, col),
            "stated": fmt(o.stated), "computed": fmt(o.computed),
            "left": fmt(o.left), "right": fmt(o.right),
            "expr": rel.equation.text, "describe": rel.describe,
        }
        yield Problem(cell.span, args, cell=table.cell_ref(rid, col))
