"""正文照搬上一年度的报告。

有同一机关上一年度的报告时，把两份报告的正文（不含表格）切成句子，去掉空白和标点
后逐句比较。对 ``sections`` 所列的每一章节，算出本年这一节的文字中有多大比例（按字数）
是上一年度报告里原样出现过的句子：

* ``mode: share``：比例超过 ``threshold`` 时报告，消息写出章节和比例；
* ``mode: identical``：这一节与上一年度同一节逐句相同（本年每一句都出现在上一年度的
  同一节，且上一年度这一节也没有本年没有的句子）时报告。

短于 ``min_sentence`` 个字的句子（“无。”“特此报告。”）不参与比较；一节的正文不足
``min_chars`` 个字时不报告（几句固定写法本来就年年相同）。位置在该章节标题处。
主管部门评议时对“内容雷同”会扣分。
"""

from ..model import Problem
from ..parse.prose import prose
from ._previous import cached_keys, key, prev_name, previous
from ._util import heading_span

KIND = "repeated-text"
OPTIONS = {
    "sections": (list, ["一", "五", "六"], "比较哪些章节"),
    "mode": (str, "share", "share：重复比例超过阈值时报告；identical：与上一年度同一节逐句相同时报告"),
    "threshold": (float, 0.5, "mode 为 share 时的比例阈值"),
    "min_sentence": (int, 8, "参与比较的句子至少多少个字"),
    "min_chars": (int, 60, "一节的正文至少多少个字才比较"),
    "skip_identical": (list, [], "mode 为 share 时，这些章节与上一年度同一节逐句相同就不报告（由 identical 的规则报告）"),
}
MESSAGES = ("",)


def validate_options(options):
    if options["mode"] not in ("share", "identical"):
        return ("mode",), f"mode 应为 share 或 identical，实际是 “{options['mode']}”"
    return None


def _keys(block, min_len):
    return [k for k in (key(s.text) for s in block.sentences) if len(k) >= min_len]


def check(report, options):
    prev = previous(report)
    if prev is None:
        return
    mine, theirs = prose(report), prose(prev)
    prev_all = cached_keys(prev, options["min_sentence"])
    for name in options["sections"]:
        found = report.section_named(name)
        block = mine.get(name)
        if found is None or block is None:
            continue
        keys = _keys(block, options["min_sentence"])
        total = sum(len(k) for k in keys)
        if total < options["min_chars"]:
            continue
        span = heading_span(found[1])
        args = {"section": name, "prev": prev_name(report)}
        other = theirs.get(name)
        identical = other is not None and set(keys) == set(_keys(other, options["min_sentence"]))
        if options["mode"] == "identical":
            if identical:
                yield Problem(span, args)
            continue
        if identical and name in options["skip_identical"]:
            continue
        same = sum(len(k) for k in keys if k in prev_all)
        share = same / total
        if share > options["threshold"]:
            args.update({"share": f"{share:.0%}", "chars": total, "same": same})
            yield Problem(span, args)
