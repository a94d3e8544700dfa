"""The template's tables (rules/tables-2021.yaml), compiled once per template.

``compile_tables(template)`` turns the YAML into typed specs with their label
bigrams precomputed and the relations parsed; the result is kept in
``template.cache["tables"]`` so every report checked with the same template
shares it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from ..yamlio import ConfigError, locate
from .labels import grams, norm
from .relations import Equation, RelationSyntaxError, parse_equation

_TOP_LEVEL = re.compile(r"^[一二三四五六七八九十]+、")
_CAPTION_NUM = re.compile(r"[（(]([一二三四五六七八九十]+)[）)]")


@dataclass
class RowSpec:
    id: str
    label: str  # the template label, exactly
    variants: tuple
    group: str  # group id, "" when none
    order: int
    columns: tuple  # the row's column labels
    subtable: str = ""  # table 二: the sub-table id
    decimal: bool = False  # values may be decimals (收费金额)
    legacy: bool = False  # a 2019-format row (single （六）其他处理)
    keys: tuple = ()  # table 四: phrases that name the group
    grams: tuple = ()  # bigram sets of label and variants
    context: frozenset = frozenset()  # bigrams that may surround the label

    def display(self, spec) -> str:
        """The label with its group, for messages: "（三）不予公开 · 1.属于国家秘密"."""
        g = spec.groups.get(self.group)
        if g and not g.top_level:
            return f"{g.label} · {self.label}"
        return self.label


@dataclass
class GroupSpec:
    id: str
    label: str
    single_row_2019: bool
    top_level: bool  # "三、本年度办理结果": a container, not summable
    members: list = field(default_factory=list)


@dataclass
class SubTableSpec:
    id: str  # "（一）"
    number: str  # "一"
    caption: str
    columns: tuple
    rows: list  # row ids
    decimal: bool


@dataclass
class TableSpec:
    id: str  # 二 三 四
    title: str
    section: str  # section number, 二..四
    section_index: int
    columns: tuple
    rows: list  # RowSpec in template order (2019 rows included, marked legacy)
    row_by_id: dict
    groups: dict  # id -> GroupSpec
    subtables: list  # SubTableSpec (table 二)
    header: str
    vocab: frozenset  # bigrams of every label of the table
    noise: frozenset = frozenset()  # bigrams of group labels, headers and columns
    cache: dict = field(default_factory=dict, repr=False)  # the table reader's per-template caches

    def subtable(self, sid: str):
        return next((s for s in self.subtables if s.id == sid), None)


@dataclass
class RelationSpec:
    id: str
    table: str
    for_each: str  # "column" | "row"
    equation: Equation
    at: str
    describe: str


@dataclass
class LegacySpec:
    current: str
    superseded: str
    since: int
    columns: dict  # table -> [labels]
    rows: dict
    captions: dict


@dataclass
class TablesSpec:
    tables: dict  # id -> TableSpec
    relations: list  # RelationSpec
    legacy: LegacySpec
    cache: dict = field(default_factory=dict, repr=False)  # the table reader's per-template caches

    def relation(self, rid: str):
        return next((r for r in self.relations if r.id == rid), None)


def _tables_yaml() -> str:
    from ..template import rules_dir
    return os.path.join(rules_dir(), "tables-2021.yaml")


def config_error(message: str, keys: tuple) -> ConfigError:
    path = _tables_yaml()
    try:
        line, col = locate(path, keys) if os.path.exists(path) else (0, 0)
    except Exception:  # pragma: no cover - locating is best effort
        line, col = 0, 0
    return ConfigError(message, path, line, col)


def compile_tables(template) -> TablesSpec:
    """The compiled table specs of ``template`` (cached on it)."""
    cached = template.cache.get("tables")
    if cached is not None:
        return cached
    raw = template.raw
    number_index = {h.number: h.index for h in template.headings}
    tables = {}
    for tid, t in (raw.get("tables") or {}).items():
        tables[tid] = _compile_table(tid, t, number_index)
    relations = []
    for i, r in enumerate(raw.get("relations") or []):
        relations.append(compile_relation(r, tables, ("relations", i)))
    v = raw.get("template_version") or {}
    legacy = LegacySpec(
        current=v.get("current", ""), superseded=v.get("superseded", ""), since=int(v.get("since", 0) or 0),
        columns={k: list(x.get("columns") or []) for k, x in v.items() if isinstance(x, dict)},
        rows={k: list(x.get("rows") or []) for k, x in v.items() if isinstance(x, dict)},
        captions={k: list(x.get("captions") or []) for k, x in v.items() if isinstance(x, dict)},
    )
    spec = TablesSpec(tables, relations, legacy)
    template.cache["tables"] = spec
    return spec


def _label_grams(label: str, variants) -> tuple:
    return tuple(grams(norm(x)) for x in (label, *variants))


def _compile_table(tid: str, t: dict, number_index: dict) -> TableSpec:
    section = t.get("section", tid)
    groups = {}
    for g in t.get("groups") or []:
        groups[g["id"]] = GroupSpec(g["id"], g["label"], bool(g.get("single_row_2019")),
                                    bool(_TOP_LEVEL.match(g["label"])))
    rows, subtables = [], []
    columns = tuple(t.get("columns") or ())
    noise = set()
    for g in groups.values():
        noise |= grams(norm(g.label))
    header = t.get("header", "")
    for w in [header, *(t.get("header_words") or [])]:
        if w:
            noise |= grams(norm(w))
    if t.get("subtables"):
        for st in t["subtables"]:
            m = _CAPTION_NUM.search(st.get("caption", "")) or _CAPTION_NUM.search(st["id"])
            sub = SubTableSpec(st["id"], m.group(1) if m else st["id"], st.get("caption", st["id"]),
                               tuple(st.get("columns") or ()), [], bool(st.get("decimal")))
            subtables.append(sub)
            for r in st.get("rows") or []:
                rows.append(RowSpec(r["id"], r.get("label", r["id"]), tuple(r.get("variants") or ()), "",
                                    len(rows), sub.columns, sub.id, sub.decimal))
                sub.rows.append(r["id"])
            noise |= grams(norm(sub.caption))
            for c in sub.columns:
                noise |= grams(norm(c))
    else:
        seen_groups = set()
        for r in t.get("rows") or []:
            gid = r.get("group", "")
            g = groups.get(gid)
            if g and g.single_row_2019 and gid not in seen_groups:
                # the 2019 format's single row stands where the group's sub-rows begin
                rows.append(RowSpec(gid, g.label, (), "", len(rows), columns, legacy=True))
            seen_groups.add(gid)
            rows.append(RowSpec(r["id"], r.get("label", r["id"]), tuple(r.get("variants") or ()), gid,
                                len(rows), columns, keys=tuple(r.get("keys") or ())))
            if g:
                g.members.append(r["id"])
        for c in columns:
            noise |= grams(norm(c))
    vocab = set(noise)
    for r in rows:
        r.grams = _label_grams(r.label, r.variants)
        ctx = set()
        for gset in r.grams:
            ctx |= gset
        g = groups.get(r.group)
        if g:
            ctx |= grams(norm(g.label))
        r.context = frozenset(ctx | noise)
        vocab |= ctx
    return TableSpec(
        id=tid, title=t.get("title", ""), section=section,
        section_index=number_index.get(section, -1), columns=columns, rows=rows,
        row_by_id={r.id: r for r in rows}, groups=groups, subtables=subtables, header=header,
        vocab=frozenset(vocab), noise=frozenset(noise),
    )


def names_of(table: TableSpec, for_each: str) -> set:
    """The names an expression may use: rows and summable groups (per column), or columns (per row)."""
    if for_each == "column":
        return {r.id for r in table.rows if not r.legacy} | {g.id for g in table.groups.values() if not g.top_level}
    return set(table.columns)


def compile_relation(r: dict, tables: dict, keys: tuple) -> RelationSpec:
    """Check and compile one relation mapping; ConfigError names the YAML key."""
    for k in ("id", "table", "for_each", "expr", "at"):
        if not r.get(k):
            raise config_error(f"勾稽关系缺少 “{k}”", keys)
    table = tables.get(r["table"])
    if table is None:
        raise config_error(f"勾稽关系 {r['id']}：没有表“{r['table']}”（可用：{'、'.join(tables)}）",
                           keys + ("table",))
    if r["for_each"] not in ("column", "row"):
        raise config_error(f"勾稽关系 {r['id']}：for_each 应为 column 或 row", keys + ("for_each",))
    try:
        eq = parse_equation(r["expr"])
    except RelationSyntaxError as exc:
        raise config_error(f"勾稽关系 {r['id']} 的表达式第 {exc.pos + 1} 个字符处：{exc.message}",
                           keys + ("expr",)) from None
    known = names_of(table, r["for_each"])
    for name in eq.names():
        if name not in known:
            what = "行或组" if r["for_each"] == "column" else "列"
            raise config_error(f"勾稽关系 {r['id']}：表{table.id}没有名为“{name}”的{what}",
                               keys + ("expr",))
    if r["at"] not in eq.names():
        raise config_error(f"勾稽关系 {r['id']}：at “{r['at']}” 不在表达式中", keys + ("at",))
    if r["for_each"] == "column" and r["at"] not in table.row_by_id:
        raise config_error(f"勾稽关系 {r['id']}：at “{r['at']}” 应是一行（写明合计数的那一行），不能是组",
                           keys + ("at",))
    return RelationSpec(r["id"], r["table"], r["for_each"], eq, r["at"], r.get("describe", ""))
