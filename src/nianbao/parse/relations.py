"""Arithmetic relations between template cells, written in YAML as equations.

    一 + 二 = （七） + 四
    总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他

A small tokenizer and recursive-descent parser (no ``eval``): an equation is two
sums joined by ``=``; a sum is names and non-negative integer constants joined
by ``+`` and ``-``.  A name is any run of characters other than whitespace and
``+ - =``, so template labels such as ``（七）`` or ``（三）1`` are names as
written.  What a name *means* (a row, a group, a column) is decided by the
caller through a resolver.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

#: a constant in an equation is a count in a report table, not a huge number
MAX_DIGITS = 15
_TOKEN_RE = re.compile(r"\s*(?:(?P<op>[+\-=])|(?P<word>[^\s+\-=]+))")


class RelationSyntaxError(ValueError):
    """An equation that cannot be parsed; ``message`` is Chinese, ``pos`` 0-based."""

    def __init__(self, message: str, pos: int):
        super().__init__(message)
        self.message = message
        self.pos = pos


@dataclass(frozen=True)
class Term:
    sign: int  # +1 or -1
    name: str  # "" for a constant
    const: int = 0


@dataclass(frozen=True)
class Equation:
    text: str
    left: tuple
    right: tuple

    def names(self) -> list:
        """Every name, in order of appearance, without repeats."""
        out = []
        for t in self.left + self.right:
            if t.name and t.name not in out:
                out.append(t.name)
        return out

    def side_of(self, name: str) -> str:
        """"left" or "right": the side ``name`` is on (its first appearance)."""
        if any(t.name == name for t in self.left):
            return "left"
        if any(t.name == name for t in self.right):
            return "right"
        raise KeyError(name)


def tokenize(expr: str) -> list:
    """[(kind, text, pos)] with kind "op", "num" or "name"."""
    out, pos = [], 0
    n = len(expr)
    while pos < n:
        m = _TOKEN_RE.match(expr, pos)
        if not m or m.end() == pos:
            if expr[pos:].strip() == "":
                break
            raise RelationSyntaxError(f"无法识别的字符“{expr[pos]}”", pos)
        if m.group("op"):
            out.append(("op", m.group("op"), m.start("op")))
        elif m.group("word"):
            w = m.group("word")
            # a constant is decimal digits ("²" is a digit to str.isdigit, not a number)
            is_num = w.isdecimal()
            if is_num and len(w) > MAX_DIGITS:
                raise RelationSyntaxError(f"数字过大（超过 {MAX_DIGITS} 位）", m.start("word"))
            out.append(("num" if is_num else "name", w, m.start("word")))
        pos = m.end()
    return out


def parse_equation(expr: str) -> Equation:
    """Parse ``expr``; raise RelationSyntaxError on anything but ``sum = sum``."""
    toks = tokenize(expr)
    if not toks:
        raise RelationSyntaxError("表达式为空", 0)
    eqs = [t for t in toks if t[0] == "op" and t[1] == "="]
    if len(eqs) != 1:
        pos = eqs[1][2] if len(eqs) > 1 else len(expr)
        raise RelationSyntaxError("表达式应恰好有一个等号“=”", pos)
    k = toks.index(eqs[0])
    left = _parse_sum(toks[:k], expr, eqs[0][2])
    right = _parse_sum(toks[k + 1:], expr, len(expr))
    return Equation(expr, tuple(left), tuple(right))


def _parse_sum(toks: list, expr: str, end_pos: int) -> list:
    terms, i, sign = [], 0, 1
    if not toks:
        raise RelationSyntaxError("等号一侧没有内容", end_pos)
    if toks[0][0] == "op" and toks[0][1] in "+-":
        sign = -1 if toks[0][1] == "-" else 1
        i = 1
    while True:
        if i >= len(toks):
            raise RelationSyntaxError("运算符后面缺少名字或数字", end_pos)
        kind, text, pos = toks[i]
        if kind == "op":
            raise RelationSyntaxError(f"这里应是名字或数字，而不是“{text}”", pos)
        terms.append(Term(sign, text if kind == "name" else "", int(text) if kind == "num" else 0))
        i += 1
        if i == len(toks):
            return terms
        kind, text, pos = toks[i]
        if kind != "op" or text not in "+-":
            raise RelationSyntaxError(f"“{text}”前面缺少“+”或“-”", pos)
        sign = -1 if text == "-" else 1
        i += 1


def side_value(terms: tuple, values: dict):
    """Sum of ``terms`` with ``values`` (name -> Decimal); None when one is unknown."""
    total = Decimal(0)
    for t in terms:
        if t.name:
            v = values.get(t.name)
            if v is None:
                return None
            total += t.sign * v
        else:
            total += t.sign * t.const
    return total
