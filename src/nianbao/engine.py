"""rules: Report -> findings.  Runs every enabled rule over a parsed report."""

from __future__ import annotations

from .model import Finding, Place
from .parse import parse

SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


class _Args(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def _end_place(line, end: int, start: int) -> Place:
    if end <= start:
        return line.place(start)
    p = line.place(end - 1)
    return Place(p.line, p.column + 1, p.extra, p.label)


def make_finding(doc, rule, problem) -> Finding:
    template = rule.message_for(problem.key)
    try:  # templates are checked when the pack is loaded; this is a last guard
        msg = template.format_map(_Args(problem.args))
    except (ValueError, KeyError, AttributeError, IndexError, TypeError):
        msg = template
    span = problem.span
    if span is None or not doc.lines:
        start = end = Place(1, 1)
        source, c0, c1, order = "", 0, 0, (0, 0)
    else:
        li = min(max(span.line, 0), len(doc.lines) - 1)
        line = doc.lines[li]
        start = line.place(span.start)
        end = _end_place(line, span.end, span.start)
        source = line.display_text()
        c0, c1 = line.source_cols(span.start, max(span.end, span.start))
        order = (li, span.start)
    f = Finding(path=doc.path, rule=rule.code, name=rule.name, severity=rule.severity,
                message=msg, start=start, end=end, tags=rule.tags, cell=problem.cell,
                source=source, col0=c0, col1=c1)
    return order, f


def check_document(doc, ruleset, previous=None) -> list:
    """All findings of the enabled rules on ``doc``, in document order.

    ``previous`` is the same agency's report of the previous year (a Document),
    for the rules that compare the two; they say nothing without it."""
    report = parse(doc, ruleset.template)
    report.previous = parse(previous, ruleset.template) if previous is not None else None
    return check_parsed(report, ruleset)


def check_parsed(report, ruleset) -> list:
    """All findings of the enabled rules on a parsed report, in document order."""
    doc = report.doc  # the parse view: logical lines that map back to the file's places
    out = []
    for rule in ruleset.rules:
        if not rule.enabled:
            continue
        for problem in rule.module.check(report, rule.options):
            order, finding = make_finding(doc, rule, problem)
            out.append((order, finding.rule, len(out), finding))
    # document order; at one place, by rule code, then in the order the rule yielded
    out.sort(key=lambda item: item[:3])
    seen, findings = set(), []
    for *_key, f in out:
        key = (f.rule, f.start, f.message)
        if key not in seen:
            seen.add(key)
            findings.append(f)
    from .suppress import apply  # inline suppressions and per-file-ignores
    return apply(doc, findings, ruleset, make_finding)


def fails(findings, level: str) -> bool:
    need = SEVERITY_RANK[level]
    return any(SEVERITY_RANK[f.severity] >= need for f in findings)
