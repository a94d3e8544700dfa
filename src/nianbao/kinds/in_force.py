"""现行有效件数与上一年度的现行有效件数加本年制发、减本年废止不一致。

有同一机关上一年度的报告时，对表二第二十条第（一）项的“规章”和“行政规范性文件”
两行验算：本年现行有效件数 = 上一年度现行有效件数 + 本年制发件数 − 本年废止件数。
不相等时在本年的“现行有效件数”格报告。

这只是提示（warning）：修订、清理、上级统一调整口径、机构改革划转都会让等式不成立；
消息会说明这一点。任一格没有读到数字时不验算这一行。
"""

from ..model import Problem
from ._tables import fmt
from ._previous import prev_name, previous

KIND = "in-force"
OPTIONS = {
    "rows": (list, ["规章", "行政规范性文件"], "表二中验算的行（id）"),
}
MESSAGES = ("",)


def check(report, options):
    prev = previous(report)
    if prev is None:
        return
    this_t, prev_t = report.tables.get("二"), prev.tables.get("二")
    if this_t is None or prev_t is None:
        return
    for rid in options["rows"]:
        issued, repealed, current = (this_t.cell(rid, c) for c in range(3))
        before = prev_t.cell(rid, 2)
        vals = (issued, repealed, current, before)
        if any(v is None or not v.is_number for v in vals):
            continue
        expected = before.value + issued.value - repealed.value
        if current.value == expected:
            continue
        yield Problem(current.span, {"row": rid, "current": fmt(current.value), "before": fmt(before.value),
                                     "issued": fmt(issued.value), "repealed": fmt(repealed.value),
                                     "expected": fmt(expected), "prev": prev_name(report)},
                      cell=this_t.cell_ref(rid, 2))
