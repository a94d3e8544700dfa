"""YAML and TOML reading with error positions.

Files are read with ruamel.yaml's fast safe loader.  When a value turns out to
be invalid, the file is read again with the round-trip loader, which knows the
line and column of every key, so the error can name ``file:line:column``.
"""

from __future__ import annotations

import os


class ConfigError(Exception):
    """Bad configuration or rule pack: exit code 2, message in Chinese."""

    def __init__(self, message: str, path: str = "", line: int = 0, column: int = 0):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.path
        if where and self.line:
            where = f"{where}:{self.line}:{self.column or 1}"
        return f"{where}: {self.message}" if where else self.message


def _yaml(typ: str):
    from ruamel.yaml import YAML
    y = YAML(typ=typ, pure=(typ != "safe"))
    return y


def load_yaml(path: str):
    """Load a YAML file; a syntax error becomes ConfigError with its position."""
    from ruamel.yaml import YAMLError
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ConfigError(f"无法读取文件（{exc.strerror or exc}）", path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("YAML 文件必须是 UTF-8 编码", path) from None
    try:
        return _yaml("safe").load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + 1 if mark else 0
        col = mark.column + 1 if mark else 0
        raise ConfigError(f"YAML 语法错误：{problem}", path, line, col) from None


def locate(path: str, keys: tuple) -> tuple:
    """(line, column), 1-based, of the node at ``keys`` in a YAML file.

    ``keys`` is a path of mapping keys and sequence indexes.  When the last key
    cannot be found the position of the deepest node reached is returned.
    """
    try:
        with open(path, encoding="utf-8-sig") as fh:
            node = _yaml("rt").load(fh)
    except Exception:  # the file parsed once already; be defensive anyway
        return 0, 0
    line, col = 1, 1
    for k in keys:
        lc = getattr(node, "lc", None)
        try:
            if isinstance(node, dict) and k in node:
                if lc is not None:
                    line, col = lc.key(k)[0] + 1, lc.key(k)[1] + 1
                node = node[k]
            elif isinstance(node, list) and isinstance(k, int) and 0 <= k < len(node):
                if lc is not None:
                    line, col = lc.item(k)[0] + 1, lc.item(k)[1] + 1
                node = node[k]
            else:
                break
        except Exception:
            break
    return line, col


def toml_tool_section(path: str):
    """The ``[tool.nianbao]`` table of a pyproject.toml, or None."""
    import tomllib
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"TOML 语法错误：{exc}", path) from None
    except OSError as exc:
        raise ConfigError(f"无法读取文件（{exc.strerror or exc}）", path) from None
    return data.get("tool", {}).get("nianbao")


def locate_toml(path: str, keys: tuple) -> tuple:
    """Best-effort (line, column) of a key inside ``[tool.nianbao]``."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return 0, 0
    in_section = False
    want = str(keys[0]) if keys else None
    for i, raw in enumerate(lines):
        s = raw.strip()
        if s.startswith("["):
            in_section = s.startswith("[tool.nianbao")
            if in_section and want and s.strip("[]").endswith("." + want):
                return i + 1, 1
            continue
        if in_section and want is not None:
            key = s.split("=", 1)[0].strip().strip('"')
            if key == want:
                return i + 1, raw.index(s[0]) + 1
    return 0, 0


def same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
