"""The report template (章节标题, 标题, 表格) as read from YAML in ``rules/``.

The bundled template is ``template-2021.yaml`` (headings, title, period) plus
``tables-2021.yaml`` (tables and their arithmetic relations).  A rule pack may
extend it with a ``template:`` mapping that is merged on top (see
:func:`merge`): a province can add a heading variant without touching Python.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .parse.normalize import fold
from .schema import SchemaError, validate
from .yamlio import ConfigError, load_yaml, locate

HEADING_SCHEMA = {"number": str, "text": str, "variants": [str]}
# tables-2021.yaml (see parse/tablespec.py for what each key means)
TABLE_ROW_SCHEMA = {"id": str, "label": str, "variants": [str], "group": str, "keys": [str]}
TABLE_SCHEMA = {
    "title": str, "section": str, "header": str, "header_words": [str], "columns": [str],
    "groups": [{"id": str, "label": str, "single_row_2019": bool}],
    "rows": [TABLE_ROW_SCHEMA],
    "subtables": [{"id": str, "caption": str, "columns": [str], "rows": [TABLE_ROW_SCHEMA],
                   "decimal": bool}],
}
RELATION_SCHEMA = {"id": str, "table": str, "for_each": str, "expr": str, "at": str, "describe": str}
VERSION_SCHEMA = {"current": str, "superseded": str, "since": int,
                  "*": {"columns": [str], "rows": [str], "captions": [str]}}
TEMPLATE_SCHEMA = {
    "name": str,
    "basis": str,
    "headings": [HEADING_SCHEMA],
    "title": {"text": str, "variants": [str], "skip_lines": [str], "max_lines": int},
    "period": {"pattern": str},
    "page_marker": str,
    "tables": {"*": TABLE_SCHEMA},
    "relations": [RELATION_SCHEMA],
    "template_version": VERSION_SCHEMA,
}


def rules_dir() -> str:
    """Where the bundled YAML lives: inside the installed package, or the repo's rules/."""
    here = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(here, "_rules")
    if os.path.isdir(packaged):
        return packaged
    return os.path.normpath(os.path.join(here, "..", "..", "rules"))


@dataclass
class HeadingSpec:
    index: int  # 0..5
    number: str  # 一..六
    text: str
    variants: list
    folded: str = ""
    folded_variants: dict = field(default_factory=dict)

    @property
    def canonical(self) -> str:
        return f"{self.number}、{self.text}"


@dataclass
class Template:
    raw: dict
    headings: list
    title_text: str
    title_variants: list
    title_skip: set
    title_max_lines: int
    period_re: object  # RE2 patterns (userre.compile_pattern)
    page_marker_re: object
    cache: dict = field(default_factory=dict)  # compiled parts owned by the parsers

    @property
    def tables(self) -> dict:
        return self.raw.get("tables") or {}


def merge(base, extra):
    """Merge ``extra`` onto ``base``: mappings recursively; lists of mappings
    that have a ``number`` or ``id`` key item by item; other lists extended
    without duplicates; scalars replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        ident = _list_ident(base + extra)
        if ident:
            out = list(base)
            for item in extra:
                key = item.get(ident)
                for i, cur in enumerate(out):
                    if isinstance(cur, dict) and cur.get(ident) == key:
                        out[i] = merge(cur, item)
                        break
                else:
                    out.append(item)
            return out
        return list(base) + [x for x in extra if x not in base]
    return extra


def _list_ident(items) -> str:
    if not items or not all(isinstance(x, dict) for x in items):
        return ""
    for key in ("number", "id"):
        if all(key in x for x in items):
            return key
    return ""


def _compile_re(pattern: str, path: str, keys: tuple, lines: bool = False, groups: int = 0):
    """RE2 (linear time) for a template pattern; ``lines``: matched line by line."""
    from .userre import UserRegexError, compile_pattern
    try:
        rx = compile_pattern(pattern, lines=lines, multiline=True, groups=groups > 0)
    except UserRegexError as exc:
        line, col = locate(path, keys) if path else (0, 0)
        raise ConfigError(exc.message, path, line, col) from None
    if rx.groups < groups:
        line, col = locate(path, keys) if path else (0, 0)
        raise ConfigError(f"正则表达式应至少有 {groups} 个分组（第 1 组是年份）", path, line, col)
    return rx


def read_template_files(directory: str | None = None) -> tuple:
    """(merged raw mapping, {top-level key: file it came from})."""
    directory = directory or rules_dir()
    raw, origin = {}, {}
    for name in ("template-2021.yaml", "tables-2021.yaml"):
        path = os.path.join(directory, name)
        if not os.path.exists(path):
            continue
        data = load_yaml(path) or {}
        if not isinstance(data, dict):
            raise ConfigError("模板文件的顶层应为映射", path, 1, 1)
        for k in data:
            origin[k] = path
        raw = merge(raw, data)
    return raw, origin


def build(raw: dict, origin: dict) -> Template:
    """Validate and compile a merged template mapping."""
    try:
        validate(raw, TEMPLATE_SCHEMA)
    except SchemaError as exc:
        path = origin.get(exc.keys[0], "") if exc.keys else ""
        line, col = locate(path, exc.keys) if path else (0, 0)
        raise ConfigError(f"模板{_keys_text(exc.keys)}：{exc.message}", path, line, col) from None
    heads = []
    for i, h in enumerate(raw.get("headings") or []):
        spec = HeadingSpec(i, h["number"], h["text"], list(h.get("variants") or []))
        spec.folded = fold(spec.text)
        spec.folded_variants = {fold(v): v for v in spec.variants}
        heads.append(spec)
    if len(heads) != 6:
        path = origin.get("headings", "")
        line, col = locate(path, ("headings",)) if path else (0, 0)
        raise ConfigError(f"模板应有 6 个章节标题，实际有 {len(heads)} 个", path, line, col)
    title = raw.get("title") or {}
    period = (raw.get("period") or {}).get("pattern") or r"[^\s\S]"
    marker = raw.get("page_marker") or r"[^\s\S]"
    return Template(
        raw=raw,
        headings=heads,
        title_text=title.get("text", "政府信息公开工作年度报告"),
        title_variants=list(title.get("variants") or []),
        title_skip={fold(s) for s in title.get("skip_lines") or []},
        title_max_lines=int(title.get("max_lines") or 3),
        period_re=_compile_re(period, origin.get("period", ""), ("period", "pattern"),
                              groups=1 if period != r"[^\s\S]" else 0),
        page_marker_re=_compile_re(marker, origin.get("page_marker", ""), ("page_marker",), lines=True),
    )


def _keys_text(keys: tuple) -> str:
    """" headings[2].text" for a key path (empty for the top level)."""
    path = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in keys).lstrip(".")
    return f" {path}" if path else ""


_DEFAULT = None


def default_template() -> Template:
    global _DEFAULT
    if _DEFAULT is None:
        raw, origin = read_template_files()
        _DEFAULT = build(raw, origin)
    return _DEFAULT
