"""Digits run together: split them into cells only when the template makes the split unique.

Text taken out of a web page or a PDF often loses the separators between table
cells: ``一、本年新收政府信息公开申请数量13420000136`` or table 四 as
``310260000010001``.  The figures are still there; the boundaries are not.

A split is a way of cutting the written digit strings (the *tokens*, separated
by whatever spaces survived) into exactly the number of cells the row needs:

* a space is always a boundary (a cell never spans two tokens);
* a cell never has a leading zero unless it is ``0``;
* when the template gives the row a sum (``总计 = 自然人 + … + 其他`` for table
  三, ``总计 = 结果维持 + … + 尚未审结`` for each group of table 四; taken from the
  row relations of ``tables-2021.yaml``), every group of cells must satisfy it.

The search is bounded: it walks the digits once per (position, cell, partial
sum) state and stops as soon as a second split is found, so a long run costs
a few hundred steps, not an enumeration of every split.  :func:`split` returns
the one split when there is exactly one; otherwise it says whether there was
none or several, and the caller leaves the row unread: never a guess.
"""

from __future__ import annotations

from typing import NamedTuple, Optional

#: longer runs are not split (no real row has this many digits)
MAX_DIGITS = 96


class Constraint(NamedTuple):
    """Within each group of ``width`` cells, cell ``total`` equals the sum of ``parts``."""

    width: int
    total: int = -1  # -1: no sum known for this row
    parts: tuple = ()


class Split(NamedTuple):
    """The outcome of a split: ``cells`` (token index, start, end) per cell when unique."""

    cells: Optional[tuple]
    status: str  # "unique" | "none" | "many" | "too-long"


def split(tokens: list, groups: int, rule: Constraint) -> Split:
    """Cut ``tokens`` (strings of ASCII digits) into ``groups * rule.width`` cells."""
    digits = "".join(tokens)
    if len(digits) > MAX_DIGITS:
        return Split(None, "too-long")
    n = len(digits)
    ncells = groups * rule.width
    if n < ncells:
        return Split(None, "none")
    # hard boundaries: where one token ends and the next begins
    limit = [0] * n  # for each position, the end of its token
    owner = [0] * n
    pos = 0
    for t, tok in enumerate(tokens):
        for k in range(len(tok)):
            limit[pos + k] = pos + len(tok)
            owner[pos + k] = t
        pos += len(tok)
    width, total, parts = rule.width, rule.total, frozenset(rule.parts)
    if total >= 0 and not all(p < total for p in parts):
        total, parts = -1, frozenset()  # a total written before its parts: not in the template
    memo = {}

    def count(p: int, c: int, acc: int) -> int:
        """Number of splits (capped at 2) of digits[p:] into cells c.. given the
        running sum ``acc`` of the current group's parts."""
        if c == ncells:
            return 1 if p == n else 0
        if p >= n or n - p < ncells - c:
            return 0
        key = (p, c, acc)
        got = memo.get(key)
        if got is not None:
            return got
        col = c % width
        if col == 0:
            acc = 0
        found = 0
        for end in _ends(digits, p, limit[p], col == total, acc):
            nacc = acc + int(digits[p:end]) if col in parts else acc
            found += count(end, c + 1, nacc)
            if found >= 2:
                break
        memo[key] = min(found, 2)
        return memo[key]

    found = count(0, 0, 0)
    if found == 0:
        return Split(None, "none")
    if found > 1:
        return Split(None, "many")
    # walk the one split again to read its cells
    out = []
    p, acc = 0, 0
    for c in range(ncells):
        col = c % width
        if col == 0:
            acc = 0
        for end in _ends(digits, p, limit[p], col == total, acc):
            nacc = acc + int(digits[p:end]) if col in parts else acc
            if count(end, c + 1, nacc) == 1:
                out.append((p, end))
                p, acc = end, nacc
                break
    cells = []
    starts = [0]
    for tok in tokens:
        starts.append(starts[-1] + len(tok))
    for s, e in out:
        t = owner[s]
        cells.append((t, s - starts[t], e - starts[t]))
    return Split(tuple(cells), "unique")


def _ends(digits: str, p: int, hard: int, fixed: bool, value: int):
    """Possible ends of a cell starting at ``p`` (before the token end ``hard``).

    ``fixed``: the cell is a total whose value must be ``value``."""
    if fixed:
        want = str(value)
        end = p + len(want)
        if end <= hard and digits.startswith(want, p):
            yield end
        return
    if digits[p] == "0":
        yield p + 1  # "0" alone: no leading zeros
        return
    for end in range(p + 1, hard + 1):
        yield end


def row_constraint(relations, table_id: str, columns: tuple) -> Constraint:
    """The sum a row of ``table_id`` must satisfy, from the template's row relations
    (``for_each: row``, one name on one side equal to the sum of the other side)."""
    index = {name: k for k, name in enumerate(columns)}
    for rel in relations:
        if rel.table != table_id or rel.for_each != "row":
            continue
        left, right = rel.equation.left, rel.equation.right
        for one, many in ((left, right), (right, left)):
            if len(one) == 1 and one[0].sign > 0 and one[0].name in index \
                    and all(t.sign > 0 and t.name in index for t in many):
                return Constraint(len(columns), index[one[0].name], tuple(index[t.name] for t in many))
    return Constraint(len(columns))
