"""argparse in Chinese: its own messages ("usage:", "unrecognized arguments",
"show this help message and exit", …) translated while nianbao's parser is
built and used.

argparse looks its messages up through ``gettext`` when it needs them; inside
:func:`chinese` that lookup answers from the table below (the message ids are
argparse's own, stable across Python versions; an id not in the table stays
English rather than failing).
"""

from __future__ import annotations

import argparse
import contextlib

MESSAGES = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示此帮助信息并退出",
    "show program's version number and exit": "显示版本号并退出",
    "subcommands": "子命令",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "参数 %s 必须给出其中一个",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "多余的参数值 %r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可以是 %(matches)s",
    "unexpected option string: %s": "意外的选项：%s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "invalid choice: %(value)r, maybe you meant %(closest)r?": "无效的选择：%(value)r，是不是 %(closest)r？",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的子命令 %(parser_name)r（可选：%(choices)s）",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}
PLURALS = {
    "expected %s argument": "需要 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可以是 %(matches)s",
}


def gettext(message):
    return MESSAGES.get(message, message)


def ngettext(singular, plural, n):
    return PLURALS.get(singular, singular if n == 1 else plural)


@contextlib.contextmanager
def chinese():
    """argparse speaks Chinese inside this block."""
    saved = argparse._, getattr(argparse, "ngettext", None)
    argparse._ = gettext
    if saved[1] is not None:
        argparse.ngettext = ngettext
    try:
        yield
    finally:
        argparse._ = saved[0]
        if saved[1] is not None:
            argparse.ngettext = saved[1]
