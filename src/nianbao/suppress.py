"""Accepting known exceptions: inline suppressions and per-file ignores.

In text and Markdown reports::

    <!-- nianbao: disable=NB105 -->            on its own line: silences NB105 on
                                               the next non-blank line
    <!-- nianbao: disable-file=NB105,NB301 --> anywhere: silences them in the file

A ``disable`` comment written at the end of a line of text silences that line.
Codes are full rule codes, comma separated.  A suppression naming an unknown
code, or an enabled rule that reported nothing there, is itself reported
(rule NB001 unused-suppression, level info), so that stale comments do not
pile up.  Word and PDF files have no comments: use ``per-file-ignores`` in the
configuration (glob -> codes), which applies to every format.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field

from .model import Problem, Span

UNUSED_RULE = "NB001"
_DIRECTIVE = re.compile(r"<!--\s*nianbao\s*:\s*(disable-file|disable)\s*=\s*([^>]*?)\s*-->", re.I)
_TEXT_FORMATS = ("text", "markdown")


@dataclass
class Directive:
    kind: str  # "disable" or "disable-file"
    line: int  # 0-based index of the comment's line in Document.lines
    start: int  # columns of the comment
    end: int
    codes: list  # [(code, start column, end column)]
    target: int = -1  # source line silenced by a "disable" (-1: none)
    used: set = field(default_factory=set)


def directives(doc) -> list:
    """The suppression comments of a text or Markdown document."""
    if doc.format not in _TEXT_FORMATS:
        return []
    out = []
    lines = doc.lines
    for i, ln in enumerate(lines):
        if "nianbao" not in ln.text:
            continue
        for m in _DIRECTIVE.finditer(ln.text):
            codes = []
            for cm in re.finditer(r"[^,，\s]+", m.group(2)):
                codes.append((cm.group(0).upper(), m.start(2) + cm.start(), m.start(2) + cm.end()))
            d = Directive(m.group(1).lower(), i, m.start(), m.end(), codes)
            if d.kind == "disable":
                own_line = not (ln.text[:m.start()] + ln.text[m.end():]).strip()
                if own_line:
                    j = i + 1
                    while j < len(lines) and (not lines[j].text.strip() or _only_directives(lines[j].text)):
                        j += 1
                    d.target = lines[j].source_line if j < len(lines) else -1
                else:
                    d.target = ln.source_line
            out.append(d)
    return out


def _only_directives(text: str) -> bool:
    return "nianbao" in text and not _DIRECTIVE.sub("", text).strip()


def file_ignores(path: str, entries) -> set:
    """Codes (or prefixes) ignored for ``path`` by ``per-file-ignores`` entries
    [(base folder, glob, codes)]."""
    if path == "-" or not entries:
        return set()
    full = os.path.abspath(path)
    out = set()
    for base, pattern, codes in entries:
        rel = os.path.relpath(full, base).replace(os.sep, "/")
        pat = pattern.replace("\\", "/")
        if pat.startswith("./"):
            pat = pat[2:]
        hit = fnmatch.fnmatchcase(rel, pat)
        if not hit and "/" not in pat:
            hit = fnmatch.fnmatchcase(rel.rsplit("/", 1)[-1], pat)
        if not hit and pat.endswith("/**"):
            hit = rel.startswith(pat[:-2])
        if hit:
            out.update(codes)
    return out


def apply(doc, findings: list, ruleset, make_finding) -> list:
    """``findings`` less the suppressed ones, plus NB001 for unused or unknown
    suppressions; document order is kept."""
    ignored = file_ignores(doc.path, getattr(ruleset, "per_file_ignores", None))
    if ignored:
        findings = [f for f in findings if not f.rule.startswith(tuple(ignored))]
    ds = directives(doc)
    if not ds:
        return findings
    file_codes = {c for d in ds if d.kind == "disable-file" for c, _a, _b in d.codes}
    kept = []
    for f in findings:
        hit = False
        for d in ds:
            codes = {c for c, _a, _b in d.codes}
            if f.rule not in codes:
                continue
            if d.kind == "disable-file" or d.target == f.start.line:
                d.used.add(f.rule)
                hit = True
        if not hit:
            kept.append(f)
    rule = ruleset.by_code(UNUSED_RULE)
    if rule is None or not rule.enabled or UNUSED_RULE in file_codes or UNUSED_RULE in ignored:
        return kept
    extra = []
    for d in ds:
        for code, a, b in d.codes:
            r = ruleset.by_code(code)
            if r is None:
                key, args = "unknown", {"code": code}
            elif code in d.used or not r.enabled or code == UNUSED_RULE:
                continue
            else:
                key = "file" if d.kind == "disable-file" else ""
                args = {"code": code, "name": r.name}
            extra.append(make_finding(doc, rule, Problem(Span(d.line, a, b), args, key=key)))
    if not extra:
        return kept
    merged = [((_line_index(doc, f), f.col0), f) for f in kept]
    merged += [(order, f) for order, f in extra]
    merged.sort(key=lambda x: x[0])
    return [f for _o, f in merged]


def _line_index(doc, f) -> int:
    """0-based index of the finding's line in a text document."""
    return max(0, f.start.line - 1) if doc.format in _TEXT_FORMATS else 0
