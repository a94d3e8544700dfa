"""本年的“上年结转”与上一年度报告的“结转下年度继续办理”不一致。

有同一机关上一年度的报告时（同一批检查中按机关名称和年份配对，或用 ``--previous``
指定），逐列比较本年表三“二、上年结转政府信息公开申请数量”与上一年度表三“四、结转
下年度继续办理”：上一年结转到下一年的申请，就是本年从上一年接过来的申请，两者应当
相等。不相等的每一列报告一次，位置在本年的单元格。任一格没有读到数字时不比较这一列。
"""

from ..model import Problem
from ._tables import fmt
from ._previous import prev_name, previous

KIND = "carryover"
OPTIONS = {
    "this_row": (str, "二", "本年表三的行（id）"),
    "previous_row": (str, "四", "上一年度表三的行（id）"),
}
MESSAGES = ("",)


def check(report, options):
    prev = previous(report)
    if prev is None:
        return
    this_t, prev_t = report.tables.get("三"), prev.tables.get("三")
    if this_t is None or prev_t is None or not this_t.found or not prev_t.found:
        return
    spec = this_t.spec
    for col, name in enumerate(spec.columns):
        a = this_t.cell(options["this_row"], col)
        b = prev_t.cell(options["previous_row"], col)
        if a is None or b is None or not a.is_number or not b.is_number or a.value == b.value:
            continue
        yield Problem(a.span, {"column": name, "this": fmt(a.value), "previous": fmt(b.value),
                               "prev": prev_name(report),
                               "this_where": this_t.where(options["this_row"], col),
                               "prev_where": prev_t.where(options["previous_row"], col)},
                      cell=this_t.cell_ref(options["this_row"], col))
