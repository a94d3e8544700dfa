"""Rule kinds: one small module per kind.

A kind module declares, at the top:
  KIND     its id, used as ``kind:`` in a rule pack
  OPTIONS  {name: (type, default, Chinese description)}: the parameters a rule
           of this kind may set under ``options:``
  MESSAGES the message keys its problems use ("" = the rule's ``message``;
           other keys are looked up in the rule's ``messages:``)
  ARGS     the names its problems give a message (``{name}`` in a message);
           a pack's message using any other name is rejected at load
and a generator ``check(report, options)`` that yields ``model.Problem``.
Its docstring documents the kind (``nianbao rule`` prints it with the rule).
A kind never parses text: it judges the ``parse.Report``.
"""

from __future__ import annotations

import importlib

#: kind id -> module name (imported on first use)
KINDS = {
    "suppression": "suppression",
    "heading-missing": "heading_missing",
    "heading-order": "heading_order",
    "heading-duplicate": "heading_duplicate",
    "heading-wording": "heading_wording",
    "heading-numbering": "heading_numbering",
    "title-missing": "title_missing",
    "title-wording": "title_wording",
    "title-incomplete": "title_incomplete",
    "year-mismatch": "year_mismatch",
    "phrase-required": "phrase_required",
    "phrase-forbidden": "phrase_forbidden",
    "article20": "article20",
    "template-version": "template_version",
    "table-rows": "table_rows",
    "zero-fill": "zero_fill",
    "table-unreadable": "table_unreadable",
    "table-split": "table_split",
    "relation": "relation",
    "topics": "topics",
    "section-content": "section_content",
    "preamble-parts": "preamble_parts",
    "period-format": "period_format",
    "figures": "figures",
    "claims": "claims",
    "doubled": "doubled",
    "enumeration": "enumeration",
    "other-year": "other_year",
    "script-mix": "script_mix",
    "carryover": "carryover",
    "in-force": "in_force",
    "repeated-text": "repeated_text",
    "year-left": "year_left",
}


def register(kind: str, module: str) -> None:
    """Register a kind implemented in ``nianbao.kinds.<module>``."""
    KINDS[kind] = module


def get(kind: str):
    """The module implementing ``kind``, or None when unknown."""
    mod = KINDS.get(kind)
    if mod is None:
        return None
    return importlib.import_module(f"{__name__}.{mod}")
