"""Quick rejection for the prose rules' patterns: the words every match must contain.

A rule that runs a dozen patterns over every section (``figures``, ``claims``)
first asks, with plain substring tests, whether the section holds each pattern's
obligatory words ("行政复议", one of "收到|受理|新收"...); most patterns are then
never run on most sections.  The words are read from the pattern's own parse
tree (Python's ``re``), so the test never turns away a text the pattern would
match: it only saves the search.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C
    import sre_parse as _P


def _required(items) -> list:
    """Requirements of a sequence of parsed items: tuples of strings, one of which
    every match contains."""
    out, run = [], []

    def end_run():
        if run:
            out.append(("".join(run),))
            run.clear()

    for op, av in items:
        if op is _C.LITERAL:
            run.append(chr(av))
        elif op is _C.SUBPATTERN and not (av[1] & (re.IGNORECASE | re.LOCALE)):
            end_run()
            out.extend(_required(av[3]))  # a group's own items, in sequence
        elif op is _C.BRANCH:
            end_run()
            alts = []
            for alt in av[1]:
                needs = _required(alt)
                # the alternative's most telling word (a one-word requirement)
                words = [n[0] for n in needs if len(n) == 1]
                if not words:
                    alts = None
                    break
                alts.append(max(words, key=len))
            if alts:
                out.append(tuple(sorted(set(alts))))
        else:  # repeats, classes, look-arounds, anchors: no word of their own here
            end_run()
    end_run()
    return out


def needed_words(rx: re.Pattern) -> tuple:
    """Requirements of the compiled pattern ``rx``: a tuple of tuples of strings; a text
    can hold a match only if, for each requirement, it contains one of its strings."""
    if rx.flags & (re.IGNORECASE | re.LOCALE):
        return ()
    try:
        tree = _P.parse(rx.pattern, rx.flags)
    except Exception:  # pragma: no cover - it compiled, so it parses
        return ()
    return tuple(_required(tree))


def may_match(needs: tuple, text: str) -> bool:
    """False when ``text`` lacks one of the requirements (:func:`needed_words`)."""
    for words in needs:
        for w in words:
            if w in text:
                break
        else:
            return False
    return True
