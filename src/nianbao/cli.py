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


def _batch_options(c) -> None:
    c.add_argument("--config", metavar="FILE", help="使用指定的配置文件，不再向上查找")
    c.add_argument("--select", action="append", metavar="CODES", help="只运行这些规则（代码或前缀，逗号分隔）")
    c.add_argument("--ignore", action="append", metavar="CODES", help="不运行这些规则（代码或前缀，逗号分隔）")
    c.add_argument("--exclude", action="append", metavar="GLOBS",
                   help="遍历目录时跳过这些路径（通配符，逗号分隔；在配置的 exclude 之外）")
    c.add_argument("--jobs", "-j", type=_jobs, default=0, metavar="N",
                   help="并行进程数（默认 0：使用全部 CPU 核心）；结果与 --jobs 1 完全相同")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="nianbao", description="政府信息公开工作年度报告检查工具")
    p.add_argument("--version", action="version", version=f"nianbao {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    c = sub.add_parser("check", help="检查报告（文件、目录，或 - 表示标准输入）")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", choices=FORMATS, default="human")
    _batch_options(c)
    c.add_argument("--list-files", action="store_true", help="只列出将要检查的文件，不检查")
    c.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                   help="达到哪一级别的问题时退出码为 1（默认 error）")
    c.add_argument("--exit-zero", action="store_true", help="有问题时也以 0 退出")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    v = sub.add_parser("review", help="审查一批报告，生成审查报告（HTML）、汇总表（Excel）和各单位整改清单（Word）")
    v.add_argument("paths", nargs="+", metavar="PATH")
    v.add_argument("-o", "--output", required=True, metavar="DIR", help="结果写入的文件夹")
    v.add_argument("--manifest", metavar="CSV", help="单位名单（列：file, agency, level, parent），优先于自动识别")
    _batch_options(v)
    r = sub.add_parser("rules", help="列出全部规则")
    r.add_argument("--format", choices=("human", "json"), default="human")
    r.add_argument("--config", metavar="FILE")
    d = sub.add_parser("rule", help="打印一条规则的文档")
    d.add_argument("code")
    d.add_argument("--config", metavar="FILE")
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
    rows = [(r.code, r.name, r.severity, ",".join(r.tags), r.summary + ("" if r.enabled else "（已停用）"))
            for r in ruleset.rules]
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


def rule_doc(rule) -> str:
    d = rule.doc
    parts = [f"{rule.code} {rule.name}：{rule.summary}",
             f"级别：{rule.severity}    标签：{', '.join(rule.tags)}    类型：{rule.kind}"]
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
    parser = build_parser()
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
