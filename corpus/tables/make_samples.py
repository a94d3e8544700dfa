"""Write the table samples of corpus/tables and their expected findings.

Run ``python corpus/tables/make_samples.py`` (from the repository, with nianbao
installed) after changing a sample.  The reports are invented (青禾镇, 松溪县 …,
figures drawn with a fixed seed so that every relation holds, then broken on
purpose).  Each defect's expected finding is written from how the defect was
made (which cell was blanked, which total was changed), by the rules documented
in rules/nianbao.yaml, never by running the linter; tests/test_tables_samples.py
then checks that the linter finds exactly these.

The renderers are shared with the property tests (tests/test_tables_helpers.py).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tests"))

from test_tables_helpers import (  # noqa: E402
    INTRO, SECTION_FIVE, SECTION_ONE, SECTION_SIX, consistent_tables, relation_failures, render_report,
)

ROWKEY = {  # template row label -> row id, for relation_failures() results
    "一、本年新收政府信息公开申请数量": "一", "二、上年结转政府信息公开申请数量": "二",
    "（七）总计": "（七）", "四、结转下年度继续办理": "四",
}


def _data(seed: int) -> dict:
    return consistent_tables(random.Random(seed))


def _at_cells(page, failures) -> list:
    """Positions of relation failures (their at-cells) in a rendered page."""
    out = []
    for code, table, row, col in failures:
        if table == "四":
            group = {"行政复议·总计": "行政复议", "行政诉讼·未经复议直接起诉·总计": "未经复议直接起诉",
                     "行政诉讼·复议后起诉·总计": "复议后起诉"}[col]
            key = ("四", group, "总计")
        else:
            rid = ROWKEY.get(row)
            if rid is None:
                from test_tables_helpers import LABEL3
                rid = next(r for r, lab in LABEL3.items() if lab == row)
            key = ("三", rid, col)
        out.append((*page.pos[key], code))
    return out


def _find(text: str, needle: str, nth: int = 0) -> tuple:
    """1-based (line, column) of the nth occurrence of ``needle``."""
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


def _report(body: str, *, agency: str, year: int = 2024) -> str:
    """A complete report around hand-written table sections (``body`` holds 二 to 四)."""
    head = (f"{agency}{year}年政府信息公开工作年度报告\n{INTRO.format(year=year)}\n"
            f"一、总体情况\n{SECTION_ONE.format(year=year, agency=agency)}\n")
    tail = f"五、存在的主要问题及改进情况\n{SECTION_FIVE}\n六、其他需要报告的事项\n{SECTION_SIX}\n"
    return head + body + tail


def samples() -> dict:
    """{file name: (text, [(line, col, code)])}."""
    out = {}

    # ---- clean reports, one per shape
    out["tab-clean.txt"] = (render_report(_data(11), "tab", agency="青禾镇人民政府").text(), [])
    out["pipe-clean.md"] = (render_report(_data(12), "pipe", agency="松溪县统计局").text(), [])
    out["space-clean.txt"] = (render_report(_data(13), "space", agency="白沙街道办事处").text(), [])
    out["cell-per-line-clean.txt"] = (render_report(_data(14), "cell", agency="云岭乡人民政府").text(), [])
    out["four-split-clean.md"] = (render_report(_data(15), "pipe", agency="松溪县人民政府",
                                                four_split=True).text(), [])
    out["four-one-line-clean.txt"] = (render_report(_data(16), "space", agency="东溪镇人民政府").text(), [])

    # ---- cells without a figure: blank, "/", "—", "无"
    d = _data(21)
    d["三"]["（二）"][2] = ""
    d["三"]["（五）3"][5] = "无"
    d["二"]["行政强制"][0] = "/"
    d["四"]["复议后起诉"][3] = "—"
    page = render_report(d, "tab", agency="青禾镇人民政府")
    exp = [(*page.pos[("三", "（二）", "科研机构")], "NB204"), (*page.pos[("三", "（五）3", "其他")], "NB204"),
           (*page.pos[("二", "行政强制", "本年处理决定数量")], "NB204"),
           (*page.pos[("四", "复议后起诉", "尚未审结")], "NB204")]
    out["tab-no-figure.txt"] = (page.text(), exp)

    d = _data(22)
    d["三"]["一"][0] = "-"
    d["二"]["规章"][1] = ""
    page = render_report(d, "pipe", agency="松溪县统计局")
    exp = [(*page.pos[("三", "一", "自然人")], "NB204"), (*page.pos[("二", "规章", "本年废止件数")], "NB204")]
    out["pipe-no-figure.md"] = (page.text(), exp)

    # ---- deleted rows: 表三 （五）2 and 表二 行政许可
    d = _data(23)
    del d["三"]["（五）2"]
    del d["二"]["行政许可"]
    page = render_report(d, "tab", agency="青禾镇人民政府")
    exp = [(*page.pos[("label", "三", "（五）3")], "NB203"), (*page.pos[("caption", "第二十条第（五）项")], "NB201")]
    out["tab-deleted-rows.txt"] = (page.text(), exp)

    # ---- wrong totals: one wrong cell per relation, far enough apart not to interact
    d = _data(24)
    d["三"]["（三）1"][0] = str(int(d["三"]["（三）1"][0]) + 1)  # a component: its row and its column
    d["三"]["一"][1] = str(int(d["三"]["一"][1]) + 2)  # 本年新收: its row and the balance
    d["四"]["复议后起诉"][4] = str(int(d["四"]["复议后起诉"][4]) + 3)
    page = render_report(d, "tab", agency="青禾镇人民政府")
    fails = (relation_failures(("三", "（三）1", "自然人")) | relation_failures(("三", "一", "商业企业"))
             | relation_failures(("四", "复议后起诉", "总计")))
    out["tab-wrong-totals.txt"] = (page.text(), _at_cells(page, fails))

    d = _data(25)
    four = d["三"]["四"]
    k = next(i for i in range(6) if int(four[i]) > 0) if any(int(x) > 0 for x in four[:6]) else 0
    four[k] = str(int(four[k]) - 1) if int(four[k]) > 0 else str(int(four[k]) + 1)
    d["三"]["（七）"][6] = str(int(d["三"]["（七）"][6]) + 10)  # the grand total itself
    page = render_report(d, "pipe", agency="松溪县统计局")
    fails = (relation_failures(("三", "四", ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
                                             "其他")[k])) | relation_failures(("三", "（七）", "总计")))
    out["pipe-wrong-totals.md"] = (page.text(), _at_cells(page, fails))

    # ---- space-separated text: a lost cell cannot be placed; 表四 on one line with a wrong total
    d = _data(26)
    del d["三"]["（三）3"][2]
    d["四"]["行政复议"][4] = str(int(d["四"]["行政复议"][4]) + 1)
    page = render_report(d, "space", agency="白沙街道办事处")
    exp = [(*page.pos[("label", "三", "（三）3")], "NB205")]
    exp += _at_cells(page, relation_failures(("四", "行政复议", "总计")))
    out["space-lost-cell.txt"] = (page.text(), exp)

    # ---- the superseded 2019 layout
    out["legacy-2019.txt"] = _legacy()
    # ---- sections without their tables
    out["missing-tables.txt"] = _missing_tables()
    # ---- messy extractions
    out["tab-messy.txt"] = _tab_messy()
    out["pipe-broken.md"] = _pipe_broken()
    out["space-messy.txt"] = _space_messy()
    return out


def _legacy():
    body = """二、主动公开政府信息情况
第二十条第（一）项
信息内容	本年新制作数量	本年新公开数量	对外公开总数量
规章	0	0	0
规范性文件	2	2	15
第二十条第（五）项
信息内容	上一年项目数量	本年增/减	处理决定数量
行政许可	12	0	356
其他对外管理服务事项	3	0	20
第二十条第（六）项
信息内容	上一年项目数量	本年增/减	处理决定数量
行政处罚	4	1	18
行政强制	0	0	0
第二十条第（八）项
信息内容	上一年项目数量	本年增/减
行政事业性收费	2	0
第二十条第（九）项
信息内容	采购项目数量	采购总金额
政府集中采购	5	86.4
三、收到和处理政府信息公开申请情况
	申请人情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）	自然人	商业企业	科研机构	社会公益组织	法律服务机构	其他	总计
一、本年新收政府信息公开申请数量	6	1	0	0	0	0	7
二、上年结转政府信息公开申请数量	1	0	0	0	0	0	1
三、本年度办理结果	（一）予以公开	3	1	0	0	0	0	4
	（二）部分公开（区分处理的，只计这一情形，不计其他情形）	1	0	0	0	0	0	1
（三）不予公开	1.属于国家秘密	0	0	0	0	0	0	0
	2.其他法律行政法规禁止公开	0	0	0	0	0	0	0
	3.危及“三安全一稳定”	0	0	0	0	0	0	0
	4.保护第三方合法权益	0	0	0	0	0	0	0
	5.属于三类内部事务信息	0	0	0	0	0	0	0
	6.属于四类过程性信息	1	0	0	0	0	0	1
	7.属于行政执法案卷	0	0	0	0	0	0	0
	8.属于行政查询事项	0	0	0	0	0	0	0
（四）无法提供	1.本机关不掌握相关政府信息	1	0	0	0	0	0	1
	2.没有现成信息需要另行制作	0	0	0	0	0	0	0
	3.补正后申请内容仍不明确	0	0	0	0	0	0	0
（五）不予处理	1.信访举报投诉类申请	0	0	0	0	0	0	0
	2.重复申请	0	0	0	0	0	0	0
	3.要求提供公开出版物	0	0	0	0	0	0	0
	4.无正当理由大量反复申请	0	0	0	0	0	0	0
	5.要求行政机关确认或重新出具已获取信息	0	0	0	0	0	0	0
	（六）其他处理	1	0	0	0	0	0	1
	（七）总计	7	1	0	0	0	0	8
四、结转下年度继续办理	0	0	0	0	0	0	0
四、政府信息公开行政复议、行政诉讼情况
行政复议					行政诉讼
					未经复议直接起诉					复议后起诉
结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计
0	0	0	0	0	0	0	0	0	0	0	0	0	0	0
"""
    text = _report(body, agency="石桥镇人民政府", year=2023)
    exp = [
        (*_find(text, "本年新制作数量"), "NB202"),  # （一） in 2019 columns
        (*_find(text, "上一年项目数量"), "NB202"),  # （五）: 2019 columns and the 其他对外管理服务事项 row
        (*_find(text, "上一年项目数量", 1), "NB202"),  # （六）
        (*_find(text, "上一年项目数量", 2), "NB202"),  # （八）
        (*_find(text, "第二十条第（九）项"), "NB202"),  # the 2019-only 政府集中采购 table
        (*_find(text, "（六）其他处理"), "NB202"),  # 表三 single row
    ]
    return text, exp


def _missing_tables():
    body = """二、主动公开政府信息情况
本年度主动公开情况详见本机关门户网站“政府信息公开”专栏。
三、收到和处理政府信息公开申请情况
本年度共收到政府信息公开申请3件，均已按期答复，具体情况见附表。
四、政府信息公开行政复议、行政诉讼情况
本年度未发生因政府信息公开引起的行政复议、行政诉讼。
"""
    text = _report(body, agency="柳塘乡人民政府")
    exp = [(*_find(text, "二、主动公开政府信息情况"), "NB201"),
           (*_find(text, "三、收到和处理政府信息公开申请情况"), "NB203"),
           (*_find(text, "四、政府信息公开行政复议、行政诉讼情况"), "NB203")]
    return text, exp


def _tab_messy():
    """Like a PDF text extraction: garbled captions, interleaved group labels, a label
    that runs on over two lines, page markers and blank lines inside the tables."""
    body = """二、主动公开政府信息情况

第二十条第(一)项											
信息内容	本年制发件数	本年废止件数	现行有效件数								
规章	0	0	0								
行政规范性文件	3	1	12								
	第二十	条第(五)项									
信息内容	本年处理决	定数量									
行政许可	86										
	第二十	条第(六)项									
信息内容	本年处理	决定数量									
行政处罚	5										
- 3 -
行政强制	0										
	第二十条	第(八)项									
信息内容	本年收费金	额(单位:万元)									
行政事业性收费	1.25										

三、收到和处理政府信息公开申请情况

		申请人情况								
(本列数据的勾	稽关系为:第一项加第二项		法人或其他组							
之和,等于	第三项加第四项之和)		商业	科研	社会 公益	法律 服务	其他	总计		
			企业	机构	组织	机构				
	、本年新收政府信息公开申请数量	4	1	0	0	0	0	5		
	、上年结转政府信息公开申请数量	1	0	0	0	0	0	1		
	(一)予以公开	2	1	0	0	0	0	3		
三、本年	(二)部分公开(区分处理的,只 计这一情形,不计其他情形)	0	0	0	0	0	0	0		
度办理	1. 属于国家秘密	0	0	0	0	0	0	0		
(三)不予	2. 其他法律行政 法规禁止公开	0	0	0	0	0	0	0		
	3. 危及"三安全一稳定"	0	0	0	0	0	0	0		
	4. 保护第三方合法权益	0	0	0	0	0	0	0		

	5. 属于三类内部事务信息	0	0	0	0	0	0	0
	6. 属于四类过程性信息	0	0	0	0	0	0	0
	7. 属于行政执法案卷	0	0	0	0	0	0	0
	8. 属于行政查询事项	0	0	0	0	0	0	0
	1. 本机关不掌握 相关政府信息	1	0	0	0	0	0	1
(四)无法	2. 没有现成信息 需要另行制作	0	0	0	0	0	0	0
	3. 补正后申请内容仍不明确	0	0	0	0	0	0	0
- 4 -
	1. 信访举报投诉类申请	0	0	0	0	0	0	0
	2. 重复申请	0	0	0	0	0	0	0
(五)不予	3. 要求提供公开出版物	0	0	0	0	0	0	0
	4. 无正当理由大量反复申请	0	0	0	0	0	0	0
	5. 要求行政机关确认 或重新出具已获取信息	0	0	0	0	0	0	0
(六)其他	1. 申请人无正当理由逾期不补正、	1	0	0	0	0	0	1

处理	行政机关不再处理其 政府信息公开申请							
	2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
	3. 其他	0	0	0	0	0	0	0
	(七)总计	4	1	0	0	0	0	5
四、结转下年度继续办理		1	0	0	0	0	0	1

四、政府信息公开行政复议、行政诉讼情况

行政复议			行政诉讼											
结果	结果	其 他	尚未	总	未经复议直接起诉				复议后起诉					
维持	纠正	结果	审结	计	结果	结果	其 他	尚未	总计	结果	结果	其 他	尚未	总计
1	0	0	0	1	0	0	0	0	0	0	0	0	1	1

"""
    return _report(body, agency="青禾镇人民政府"), []


def _pipe_broken():
    """Like a PDF converted to Markdown: no separator rows, header cells split over
    lines, labels on lines of their own, value rows without labels, a page marker
    and a stray page number.  One cell holds "/"."""
    body = """二、主动公开政府信息情况
第二十条第（一）项
第二十条第（五）项
信息内容本年处理决定数量
行政许可 40
第二十条第（六）项
信息内容本年处理决定数量
行政处罚 2
行政强制 0
第二十条第（八）项
信息内容本年收费金额（单位：万元）
行政事业性收费 0
## 表二：主动公开政府信息情况
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 4 | 0 | 21 |

三、收到和处理政府信息公开申请情况
申请人情况
（本列数据的勾稽关系为：第一项加
第二项之和，等于第三项加第四项之和）法人或其他组织
自然人 总计
商业 科研 社会公益 法律服务
其他
| 企业 | 机构 | 组织 | 机构 |  |  |  |  |  |
| 一、本年新收政府信息公开申请数量 | 10 | 1 | 0 | 0 | 0 | 0 | 11 |  |
| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |  |
| 三、 | （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |
| 1 | 0 | 0 | 0 | 0 | 0 | 1 |

（二）部分公开（区分处理
年度
办理的，只计这一情形，不计其他情形）
结果
| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

（三）不予
公开
5.属于三类内部
事务信息
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
— 5 —
1.本机关不掌握
相关政府信息
| 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 1.信访举报投诉类申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
（五）不予处理
4.无正当理由
大量反复申请
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 0 | 0 | / | 0 | 0 | 0 | 0 |
2
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| （七）总计 | 10 | 1 | 0 | 0 | 0 | 0 | 11 |
| 四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |

四、政府信息公开行政复议、行政诉讼情况
行政复议行政诉讼
未经复议直接起诉复议后起诉
结果结果其他尚未
总计结果结果其他尚未结果结果其他尚未
维持纠正结果审结维持纠正结果审结
| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |
|---|---|---|---|---|---|
| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

"""
    text = _report(body, agency="松溪县科学技术局")
    # the "/" stands in （五）5, 科研机构 (the row has no label; it is the next row in order)
    line, col = _find(text, "| 0 | 0 | / |")
    return text, [(line, col + 10, "NB204")]


def _space_messy():
    """Like pdfplumber text of a ruled PDF: vertical group labels one character per
    line, labels broken around their figures, a page marker inside 表三."""
    body = """二、主动公开政府信息情况
第二十条 第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0 0 0
行政规范性文件 1 0 9
第二十条 第（五）项
信息内容 本年处理决定数量
行政许可 1203
第二十条 第（六）项
- 2 -
信息内容 本年处理决定数量
行政处罚 37
行政强制 2
第二十条 第（八）项
信息内容 本年收费金额（单位：万元）
行政事业性收费 0.35
三、收到和处理政府信息公开申请情况
申请人情况
（本列数据的勾稽关系为：第一项加第二项
之和，等于第三项加第四项之和） 法人或其他组织
自然人 商业 科研 社会公益 法律服务 其他 总计
企业 机构 组织 机构
一、本年新收政府信息公开申请数量 13 2 0 0 1 0 16
二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1
三 （一）予以公开 6 1 0 0 1 0 8
、 （二）部分公开（区分处理的，只计
1 0 0 0 0 0 1
这一情形，不计其他情形）
本 （三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0
年
0 0 0 0 0 0 0
2.其他法律行政法规禁止公开
度 3.危及“三安全一稳定” 0 0 0 0 0 0 0
4.保护第三方合法权益 1 0 0 0 0 0 1
办
5.属于三类内部事务信息 0 0 0 0 0 0 0
理 6.属于四类过程性信息 0 0 0 0 0 0 0
7.属于行政执法案卷 0 0 0 0 0 0 0
结
8.属于行政查询事项 0 0 0 0 0 0 0
果
1.本机关不掌握相关政府信息 3 1 0 0 0 0 4
（四）无法提供
- 3 -
2.没有现成信息需要 1 0 0 0 0 0 1
另行制作
3.补正后申请内容仍不明确 0 0 0 0 0 0 0
（五）不予处理 1.信访举报投诉类申请 0 0 0 0 0 0 0
2.重复申请 0 0 0 0 0 0 0
3.要求提供公开出版物 0 0 0 0 0 0 0
4.无正当理由
0 0 0 0 0 0 0
大量反复申请
5.要求行政机关
0 0 0 0 0 0 0
确认或重新出具已获取信息
（六）其他处理
1、申请人无正当理由逾期不补正、 1 0 0 0 0 0 1
行政机关不再处理其政府信息公开申请
2、申请人逾期未按收费通知要求缴纳
费用、行政机关不再处理其政府信息公开 0 0 0 0 0 0 0
申请
3、其他 0 0 0 0 0 0 0
（七）总计 13 2 0 0 1 0 16
四、结转下年度继续办理 1 0 0 0 0 0 1
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉
结果维持 结果纠正 其他结果 尚未审结 总计
结果维持 结果纠正 其他结果 尚未审结 总计
2 0 1 0 3 0 0 0 0 0 1 0 0 0 1
"""
    return _report(body, agency="东溪县人民政府"), []


def write() -> None:
    for name, (text, exp) in samples().items():
        (HERE / name).write_text(text, encoding="utf-8")
        lines = sorted(exp)
        (HERE / name).with_suffix(".expected").write_text(
            "".join(f"{ln}:{col} {code}\n" for ln, col, code in lines), encoding="utf-8")


if __name__ == "__main__":
    write()
