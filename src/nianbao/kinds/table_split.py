"""数字连在一起时，nianbao 按模板唯一的拆法拆成各格，并说明拆法。

网页正文、PDF 转出的文字常把表格各格之间的分隔丢掉，例如
“一、本年新收政府信息公开申请数量13420000136”。模板规定了每行的格数，表三每行
总计等于前六格之和，表四每组总计等于前四格之和，除 0 以外的数字不以 0 开头。
只有当这些条件下只有一种拆法时，nianbao 才按它拆分，并用这条提示说明拆成了什么，
让使用者可以核对；有多种拆法或没有拆法时，这一行不检查（见 NB205），绝不猜测。
按行合计拆出的一行不会再违反这一行合计；跨行的列合计照常验算。
"""

from ..model import Problem

KIND = "table-split"
OPTIONS = {}
MESSAGES = ()


def check(report, options):
    for tid, table in report.tables.items():
        spec = table.spec
        how = "按行合计" if spec.cache.get("split_rule") is not None and spec.cache["split_rule"].total >= 0 \
            and not spec.subtables else "按模板列数"
        for rid, row in table.rows.items():
            if not row.split:
                continue
            yield Problem(row.span, {"table": tid, "row": spec.row_by_id[rid].display(spec),
                                     "cells": row.split, "how": how})
