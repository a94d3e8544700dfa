"""Configuration: discovery, validation and rule selection.

Looked for upward from each checked file's folder: ``.nianbao.yaml`` (or
``.nianbao.yml``), or a ``pyproject.toml`` with a ``[tool.nianbao]`` table; the
first found wins.  ``--config FILE`` replaces discovery.

Keys::

    select:   [NB1, NB201]      # codes or prefixes to run (default: all)
    ignore:   [NB104]           # codes or prefixes not to run
    severity: {NB104: error}    # per-rule severity override
    packs:    [my-pack.yaml]    # extra rule packs, relative to this file
    fail-on:  error             # lowest severity that makes the exit code 1
    per-file-ignores: {"上海/*.md": [NB105]}   # glob (relative to this file) -> codes
    exclude:  [".*", 草稿/]      # globs a folder walk leaves out (default: hidden files)
    extend-exclude: [旧/*]      # globs added to ``exclude``
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .ruleset import SEVERITIES, RuleSet, load_ruleset
from .schema import Enum, SchemaError, validate
from .yamlio import ConfigError, load_yaml, locate, locate_toml, toml_tool_section

CONFIG_NAMES = (".nianbao.yaml", ".nianbao.yml")
CONFIG_SCHEMA = {
    "select": [str],
    "ignore": [str],
    "severity": {"*": Enum(*SEVERITIES)},
    "packs": [str],
    "fail-on": Enum(*SEVERITIES),
    "bundled": bool,
    "per-file-ignores": {"*": [str]},
    "exclude": [str],
    "extend-exclude": [str],
}


@dataclass
class Config:
    path: str = ""  # "" when defaults
    select: list = None
    ignore: list = field(default_factory=list)
    severity: dict = field(default_factory=dict)
    packs: list = field(default_factory=list)
    fail_on: str = ""
    bundled: bool = True
    is_toml: bool = False
    per_file_ignores: dict = field(default_factory=dict)
    exclude: list = None  # globs left out of a folder walk (None: the default, hidden files)
    extend_exclude: list = field(default_factory=list)


def _locate(cfg_path: str, is_toml: bool, keys: tuple) -> tuple:
    return locate_toml(cfg_path, keys) if is_toml else locate(cfg_path, keys)


def read_config(path: str) -> Config:
    is_toml = os.path.basename(path) == "pyproject.toml"
    if is_toml:
        data = toml_tool_section(path) or {}
    else:
        data = load_yaml(path)
        if data is None:
            data = {}
    try:
        validate(data, CONFIG_SCHEMA)
    except SchemaError as exc:
        line, col = _locate(path, is_toml, exc.keys)
        raise ConfigError(f"配置项 {'.'.join(str(k) for k in exc.keys) or '顶层'}：{exc.message}",
                          path, line, col) from None
    base = os.path.dirname(os.path.abspath(path))
    packs = [p if os.path.isabs(p) else os.path.join(base, p) for p in data.get("packs") or []]
    for i, p in enumerate(packs):
        if not os.path.isfile(p):
            line, col = _locate(path, is_toml, ("packs", i))
            raise ConfigError(f"规则包文件不存在：{data['packs'][i]}", path, line, col)
    return Config(path=path, select=data.get("select"), ignore=list(data.get("ignore") or []),
                  severity=dict(data.get("severity") or {}), packs=packs,
                  fail_on=data.get("fail-on", ""), bundled=data.get("bundled", True), is_toml=is_toml,
                  per_file_ignores=dict(data.get("per-file-ignores") or {}),
                  exclude=data.get("exclude"), extend_exclude=list(data.get("extend-exclude") or []))


def discover(start_dir: str) -> str:
    """The config file governing ``start_dir``, or "" when none."""
    d = os.path.abspath(start_dir)
    while True:
        for name in CONFIG_NAMES:
            p = os.path.join(d, name)
            if os.path.isfile(p):
                return p
        pp = os.path.join(d, "pyproject.toml")
        if os.path.isfile(pp):
            try:
                if toml_tool_section(pp) is not None:
                    return pp
            except ConfigError:
                raise
        parent = os.path.dirname(d)
        if parent == d:
            return ""
        d = parent


def _matches(code: str, selectors) -> bool:
    return any(code.startswith(s) for s in selectors)


def _check_selectors(ruleset: RuleSet, cfg: Config, key: str, values, cli: bool) -> None:
    codes = [r.code for r in ruleset.rules]
    for i, sel in enumerate(values):
        if sel == "ALL":
            continue
        if not any(c.startswith(sel) for c in codes):
            msg = f"{key} 中的规则代码 “{sel}” 不存在（nianbao rules 列出全部规则）"
            if cli or not cfg.path:
                raise ConfigError(f"--{key} 参数：" + msg)
            line, col = _locate(cfg.path, cfg.is_toml, (key, i))
            raise ConfigError(msg, cfg.path, line, col)


def resolve(cfg: Config, cli_select=None, cli_ignore=None) -> RuleSet:
    """Load the packs of ``cfg`` and enable / re-level rules as configured."""
    ruleset = load_ruleset(tuple(cfg.packs), cfg.bundled)
    if cfg.select is not None:
        _check_selectors(ruleset, cfg, "select", cfg.select, False)
    _check_selectors(ruleset, cfg, "ignore", cfg.ignore, False)
    for i, code in enumerate(cfg.severity):
        if ruleset.by_code(code) is None:
            line, col = _locate(cfg.path, cfg.is_toml, ("severity", code))
            raise ConfigError(f"severity 中的规则代码 “{code}” 不存在", cfg.path, line, col)
    for pattern, codes in cfg.per_file_ignores.items():
        for i, sel in enumerate(codes):
            if not any(r.code.startswith(sel) for r in ruleset.rules):
                line, col = _locate(cfg.path, cfg.is_toml, ("per-file-ignores", pattern, i))
                raise ConfigError(f"per-file-ignores 中的规则代码 “{sel}” 不存在（nianbao rules 列出全部规则）",
                                  cfg.path, line, col)
    base = os.path.dirname(os.path.abspath(cfg.path)) if cfg.path else os.getcwd()
    ruleset.per_file_ignores = [(base, p, tuple(c)) for p, c in cfg.per_file_ignores.items()]
    if cli_select:
        _check_selectors(ruleset, cfg, "select", cli_select, True)
    if cli_ignore:
        _check_selectors(ruleset, cfg, "ignore", cli_ignore, True)
    select = cli_select or cfg.select
    ignore = list(cfg.ignore) + list(cli_ignore or [])
    for r in ruleset.rules:
        on = r.enabled
        if select is not None and "ALL" not in select:
            on = _matches(r.code, select)
        if _matches(r.code, ignore):
            on = False
        r.enabled = on
        if r.code in cfg.severity:
            r.severity = cfg.severity[r.code]
    return ruleset


def config_failure(path: str, exc: ConfigError, reported: set):
    """The result of a file governed by a broken configuration: that
    configuration's error (written once to stderr as well), so that the files
    under other configurations are still checked and the run exits 2."""
    import sys
    from .load import InputError
    from .report import FileResult
    text = str(exc)
    if text not in reported:  # ``reported``: the errors this run has written
        reported.add(text)
        sys.stderr.write(f"nianbao: 配置错误：{text}\n")
    return FileResult(path, error=InputError("config-error", f"{path}：配置错误，未检查（{text}）"))

