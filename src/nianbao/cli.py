"""Command line: ``nianbao check``, ``nianbao review``, ``nianbao rules``, ``nianbao rule CODE``.

Exit codes: 0 nothing at or above the failing level; 1 findings; 2 usage,
configuration or unreadable input (the other files of a batch are still checked);
130 interrupted (Ctrl-C).  The batch work lives in :mod:`.batch`.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .report import FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors exit 2 with a Chinese hint
        self.print_usage(sys.stderr)
        sys.stderr.write(f"nianbao: 参数错误：{message}\n")
        raise SystemExit(EXIT_ERROR)


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"“{text}”不是非负整数")
    return n


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"应为正数：{text}")
    return value


def _batch_options(c) -> None:
    c.add_argument("--config", metavar="FILE", help="使用指定的配置文件，不再向上查找")
    c.add_argument("--select", action="append", metavar="CODES", help="只运行这些规则（代码或前缀，逗号分隔）")
    c.add_argument("--ignore", action="append", metavar="CODES", help="不运行这些规则（代码或前缀，逗号分隔）")
    c.add_argument("--exclude", action="append", metavar="GLOBS",
                   help="遍历目录时跳过这些路径（通配符，逗号分隔；在配置的 exclude 之外）")
    c.add_argument("--jobs", "-j", type=_jobs, default=0, metavar="N",
                   help="并行进程数（默认 0：使用全部 CPU 核心）；结果与 --jobs 1 完全相同")
    c.add_argument("--max-size", type=_positive, metavar="MB", default=None,
                   help="单个文件的大小上限（MB，默认 100）")
    c.add_argument("--timeout", type=_positive, metavar="SECONDS", default=None,
                   help="读取一个 PDF 或 Word 文件的时间上限（秒，默认 60）")
    c.add_argument("--max-memory", type=_positive, metavar="MB", default=None,
                   help="读取一个 PDF 或 Word 文件的内存上限（MB，默认 768）")


MAIN_EPILOG = """示例：
  nianbao check 报告.pdf                      检查一份报告
  nianbao check 各单位年报/ --format json     检查目录中的全部报告，输出 JSON
  nianbao rules                               列出全部规则
  nianbao rule NB204                          打印一条规则的文档

退出码：0 没有问题；1 有问题；2 参数、配置错误或文件无法读取。
"""

CHECK_EPILOG = """示例：
  nianbao check 报告.pdf 报告.docx
  nianbao check 各单位年报/ --select NB2 --ignore NB205
  nianbao check 报告.md --format sarif -o 结果.sarif
  nianbao check 各单位年报/ --statistics
  nianbao check 各单位年报/ --write-baseline 基线.json
  nianbao check 各单位年报/ --baseline 基线.json
  cat 报告.txt | nianbao check -

文本和 Markdown 报告中可用 <!-- nianbao: disable=NB105 --> 抑制下一行的问题，
<!-- nianbao: disable-file=NB105 --> 抑制全文的问题；配置文件的 per-file-ignores 按文件忽略规则。
"""


REVIEW_EPILOG = """示例：
  nianbao review 各单位年报/ -o 审查结果/
  nianbao review 各单位年报/ -o 审查结果/ --manifest 名单.csv --jobs 4
"""


def build_parser() -> argparse.ArgumentParser:
    from .cli_zh import chinese
    with chinese():
        return _build_parser()


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Section headings end with a full-width colon, as Chinese text does."""

    def format_help(self):
        import re
        return re.sub(r"(?m)^(\s*(?:位置参数|选项|子命令)):$", r"\1：", super().format_help())


def _build_parser() -> argparse.ArgumentParser:
    fmt = _Formatter
    p = _Parser(prog="nianbao", description="政府信息公开工作年度报告检查工具", epilog=MAIN_EPILOG,
                formatter_class=fmt)
    p.add_argument("--version", action="version", version=f"nianbao {__version__}", help="显示版本号并退出")
    sub = p.add_subparsers(dest="command", parser_class=_Parser, title="子命令", metavar="命令")
    c = sub.add_parser("check", help="检查报告（文件、目录，或 - 表示标准输入）",
                       description="检查年度报告（.txt .md .pdf .docx .html .htm），逐条指出问题的位置与原因。",
                       epilog=CHECK_EPILOG, formatter_class=fmt)
    c.add_argument("paths", nargs="+", metavar="PATH", help="要检查的文件或目录；- 表示从标准输入读取")
    c.add_argument("--format", choices=FORMATS, default="human",
                   help="输出格式：human（默认）、json、sarif、github、csv、junit")
    _batch_options(c)
    c.add_argument("--list-files", action="store_true", help="只列出将要检查的文件，不检查")
    c.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                   help="达到哪一级别的问题时退出码为 1（默认 error）")
    c.add_argument("--exit-zero", action="store_true", help="有问题时也以 0 退出")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="是否用颜色显示（默认 auto：输出到终端时才用颜色）")
    c.add_argument("--previous", metavar="FILE",
                   help="同一机关上一年度的报告，用来比较结转数、现行有效件数和重复的文字"
                        "（不指定时，同一批中按机关名称和年份自动配对）")
    c.add_argument("--statistics", action="store_true", help="只输出每条规则的问题数量（human 或 json 格式）")
    c.add_argument("--output-file", "-o", metavar="FILE", help="把结果写入文件（UTF-8），不输出到屏幕")
    c.add_argument("--baseline", metavar="FILE", help="只报告基线文件中没有的新问题")
    c.add_argument("--write-baseline", metavar="FILE", help="把本次发现的全部问题写入基线文件（退出码 0）")
    v = sub.add_parser("review", help="审查一批报告，生成审查报告（HTML）、汇总表（Excel）和各单位整改清单（Word）",
                       description="审查一批报告：写出审查报告（HTML）、汇总表（Excel）、各单位整改清单（Word）和 review.json。",
                       epilog=REVIEW_EPILOG, formatter_class=fmt)
    v.add_argument("paths", nargs="+", metavar="PATH", help="要审查的文件或目录")
    v.add_argument("-o", "--output", required=True, metavar="DIR", help="结果写入的文件夹")
    v.add_argument("--manifest", metavar="CSV", help="单位名单（列：file, agency, level, parent），优先于自动识别")
    _batch_options(v)
    r = sub.add_parser("rules", help="列出全部规则", description="列出全部规则：代码、名称、级别、标签、说明。",
                       epilog="示例：\n  nianbao rules\n  nianbao rules --format json", formatter_class=fmt)
    r.add_argument("--format", choices=("human", "json"), default="human", help="输出格式：human（默认）或 json")
    r.add_argument("--config", metavar="FILE", help="使用指定的配置文件（含其中的规则包）")
    d = sub.add_parser("rule", help="打印一条规则的文档", description="打印一条规则的文档：检查什么、为什么、示例、如何修改。",
                       epilog="示例：\n  nianbao rule NB204\n  nianbao rule zero-fill", formatter_class=fmt)
    d.add_argument("code", metavar="CODE", help="规则代码（如 NB204）或名称（如 zero-fill）")
    d.add_argument("--config", metavar="FILE", help="使用指定的配置文件（含其中的规则包）")
    return p


def _ruleset_for(args):
    """The rule set governing the current folder (or ``--config``)."""
    from .batch import Configs
    return Configs(args.config, None, None).for_path(os.curdir)[1]


def cmd_rules(args) -> int:
    ruleset = _ruleset_for(args)
    if args.format == "json":
        from .report.json_out import rules_json
        sys.stdout.write(rules_json(ruleset))
        return EXIT_OK
    from .report.human import text_width
    from .report.human import LABELS
    rows = [(r.code, r.name, LABELS[r.severity], ",".join(r.tags),
             r.summary + ("" if r.enabled else "（已停用）")) for r in ruleset.rules]
    head = ("代码", "名称", "级别", "标签", "说明")
    widths = [max(text_width(x[i]) for x in rows + [head]) for i in range(4)]
    lines = []
    for row in [head] + rows:
        cells = [c + " " * (w - text_width(c)) for c, w in zip(row[:4], widths)]
        lines.append("  ".join(cells + [row[4]]).rstrip())
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def cmd_rule(args) -> int:
    ruleset = _ruleset_for(args)
    code = args.code.strip().upper()
    rule = ruleset.by_code(code) or next((r for r in ruleset.rules if r.name == args.code), None)
    if rule is None:
        sys.stderr.write(f"nianbao: 没有规则 “{args.code}”（nianbao rules 列出全部规则）\n")
        return EXIT_ERROR
    sys.stdout.write(rule_doc(rule))
    return EXIT_OK


def _indent(text: str) -> str:
    return "\n".join("    " + ln if ln.strip() else "" for ln in text.rstrip().splitlines())


def _label(severity: str) -> str:
    from .report.human import LABELS
    return LABELS[severity]


def rule_doc(rule) -> str:
    d = rule.doc
    parts = [f"{rule.code} {rule.name}：{rule.summary}",
             f"级别：{_label(rule.severity)}    标签：{', '.join(rule.tags)}    类型：{rule.kind}"]
    for key, title in (("what", "检查什么"), ("why", "为什么"), ("bad", "错误示例"),
                       ("good", "正确示例"), ("fix", "如何修改")):
        if d.get(key):
            parts.append(f"{title}\n{_indent(d[key])}")
    opts = getattr(rule.module, "OPTIONS", {})
    if opts:
        rows = [f"{name}（默认 {default!r}，当前 {rule.options.get(name)!r}）：{desc}"
                for name, (_t, default, desc) in opts.items()]
        parts.append("选项\n" + _indent("\n".join(rows)))
    kind_doc = (rule.module.__doc__ or "").strip()
    if kind_doc:
        parts.append(f"规则类型 {rule.kind}\n{_indent(kind_doc)}")
    return "\n\n".join(parts) + "\n"


def main(argv=None) -> int:
    from .cache import install_patterns
    install_patterns()  # before the modules that compile their patterns are imported
    from .cli_zh import chinese
    parser = build_parser()
    with chinese():
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_ERROR
    from .yamlio import ConfigError
    try:
        if args.command == "check":
            from .batch import cmd_check
            return cmd_check(args)
        if args.command == "review":
            from .report.review import cmd_review
            return cmd_review(args)
        if args.command == "rules":
            return cmd_rules(args)
        return cmd_rule(args)
    except ConfigError as exc:
        sys.stderr.write(f"nianbao: 配置错误：{exc}\n")
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:  # Ctrl-C before the batch began (while reading rules, walking folders)
        sys.stderr.write("nianbao: 已中断\n")
        return 130
