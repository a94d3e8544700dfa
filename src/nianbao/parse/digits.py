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

The search is bounded: a group's total is tried first (it is a run of digits
ending where the group ends), then its parts, and a part larger than what is
left of the total ends that branch; every count is memoised and capped at 2, so
the search stops as soon as a second split is found.  A run costs a few
thousand steps at most, never an enumeration of every split.  :func:`split`
returns the one split when there is exactly one; otherwise it says whether there
was none or several, and the caller leaves the row unread: never a guess.
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
    if n < groups * rule.width:
        return Split(None, "none")
    limit = [0] * n  # for each position, the end of its token (a cell never runs past it)
    owner = [0] * n
    pos = 0
    for t, tok in enumerate(tokens):
        for k in range(len(tok)):
            limit[pos + k] = pos + len(tok)
            owner[pos + k] = t
        pos += len(tok)
    search = _Search(digits, limit, rule)
    found = search.groups(0, groups)
    if found == 0:
        return Split(None, "none")
    if found > 1:
        return Split(None, "many")
    bounds = search.walk(groups)
    starts = [0]
    for tok in tokens:
        starts.append(starts[-1] + len(tok))
    cells = []
    for s, e in bounds:
        t = owner[s]
        cells.append((t, s - starts[t], e - starts[t]))
    return Split(tuple(cells), "unique")


class _Search:
    """Counts (capped at 2) of the ways to cut the digits, memoised.

    A group with a sum is counted total first: the total is the group's last cell
    (a run of digits ending where the group ends), then its parts must add up to
    it, so a part larger than what is left of the total ends the search there.
    """

    def __init__(self, digits: str, limit: list, rule: Constraint):
        self.d, self.limit, self.n = digits, limit, len(digits)
        self.width = rule.width
        parts = set(rule.parts)
        # the template's sums: the total last, every other cell a part
        self.summed = rule.total == rule.width - 1 and parts == set(range(rule.width - 1))
        self.memo = {}

    def cell_ok(self, s: int, e: int) -> bool:
        """digits[s:e] can be one cell: inside one token, no leading zero."""
        return e <= self.limit[s] and (self.d[s] != "0" or e == s + 1)

    def groups(self, p: int, g: int) -> int:
        """Ways to cut digits[p:] into ``g`` whole groups."""
        if g == 0:
            return 1 if p == self.n else 0
        key = ("g", p, g)
        got = self.memo.get(key)
        if got is not None:
            return got
        total = 0
        need = (g - 1) * self.width
        for q in range(p + self.width, self.n - need + 1):
            here = self.group(p, q)
            if here:
                total += here * self.groups(q, g - 1)
                if total >= 2:
                    break
        self.memo[key] = total = min(total, 2)
        return total

    def group(self, p: int, q: int) -> int:
        """Ways to cut digits[p:q] into one group."""
        key = ("one", p, q)
        got = self.memo.get(key)
        if got is not None:
            return got
        total = 0
        if self.summed:
            for t in range(q - 1, p + self.width - 2, -1):  # the total is digits[t:q]
                if not self.cell_ok(t, q):
                    continue
                total += self.parts(p, t, self.width - 1, int(self.d[t:q]))
                if total >= 2:
                    break
        else:
            total = self.plain(p, q, self.width)
        self.memo[key] = total = min(total, 2)
        return total

    def parts(self, p: int, t: int, k: int, rest: int) -> int:
        """Ways to cut digits[p:t] into ``k`` cells adding up to ``rest``."""
        if k == 0:
            return 1 if p == t and rest == 0 else 0
        m = t - p
        if m < k:
            return 0
        if k == 1:
            return 1 if self.cell_ok(p, t) and int(self.d[p:t]) == rest else 0
        # no cell is larger than ``rest`` (so none is longer), and k cells cut from m digits
        # add up to less than k * 10**(m - k + 1): outside these bounds nothing fits
        if m > k * len(str(rest)) or rest >= k * 10 ** (m - k + 1):
            return 0
        key = ("p", p, t, k, rest)
        got = self.memo.get(key)
        if got is not None:
            return got
        total = 0
        for e in range(p + 1, t - k + 2):
            if not self.cell_ok(p, e):
                break
            v = int(self.d[p:e])
            if v > rest:
                break  # longer cells are larger still
            total += self.parts(e, t, k - 1, rest - v)
            if total >= 2:
                break
        self.memo[key] = total = min(total, 2)
        return total

    def plain(self, p: int, q: int, k: int) -> int:
        """Ways to cut digits[p:q] into ``k`` cells, no sum."""
        if k == 0:
            return 1 if p == q else 0
        if q - p < k:
            return 0
        key = ("c", p, q, k)
        got = self.memo.get(key)
        if got is not None:
            return got
        total = 0
        for e in range(p + 1, q - k + 2):
            if not self.cell_ok(p, e):
                break
            total += self.plain(e, q, k - 1)
            if total >= 2:
                break
        self.memo[key] = total = min(total, 2)
        return total

    def walk(self, groups: int) -> list:
        """The cells of the one split, as (start, end) positions."""
        out, p = [], 0
        for g in range(groups, 0, -1):
            q = next(q for q in range(p + self.width, self.n + 1)
                     if self.group(p, q) == 1 and self.groups(q, g - 1) == 1)
            if self.summed:
                t = next(t for t in range(q - 1, p + self.width - 2, -1)
                         if self.cell_ok(t, q) and self.parts(p, t, self.width - 1, int(self.d[t:q])) == 1)
                rest, k, s = int(self.d[t:q]), self.width - 1, p
                while k:
                    e = next(e for e in range(s + 1, t - k + 2) if self.cell_ok(s, e)
                             and int(self.d[s:e]) <= rest and self.parts(e, t, k - 1, rest - int(self.d[s:e])) == 1)
                    out.append((s, e))
                    rest -= int(self.d[s:e])
                    s, k = e, k - 1
                out.append((t, q))
            else:
                s, k = p, self.width
                while k:
                    e = next(e for e in range(s + 1, q - k + 2) if self.cell_ok(s, e) and self.plain(e, q, k - 1) == 1)
                    out.append((s, e))
                    s, k = e, k - 1
            p = q
        return out


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
