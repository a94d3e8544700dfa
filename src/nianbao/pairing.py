"""Pair each report with the same agency's report of the previous year.

Used by ``check`` (and meant for ``review``) when several reports are checked
together: every input is read once for its title, the agency name is
normalised (folded, spaces, punctuation and the bracketed remarks dropped)
and the report of year Y is paired with the report of the same agency and
year Y − 1.  A pair is made only when exactly one report fits on each side
(two candidate reports for one agency-year pair nothing: nianbao does not guess).

:func:`identify` needs only the title, so a caller that has already loaded or
parsed a document can pass it in; :func:`pair` works on (path, identity) pairs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .parse.normalize import fold

_BRACKETS = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
_NOISE = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Identity:
    agency: str  # normalised agency name ("" when the title names none)
    year: int  # 0 when unknown


def normalise_agency(name: str) -> str:
    text = fold(name)
    text = _BRACKETS.sub("", text)
    text = _NOISE.sub("", text)
    for suffix in ("关于", "的"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def identify_report(report) -> Identity:
    """The identity of a parsed report (title agency, and year from title or period)."""
    t = report.title
    agency = normalise_agency(t.agency) if t and t.agency else ""
    year = t.year if t and t.year else (report.period.year if report.period else 0)
    return Identity(agency, year)


def identify(doc, template) -> Identity:
    """The identity of a loaded document (reads only the headings and the title)."""
    from .parse import page_marker_lines
    from .parse.headings import find_headings
    from .parse.title import find_period, find_title
    markers = page_marker_lines(doc, template)
    hits = find_headings(doc, template, markers)
    title = find_title(doc, template, hits[0].line if hits else -1, markers)
    agency = normalise_agency(title.agency) if title and title.agency else ""
    year = title.year if title and title.year else 0
    if not year:
        period = find_period(doc, template)
        year = period.year if period else 0
    return Identity(agency, year)


def pair(identities) -> dict:
    """{path: previous path} from [(path, Identity)]: same agency, year − 1, one each."""
    by_key = defaultdict(list)
    for path, ident in identities:
        if ident.agency and ident.year:
            by_key[(ident.agency, ident.year)].append(path)
    out = {}
    for (agency, year), paths in by_key.items():
        prev = by_key.get((agency, year - 1))
        if prev is None:
            prev = _prefixed(by_key, agency, year - 1)
        if len(paths) == 1 and prev and len(prev) == 1:
            out[paths[0]] = prev[0]
    return out


#: the shorter name must still say which agency it is ("洪泽区人民政府", not "人民政府")
_MIN_SHARED = 5


def _prefixed(by_key: dict, agency: str, year: int):
    """Last year's report of the same agency written with or without the name of the
    place above it ("淮安市洪泽区人民政府" / "洪泽区人民政府"): the one name ends with
    the other.  None unless exactly one agency of that year fits."""
    fits = [k for k in by_key if k[1] == year and k[0] != agency
            and min(len(k[0]), len(agency)) >= _MIN_SHARED
            and (k[0].endswith(agency) or agency.endswith(k[0]))]
    return by_key[fits[0]] if len(fits) == 1 else None


def pair_paths(paths, template) -> dict:
    """{path: previous path} for files on disk ("-" and unreadable files are skipped)."""
    from .load import InputError, load_path
    idents = []
    for p in paths:
        if p == "-":
            continue
        try:
            doc = load_path(p)
        except InputError:
            continue
        except Exception:  # pairing never stops a batch; the file's own check reports it
            continue
        idents.append((p, identify(doc, template)))
    return pair(idents)
