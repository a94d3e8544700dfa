"""统计期限写错了格式，或与报告年度不符。

在全文中找统计期限一类的写法（“X年1月1日至X年12月31日”，包括写错了的），报告：

* 年份与月份粘在一起、漏了“年”字，例如“自20221月1日至202212月31日”：``glued``；
* 漏了“日”字，例如“至12月31止”：``day``；
* 起止年份不是同一年，例如“2024年1月1日至2023年12月31日”：``span``；
* 年份不是报告年度（以标题年份为准）：``year``。统计期限与标题年份不一致、且是
  “标题、统计期限与正文的年份不一致”规则已经比较过的那一处时，不重复报告。

每处统计期限最多报告一次（按上面的顺序取第一个问题），位置在该处的年份。
"""

import re

from ..model import Problem, Span

KIND = "period-format"
OPTIONS = {}
MESSAGES = ("glued", "day", "span", "year")
_PERIOD = re.compile(
    r"((?:19|20)\d{2})\s*(年?)\s*(?:度\s*)?0?1\s*月\s*0?1\s*(日?)\s*(?:起\s*)?[,，]?\s*(?:至|到|—|－|-|~|～)\s*"
    r"(?:((?:19|20)\d{2})\s*(年?)\s*)?12\s*月\s*31\s*(日?)")


def check(report, options):
    doc = report.doc
    text = doc.text
    title_year = report.title.year if report.title else 0
    known = (report.period.line, report.period.start) if report.period else None
    for m in _PERIOD.finditer(text):
        li, col = doc.locate(m.start(1))
        if doc.lines[li].cells is not None:
            continue
        span = Span(li, col, col + 4)
        y1 = int(m.group(1))
        y2 = int(m.group(4)) if m.group(4) else y1
        written = re.sub(r"\s+", "", m.group(0))
        args = {"written": written, "start_year": y1, "end_year": y2, "title_year": title_year}
        if not m.group(2) or (m.group(4) and not m.group(5)):
            yield Problem(span, args, key="glued")
        elif not m.group(6) or not m.group(3):
            yield Problem(span, args, key="day")
        elif y1 != y2:
            yield Problem(span, args, key="span")
        elif title_year and y1 != title_year and (li, col) != known:
            yield Problem(span, args, key="year")
