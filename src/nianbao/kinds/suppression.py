"""没有起作用的抑制注释。

文本和 Markdown 报告中的 ``<!-- nianbao: disable=代码 -->``（作用于下一个非空行）
和 ``<!-- nianbao: disable-file=代码,代码 -->``（作用于全文），如果代码不是任何规则，
或者该规则已启用却在注释所指的位置没有发现问题，就报告这条注释：它接受的例外
已经改好（或本来就不存在），留着它会在以后悄悄掩盖新出现的问题。本次运行未启用
的规则，其抑制注释不作判断。注释在其他规则运行之后读取（nianbao.suppress），
这种规则类型本身不检查报告。
"""

from __future__ import annotations

KIND = "suppression"
OPTIONS = {}
MESSAGES = ("", "file", "unknown")


def check(report, options):
    return iter(())
