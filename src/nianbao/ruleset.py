"""Rule packs (YAML) -> the list of rules to run.

A pack is a YAML mapping with ``rules:`` (code -> rule) and optionally
``template:`` (merged onto the bundled template).  The bundled pack is
``rules/nianbao.yaml``; packs named in the configuration are layered on top:
a rule with an existing code overrides the fields it sets, a new code adds a
rule.  Every value is validated; an error names ``file:line:column``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from . import kinds
from .schema import Enum, SchemaError, validate
from .template import TEMPLATE_SCHEMA, Template, build, merge, read_template_files, rules_dir
from .yamlio import ConfigError, load_yaml, locate

SEVERITIES = ("error", "warning", "info")
#: the tag vocabulary of the bundled rules (user packs may add their own tags)
TAGS = ("heading", "title", "year", "article20", "table", "zero-fill", "totals",
        "template-version", "narrative", "figures", "text-quality", "previous-year", "input",
        "suppression")
CODE_RE = re.compile(r"^[A-Z]{2,}[0-9]{3}$")
DOC_SCHEMA = {"what": str, "why": str, "bad": str, "good": str, "fix": str}
RULE_SCHEMA = {
    "name": str, "kind": str, "severity": Enum(*SEVERITIES), "tags": [str], "summary": str,
    "message": str, "messages": {"*": str}, "options": dict, "doc": DOC_SCHEMA, "enabled": bool,
}
# a pack's template: is checked against the template schema here, so that an
# error points at the pack's own lines (the merged template has no positions)
PACK_SCHEMA = {"rules": {"*": RULE_SCHEMA}, "template": TEMPLATE_SCHEMA}
HEADING_NUMBERS = ("一", "二", "三", "四", "五", "六")
_REQUIRED = ("name", "kind", "severity", "tags", "summary", "message")


@dataclass
class Rule:
    code: str
    name: str
    kind: str
    module: object
    severity: str
    tags: tuple
    summary: str
    message: str
    messages: dict
    options: dict
    doc: dict
    source: str = ""
    enabled: bool = True

    def message_for(self, key: str) -> str:
        return self.messages.get(key, self.message) if key else self.message


@dataclass
class RuleSet:
    rules: list  # enabled and disabled, sorted by code
    template: Template
    sources: dict = field(default_factory=dict)  # code -> pack file
    per_file_ignores: list = field(default_factory=list)  # [(base folder, glob, codes)]

    def by_code(self, code: str):
        return next((r for r in self.rules if r.code == code), None)


def bundled_pack() -> str:
    return os.path.join(rules_dir(), "nianbao.yaml")


def _fail(path: str, keys: tuple, message: str):
    line, col = locate(path, keys)
    raise ConfigError(message, path, line, col)


def read_pack(path: str) -> dict:
    data = load_yaml(path)
    if data is None:
        data = {}
    try:
        validate(data, PACK_SCHEMA)
    except SchemaError as exc:
        _fail(path, exc.keys, f"规则包 {_dotted(exc.keys)}：{exc.message}")
    for code in (data.get("rules") or {}):
        if not isinstance(code, str) or not CODE_RE.match(code):
            _fail(path, ("rules", code), f"规则代码 “{code}” 格式不对：应为大写字母加三位数字，例如 NB101")
    _check_pack_template(path, data.get("template") or {})
    return data


def _check_pack_template(path: str, tmpl: dict) -> None:
    """What the schema cannot say about a pack's ``template:``, located in the pack."""
    for i, h in enumerate(tmpl.get("headings") or []):
        if h.get("number") not in HEADING_NUMBERS:
            keys = ("template", "headings", i) + (("number",) if "number" in h else ())
            _fail(path, keys, f"规则包 template.headings[{i}]：number 应为 {'、'.join(HEADING_NUMBERS)} 之一"
                              f"（规则包只能修改模板已有的六个章节），实际是 {h.get('number')!r}")
    for keys in (("period", "pattern"), ("page_marker",)):
        node = tmpl
        for k in keys:
            node = node.get(k) if isinstance(node, dict) else None
        if isinstance(node, str):
            from .userre import check_pattern
            period = keys[0] == "period"
            problem = check_pattern(node, lines=not period, multiline=True, groups=period)
            if not problem and period:
                from .userre import compile_pattern
                if compile_pattern(node, multiline=True, groups=True).groups < 1:
                    problem = "正则表达式应至少有 1 个分组（第 1 组是年份）"
            if problem:
                _fail(path, ("template",) + keys, f"规则包 template.{'.'.join(keys)}：{problem}")


def _dotted(keys: tuple) -> str:
    return ".".join(str(k) for k in keys) or "顶层"


def _make_rule(code: str, spec: dict, path: str) -> Rule:
    for key in _REQUIRED:
        if key not in spec:
            _fail(path, ("rules", code), f"规则 {code} 缺少必填项 “{key}”")
    module = kinds.get(spec["kind"])
    if module is None:
        known = "、".join(sorted(kinds.KINDS))
        _fail(path, ("rules", code, "kind"), f"规则 {code} 的类型 “{spec['kind']}” 不存在（可用：{known}）")
    options = {}
    given = spec.get("options") or {}
    for name, value in given.items():
        if name not in module.OPTIONS:
            known = "、".join(module.OPTIONS) or "无"
            _fail(path, ("rules", code, "options", name),
                  f"规则 {code}（类型 {spec['kind']}）没有选项 “{name}”（可用：{known}）")
        typ = module.OPTIONS[name][0]
        try:
            validate(value, typ if typ is not list else [str], ("rules", code, "options", name))
        except SchemaError as exc:
            _fail(path, exc.keys, f"规则 {code} 的选项 {name}：{exc.message}")
    for name, (_typ, default, _doc) in module.OPTIONS.items():
        options[name] = given.get(name, default)
    if hasattr(module, "validate_options"):
        problem = module.validate_options(options)
        if problem:
            _fail(path, ("rules", code, "options") + tuple(problem[0]), f"规则 {code}：{problem[1]}")
    declared = getattr(module, "MESSAGES", ("",))
    for key in spec.get("messages") or {}:
        if key not in declared:
            known = "、".join(k for k in declared if k) or "无（只用 message）"
            _fail(path, ("rules", code, "messages", key),
                  f"规则 {code}（类型 {spec['kind']}）没有消息 “{key}”（可用：{known}）")
    names = getattr(module, "ARGS", None)
    _check_message(path, code, ("rules", code, "message"), spec["message"], names)
    for key, text in (spec.get("messages") or {}).items():
        _check_message(path, code, ("rules", code, "messages", key), text, names)
    messages = dict(spec.get("messages") or {})
    for key in declared:
        if key and key not in messages:
            messages[key] = spec["message"]
    return Rule(code=code, name=spec["name"], kind=spec["kind"], module=module,
                severity=spec["severity"], tags=tuple(spec["tags"]), summary=spec["summary"],
                message=spec["message"], messages=messages, options=options,
                doc=dict(spec.get("doc") or {}), source=path, enabled=spec.get("enabled", True))


def message_problem(text: str, names) -> str:
    """Why ``text`` cannot be a message template ("" when it can): only
    ``{name}`` with a name the kind gives (``names``; any identifier when the
    kind declares none), ``{{`` and ``}}`` for braces; no positional fields,
    attribute or index access, conversion or format spec."""
    import string
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return "花括号不成对（字面的花括号请写成 {{ 或 }}）"
    for _literal, field_name, spec, conversion in fields:
        if field_name is None:
            continue
        shown = "{" + field_name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if not field_name or field_name.isdigit():
            return f"{shown} 不是有名字的占位符"
        if not field_name.isidentifier():
            return f"{shown} 只能是名字，不能取属性或下标"
        if spec or conversion:
            return f"{shown} 不能带格式说明或转换"
        if names is not None and field_name not in names:
            return f"{shown} 不是这类规则提供的名字（可用：{'、'.join(names) or '无'}）"
    return ""


def _check_message(path: str, code: str, keys: tuple, text: str, names) -> None:
    problem = message_problem(text, names)
    if problem:
        _fail(path, keys, f"规则 {code} 的消息：{problem}")


def _check_tables(template, pack_templates) -> None:
    """Compile the template's tables and relations now (not at the first
    check), and blame an error on the pack that brought the bad part."""
    from .parse.tablespec import compile_tables
    try:
        compile_tables(template)
        return
    except ConfigError as exc:
        err = exc
    except Exception as exc:  # noqa: BLE001 - a pack's odd table definition
        err = ConfigError(f"表格定义无法使用（{type(exc).__name__}: {exc}）")
    for path, tmpl in reversed(pack_templates):
        for i, r in enumerate(tmpl.get("relations") or []):
            rid = r.get("id") if isinstance(r, dict) else None
            if rid and (f"勾稽关系 {rid}：" in err.message or f"勾稽关系 {rid} " in err.message):
                _fail(path, ("template", "relations", i), f"规则包 template.relations[{i}]：{err.message}")
        if tmpl.get("tables") or tmpl.get("relations"):
            key = "tables" if tmpl.get("tables") else "relations"
            _fail(path, ("template", key), f"规则包 template.{key}：{err.message}")
    raise err


def load_ruleset(extra_packs: tuple = (), use_bundled: bool = True) -> RuleSet:
    """The bundled pack (unless disabled) with ``extra_packs`` layered on top."""
    paths = ([bundled_pack()] if use_bundled else []) + list(extra_packs)
    merged, origin = {}, {}
    tmpl_raw = tmpl_origin = None  # read only when a pack changes the template
    tmpl_changed = False
    pack_templates = []  # (pack file, its template:) to blame errors on
    for path in paths:
        data = read_pack(path)
        for code, spec in (data.get("rules") or {}).items():
            merged[code] = {**merged.get(code, {}), **spec}
            origin[code] = path
        if data.get("template"):
            pack_templates.append((path, data["template"]))
            if tmpl_raw is None:
                tmpl_raw, tmpl_origin = read_template_files()
            tmpl_raw = merge(tmpl_raw, data["template"])
            for k in data["template"]:
                tmpl_origin[k] = path
            tmpl_changed = True
    names = {}
    rules = []
    for code in sorted(merged):
        rule = _make_rule(code, merged[code], origin[code])
        if rule.name in names:
            _fail(origin[code], ("rules", code, "name"),
                  f"规则名称 “{rule.name}” 已被 {names[rule.name]} 使用")
        names[rule.name] = code
        rules.append(rule)
    if tmpl_changed:
        template = build(tmpl_raw, tmpl_origin)
    else:
        from .template import default_template
        template = default_template()
    _check_tables(template, pack_templates)
    for rule in rules:
        check = getattr(rule.module, "validate_template", None)
        if check is not None:
            problem = check(rule.options, template)
            if problem:
                _fail(rule.source, ("rules", rule.code, "options") + tuple(problem[0]),
                      f"规则 {rule.code}：{problem[1]}")
    return RuleSet(rules=rules, template=template, sources=origin)
