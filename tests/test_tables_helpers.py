"""Shared helpers of the table tests (this module holds no tests itself)."""

from __future__ import annotations

from functools import lru_cache

from helpers import ROOT, SHARED  # noqa: F401 - SHARED is re-exported to the table tests
from nianbao.config import Config, resolve
from nianbao.engine import check_document
from nianbao.load import load_bytes
from nianbao.parse import parse

SAMPLES = ROOT / "corpus" / "tables"


@lru_cache(maxsize=1)
def default_ruleset():
    """The bundled rules, as a user without configuration gets them."""
    return resolve(Config())


def load_text(text: str, path: str = "report.txt"):
    return load_bytes(text.encode("utf-8"), path)


def parse_text(text: str, path: str = "report.txt"):
    """The parsed Report of ``text`` (Markdown when ``path`` ends in .md)."""
    return parse(load_text(text, path), default_ruleset().template)


def findings_of(text: str, path: str = "report.txt") -> list:
    """Every finding of the default rule set on ``text``."""
    return check_document(load_text(text, path), default_ruleset())


def cell_text(cell) -> str:
    if cell.kind == "blank":
        return "_"
    return cell.text


def read_shape(report, table: str) -> dict:
    """{row id: "v v v"} of one table as read ("_" blank, "?" values not placed)."""
    t = report.tables[table]
    out = {}
    for rid, row in t.rows.items():
        out[rid] = "?" if row.cells is None else " ".join(cell_text(c) for c in row.cells)
    return out


# ---------------------------------------------------------------------------
# The template's tables as data (labels exactly as in 国办公开办函〔2021〕30号),
# and renderers that write them in the shapes real reports arrive in.

COLS3 = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
#: (row id, group label printed on the row's line or "", row label)
ROWS3 = (
    ("一", "", "一、本年新收政府信息公开申请数量"),
    ("二", "", "二、上年结转政府信息公开申请数量"),
    ("（一）", "三、本年度办理结果", "（一）予以公开"),
    ("（二）", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("（三）1", "（三）不予公开", "1.属于国家秘密"),
    ("（三）2", "", "2.其他法律行政法规禁止公开"),
    ("（三）3", "", "3.危及“三安全一稳定”"),
    ("（三）4", "", "4.保护第三方合法权益"),
    ("（三）5", "", "5.属于三类内部事务信息"),
    ("（三）6", "", "6.属于四类过程性信息"),
    ("（三）7", "", "7.属于行政执法案卷"),
    ("（三）8", "", "8.属于行政查询事项"),
    ("（四）1", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("（四）2", "", "2.没有现成信息需要另行制作"),
    ("（四）3", "", "3.补正后申请内容仍不明确"),
    ("（五）1", "（五）不予处理", "1.信访举报投诉类申请"),
    ("（五）2", "", "2.重复申请"),
    ("（五）3", "", "3.要求提供公开出版物"),
    ("（五）4", "", "4.无正当理由大量反复申请"),
    ("（五）5", "", "5.要求行政机关确认或重新出具已获取信息"),
    ("（六）1", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("（六）2", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("（六）3", "", "3.其他"),
    ("（七）", "", "（七）总计"),
    ("四", "", "四、结转下年度继续办理"),
)
RESULT_ROWS = tuple(r for r, _g, _l in ROWS3[2:-2])
LABEL3 = {r: lab for r, _g, lab in ROWS3}
#: (sub-table caption, columns, rows)
SUBTABLES2 = (
    ("第二十条第（一）项", ("本年制发件数", "本年废止件数", "现行有效件数"), ("规章", "行政规范性文件")),
    ("第二十条第（五）项", ("本年处理决定数量",), ("行政许可",)),
    ("第二十条第（六）项", ("本年处理决定数量",), ("行政处罚", "行政强制")),
    ("第二十条第（八）项", ("本年收费金额（单位：万元）",), ("行政事业性收费",)),
)
GROUPS4 = ("行政复议", "未经复议直接起诉", "复议后起诉")
PATH4 = {"行政复议": "行政复议", "未经复议直接起诉": "行政诉讼·未经复议直接起诉", "复议后起诉": "行政诉讼·复议后起诉"}
COLS4 = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
NOTE3 = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def consistent_tables(rnd) -> dict:
    """Random figures satisfying every relation of the template.

    ``rnd`` is a random.Random; returns {"二": {row: [values]}, "三": {row: [7 values]},
    "四": {group: [5 values]}} with values as strings.
    """
    small = lambda: rnd.choice((0, 0, 0, 1, 2, 3, 5, 8, 13, 40, 120))  # noqa: E731
    three = {}
    for r in RESULT_ROWS:
        three[r] = [small() for _ in range(6)]
    seven = [sum(three[r][c] for r in RESULT_ROWS) for c in range(6)]
    carry = [small() for _ in range(6)]
    prev = [rnd.randint(0, s + k) for s, k in zip(seven, carry)]
    new = [s + k - p for s, k, p in zip(seven, carry, prev)]
    three["一"], three["二"], three["（七）"], three["四"] = new, prev, seven, carry
    out3 = {r: [str(v) for v in three[r]] + [str(sum(three[r]))] for r, _g, _l in ROWS3}
    four = {}
    for g in GROUPS4:
        parts = [small() for _ in range(4)]
        four[g] = [str(v) for v in parts] + [str(sum(parts))]
    two = {
        "规章": [str(small()), str(small()), str(small())],
        "行政规范性文件": [str(small()), str(small()), str(small())],
        "行政许可": [str(small() * 7)], "行政处罚": [str(small())], "行政强制": [str(small())],
        "行政事业性收费": [rnd.choice(("0", "12.5", "3.27", "105", "0.6"))],
    }
    return {"二": two, "三": out3, "四": four}


class Page:
    """Lines being written, with the 1-based (line, column) of every cell and label."""

    def __init__(self):
        self.lines = []
        self.pos = {}  # key -> (line, column)

    def add(self, text: str = "") -> int:
        self.lines.append(text)
        return len(self.lines)

    def add_cells(self, cells, sep: str, keys=(), lead: str = "", tail: str = "") -> int:
        """One line of ``cells`` joined by ``sep``; keys[i] (or None) names cell i's position."""
        text, cols = lead, []
        for i, c in enumerate(cells):
            if i:
                text += sep
            cols.append(len(text))
            text += c
        text += tail
        n = self.add(text)
        for i, key in enumerate(keys[:len(cells)]):
            if key is not None:
                start = cols[i]
                if sep == " | " and cells[i] == "":
                    start -= 1  # an empty pipe cell is the gap right after its "|"
                self.pos[key] = (n, start + 1)
        return n

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def render_two(page: Page, data2: dict, shape: str) -> None:
    for caption, cols, rows in SUBTABLES2:
        page.pos[("caption", caption)] = (page.add(caption), 1)
        header = ["信息内容", *cols]
        if shape == "tab":
            page.add("\t".join(header))
        elif shape == "pipe":
            page.add("| " + " | ".join(header) + " |")
            page.add("|" + "---|" * len(header))
        elif shape == "space":
            page.add(" ".join(header))
        else:  # one cell per line
            for h in header:
                page.add(h)
        for r in rows:
            vals = data2.get(r)
            if vals is None:
                continue
            keys = [("label", "二", r)] + [("二", r, c) for c in cols]
            if shape == "tab":
                page.add_cells([r, *vals], "\t", keys)
            elif shape == "pipe":
                page.add_cells([r, *vals], " | ", keys, lead="| ", tail=" |")
            elif shape == "space":
                page.add_cells([r, *vals], " ", keys)
            else:
                page.pos[keys[0]] = (page.add(r), 1)
                for v, k in zip(vals, keys[1:]):
                    page.pos[k] = (page.add(v), 1)


def render_three(page: Page, data3: dict, shape: str, legacy_six: bool = False) -> None:
    rows = [x for x in ROWS3 if x[0] in data3]
    if legacy_six:
        rows = [x for x in rows if not x[0].startswith("（六）") or x[0] == "（六）"]
        six = ("（六）", "", "（六）其他处理")
        at = next(i for i, x in enumerate(rows) if x[0] == "（七）")
        rows.insert(at, six)
    head = ["申请人情况"]
    if shape == "tab":
        page.add("\t\t" + "\t".join(head))
        page.add(NOTE3 + "\t\t自然人\t法人或其他组织\t\t\t\t\t总计")
        page.add("\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他")
    elif shape == "pipe":
        page.add("| " + NOTE3 + " | | " + " | ".join(COLS3) + " |")
        page.add("|" + "---|" * 9)
    elif shape == "space":
        page.add("申请人情况")
        page.add(NOTE3)
        page.add("自然人 法人或其他组织 总计")
        page.add("商业企业 科研机构 社会公益组织 法律服务机构 其他")
    else:
        for h in ("申请人情况", NOTE3, "自然人", "法人或其他组织", *COLS3[1:6], "总计"):
            page.add(h)
    for r, group, label in rows:
        vals = data3[r]
        keys = [("label", "三", r)] + [("三", r, c) for c in COLS3]
        if shape in ("tab", "pipe"):
            # the row's label starts at its group label when the line has one
            keys = ([keys[0], None] if group else [None, keys[0]]) + keys[1:]
            if shape == "tab":
                page.add_cells([group, label, *vals], "\t", keys)
            else:
                page.add_cells([group, label, *vals], " | ", keys, lead="| ", tail=" |")
        elif shape == "space":
            lead = (group + " ") if group else ""
            n = page.add_cells([label, *vals], " ", keys, lead=lead)
            page.pos[keys[0]] = (n, 1)
        else:
            if group:
                page.add(group)
            page.pos[keys[0]] = (page.add(label), 1)
            for v, k in zip(vals, keys[1:]):
                page.pos[k] = (page.add(v), 1)


def render_four(page: Page, data4: dict, shape: str, split: bool = False) -> None:
    keys = [("四", g, c) for g in GROUPS4 for c in COLS4]
    vals = [v for g in GROUPS4 for v in data4[g]]
    if split:  # three tables of five, as some OCR output has it
        for g in GROUPS4:
            title = "行政复议" if g == "行政复议" else f"行政诉讼（{g}）"
            page.add(("### " if shape == "pipe" else "") + title)
            k5 = [("四", g, c) for c in COLS4]
            if shape == "pipe":
                page.add("| " + " | ".join(COLS4) + " |")
                page.add("|" + "---|" * 5)
                page.add_cells(list(data4[g]), " | ", k5, lead="| ", tail=" |")
            elif shape == "tab":
                page.add("\t".join(COLS4))
                page.add_cells(list(data4[g]), "\t", k5)
            else:
                page.add(" ".join(COLS4))
                page.add_cells(list(data4[g]), " ", k5)
        return
    if shape == "tab":
        page.add("行政复议\t\t\t\t\t行政诉讼")
        page.add("\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉")
        page.add("\t".join(COLS4 * 3))
        page.add_cells(vals, "\t", keys)
    elif shape == "pipe":
        page.add("| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |")
        page.add("|" + "---|" * 15)
        page.add("| " + " | ".join(COLS4 * 3) + " |")
        page.add_cells(vals, " | ", keys, lead="| ", tail=" |")
    elif shape == "space":
        page.add("行政复议 行政诉讼")
        page.add("未经复议直接起诉 复议后起诉")
        page.add(" ".join(COLS4 * 3))
        page.add_cells(vals, " ", keys)
    else:
        for h in ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", *COLS4):
            page.add(h)
        for v, k in zip(vals, keys):
            page.pos[k] = (page.add(v), 1)


AGENCY = "青禾镇人民政府"
INTRO = (
    "本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》"
    "（国办公开办函〔2021〕30号）编制，所列数据的统计期限为{year}年1月1日至12月31日。"
)
SECTION_ONE = (
    "{year}年，{agency}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实做好主动公开、依申请公开、"
    "政府信息管理、政府信息公开平台建设和监督保障各项工作，完成了年度工作考核、社会评议和责任追究结果情况的公开。"
)
SECTION_FIVE = (
    "上一年度年报所提问题已全部整改到位。本年度存在的主要问题是政策解读形式较为单一，"
    "下一步将丰富解读形式，提升公开质量。"
)
SECTION_SIX = "本年度未收取信息处理费。"


def render_report(data: dict, shape: str, *, year: int = 2024, agency: str = AGENCY,
                  four_split: bool = False, legacy_six: bool = False, headings: bool = True) -> Page:
    """A complete report (title, six sections) with tables 二, 三, 四 in ``shape``.

    ``shape``: "tab", "pipe", "space" or "cell" (one cell per line).
    """
    page = Page()
    page.add(f"{agency}{year}年政府信息公开工作年度报告")
    page.add(INTRO.format(year=year))
    page.add("一、总体情况")
    page.add(SECTION_ONE.format(year=year, agency=agency))
    page.add("二、主动公开政府信息情况")
    render_two(page, data["二"], shape)
    page.add("三、收到和处理政府信息公开申请情况")
    render_three(page, data["三"], shape, legacy_six=legacy_six)
    page.add("四、政府信息公开行政复议、行政诉讼情况")
    render_four(page, data["四"], shape, split=four_split)
    page.add("五、存在的主要问题及改进情况")
    page.add(SECTION_FIVE)
    page.add("六、其他需要报告的事项")
    page.add(SECTION_SIX)
    return page


# ---------------------------------------------------------------------------
# the relations and the cascade policy, restated independently of the linter

def relation_failures(changed: tuple) -> set:
    """Rule codes and cells that fail when the single cell ``changed`` of a
    consistent table is altered: {(code, table, row, column)} (template labels)."""
    table, row, col = changed
    if table == "四":
        return {("NB214", "四", "", f"{PATH4[row]}·总计")}
    label = LABEL3[row]
    total = "总计"
    out = set()
    if row in RESULT_ROWS:
        out.add(("NB213", "三", label, total))
        if col != total:
            out.add(("NB212", "三", "（七）总计", col))
    elif row == "（七）":
        if col == total:
            out.add(("NB213", "三", label, total))
            out.add(("NB212", "三", label, total))
        else:
            out.add(("NB212", "三", label, col))
    elif row in ("一", "二"):
        out.add(("NB213", "三", label, total))
        if col != total:
            out.add(("NB211", "三", LABEL3["四"], col))
    elif row == "四":
        out.add(("NB211", "三", label, col))
        if col == total:
            out.add(("NB213", "三", label, total))
    return out
