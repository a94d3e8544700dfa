"""统计表中没有填数字的单元格。

表二、表三、表四的每一格都应是数字：没有发生的事项填 0。逐格检查读到的表格，
空白的格，以及写着“/”“—”“-”“无”等符号而不是数字的格，各报告一次，位置就是
那一格（空白格指向它所在的空隙），并给出模板中的表、行、列。件数应为整数；
收费金额（万元）可以有小数。

不检查的格：整行的数字无法对应到列的行（由“无法读取的表格行”规则报告），
以及用 2019 年试行格式填写的子表（由“表格格式版本”规则报告）。整行缺失由
“第二十条表格”与“统计表缺行”规则报告，这里不重复。
"""

from ..model import Problem
from ..parse.tables import BLANK, TOKEN

KIND = "zero-fill"
OPTIONS = {
    "tables": (list, ["二", "三", "四"], "检查哪些表"),
}
MESSAGES = ("token", "decimal")
#: the names a rule's message may use ({name})
ARGS = ("table", "where", "text")


def check(report, options):
    for tid in options["tables"]:
        table = report.tables.get(tid)
        if table is None or not table.found:
            continue
        spec = table.spec
        for row in spec.rows:
            reading = table.rows.get(row.id)
            if reading is None or reading.cells is None:
                continue
            if row.subtable:
                sub = table.subtables.get(row.subtable)
                if sub is not None and sub.legacy:
                    continue
            for col, cell in enumerate(reading.cells):
                if cell.kind == BLANK:
                    key = ""
                elif cell.kind == TOKEN:
                    key = "token"
                elif (not row.decimal and not cell.text.isdigit()  # digits alone: a whole number
                      and cell.value != cell.value.to_integral_value()):
                    key = "decimal"
                else:
                    continue
                args = {"table": tid, "where": table.where(row.id, col), "text": cell.text}
                yield Problem(cell.span, args, cell=table.cell_ref(row.id, col), key=key)
