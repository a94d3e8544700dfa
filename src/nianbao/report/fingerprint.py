"""A finding's identity that survives edits elsewhere in the report.

Made of the rule code, the template cell (table/row/column) when the finding
is about one, and a hash of the source text around the finding with all
whitespace removed; never the line number, so that a paragraph added above
does not make an old finding look new.  Findings that share all three get
``#2``, ``#3`` … in document order.  Used by the baseline and by SARIF's
``partialFingerprints``.
"""

from __future__ import annotations

import re

#: characters of context kept on each side of the finding
CONTEXT = 40
_WS = re.compile(r"\s+")


def context(f) -> str:
    """The source text around the finding, whitespace removed."""
    if not f.source.strip():
        return f.message
    a, b = max(0, f.col0 - CONTEXT), f.col1 + CONTEXT
    return _WS.sub("", f.source[a:b])


def context_hash(f) -> str:
    import hashlib  # here: only baselines and SARIF/JSON fingerprints need it
    return hashlib.sha256(context(f).encode("utf-8")).hexdigest()[:16]


def base_key(f) -> str:
    cell = f"{f.cell.table}/{f.cell.row}/{f.cell.column}" if f.cell is not None else ""
    return f"{f.rule}|{cell}|{context_hash(f)}"


def fingerprints(findings) -> list:
    """One fingerprint per finding (same order): ``base`` or ``base#n``."""
    seen, out = {}, []
    for f in findings:
        key = base_key(f)
        seen[key] = seen.get(key, 0) + 1
        out.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return out
