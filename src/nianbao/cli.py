"""Command line: ``nianbao check``, ``nianbao rules``, ``nianbao rule CODE``.

Exit codes: 0 nothing at or above the failing level; 1 findings; 2 usage,
configuration or unreadable input (the other files of a batch are still checked).
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


def _split(values):
    if not values:
        return None
    out = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"应为正数：{text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="nianbao", description="政府信息公开工作年度报告检查工具")
    p.add_argument("--version", action="version", version=f"nianbao {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    c = sub.add_parser("check", help="检查报告（文件、目录，或 - 表示标准输入）")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", choices=FORMATS, default="human")
    c.add_argument("--config", metavar="FILE", help="使用指定的配置文件，不再向上查找")
    c.add_argument("--select", action="append", metavar="CODES", help="只运行这些规则（代码或前缀，逗号分隔）")
    c.add_argument("--ignore", action="append", metavar="CODES", help="不运行这些规则（代码或前缀，逗号分隔）")
    c.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                   help="达到哪一级别的问题时退出码为 1（默认 error）")
    c.add_argument("--exit-zero", action="store_true", help="有问题时也以 0 退出")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    c.add_argument("--max-size", type=_positive, metavar="MB", default=None,
                   help="单个文件的大小上限（MB，默认 100）")
    c.add_argument("--timeout", type=_positive, metavar="SECONDS", default=None,
                   help="读取一个 PDF 或 Word 文件的时间上限（秒，默认 60）")
    c.add_argument("--max-memory", type=_positive, metavar="MB", default=None,
                   help="读取一个 PDF 或 Word 文件的内存上限（MB，默认 768）")
    r = sub.add_parser("rules", help="列出全部规则")
    r.add_argument("--format", choices=("human", "json"), default="human")
    r.add_argument("--config", metavar="FILE")
    d = sub.add_parser("rule", help="打印一条规则的文档")
    d.add_argument("code")
    d.add_argument("--config", metavar="FILE")
    return p


def _expand(paths) -> list:
    """Files to check, in a stable order: directories recurse over known suffixes."""
    from .load import CHECKED_SUFFIXES
    out = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.lower().endswith(CHECKED_SUFFIXES) and not name.startswith("."):
                        found.append(os.path.join(root, name))
            out.extend(sorted(found))
        else:
            out.append(p)
    return out


class _Configs:
    """Rule sets by configuration file (discovered per checked file, cached)."""

    def __init__(self, forced: str | None, select, ignore):
        self.forced, self.select, self.ignore = forced, select, ignore
        self.cache = {}
        self.dir_cache = {}
        self.reported = set()  # configuration errors already written to stderr

    def for_path(self, path: str):
        from .config import Config, discover, read_config, resolve
        from .yamlio import ConfigError
        if self.forced:
            cfg_path = self.forced
        else:
            if path == "-":
                d = os.getcwd()
            elif os.path.isdir(path):
                d = os.path.abspath(path)
            else:
                d = os.path.dirname(os.path.abspath(path))
            if d not in self.dir_cache:
                try:
                    self.dir_cache[d] = discover(d)
                except ConfigError as exc:  # a broken pyproject.toml on the way up
                    self.dir_cache[d] = exc
            cfg_path = self.dir_cache[d]
            if isinstance(cfg_path, ConfigError):
                raise cfg_path
        if cfg_path not in self.cache:
            try:
                cfg = read_config(cfg_path) if cfg_path else Config()
                self.cache[cfg_path] = (cfg, resolve(cfg, self.select, self.ignore))
            except ConfigError as exc:  # remembered: every file under it gets the error
                self.cache[cfg_path] = exc
        found = self.cache[cfg_path]
        if isinstance(found, ConfigError):
            raise found
        return found


def _check_one(path: str, ruleset):
    from .engine import check_document
    from .load import InputError, load_bytes, load_path, read_stdin
    from .report import FileResult
    try:
        if path == "-":
            data = read_stdin()
            doc = load_bytes(data, "-", "markdown")
        else:
            doc = load_path(path)
        return FileResult(path, check_document(doc, ruleset))
    except InputError as exc:
        return FileResult(path, error=exc)
    except Exception as exc:  # never crash a batch on one file
        return FileResult(path, error=InputError(
            "internal-error", f"{path}：nianbao 内部错误（{type(exc).__name__}: {exc}），请报告此问题"))


def cmd_check(args) -> int:
    from .config import config_failure
    from .engine import fails
    from .report import render
    from .yamlio import ConfigError
    from .load import set_limits
    set_limits(args.max_size, args.timeout, args.max_memory)
    configs = _Configs(args.config, _split(args.select), _split(args.ignore))
    results, fail_levels, last_ruleset = [], [], None
    try:
        if args.config:
            configs.for_path(os.curdir)
        for path in _expand(args.paths):
            try:
                cfg, ruleset = configs.for_path(path)
            except ConfigError as exc:  # per folder: the rest of the batch is checked
                results.append(config_failure(path, exc, configs.reported))
                continue
            last_ruleset = ruleset
            res = _check_one(path, ruleset)
            results.append(res)
            fail_levels.append((res, args.fail_on or cfg.fail_on or "error"))
    except ConfigError as exc:
        sys.stderr.write(f"nianbao: 配置错误：{exc}\n")
        return EXIT_ERROR
    if last_ruleset is None:
        try:
            last_ruleset = configs.for_path(os.curdir)[1]
        except ConfigError:
            from .config import Config, resolve
            last_ruleset = resolve(Config())
    if not results:
        sys.stderr.write("nianbao: 警告：没有找到可检查的报告文件"
                         "（目录中只检查 .txt .md .pdf .docx .html .htm）\n")
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty()
                                       and not os.environ.get("NO_COLOR"))
    out = render(args.format, results, last_ruleset, color=color and args.format == "human")
    sys.stdout.write(out)
    sys.stdout.flush()
    if any(r.error for r in results):
        return EXIT_ERROR
    if not args.exit_zero and any(fails(r.findings, lvl) for r, lvl in fail_levels):
        return EXIT_FINDINGS
    return EXIT_OK


def _ruleset_for(args):
    """The rule set governing the current folder (or ``--config``)."""
    return _Configs(args.config, None, None).for_path(os.curdir)[1]


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
            return cmd_check(args)
        if args.command == "rules":
            return cmd_rules(args)
        return cmd_rule(args)
    except ConfigError as exc:
        sys.stderr.write(f"nianbao: 配置错误：{exc}\n")
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
