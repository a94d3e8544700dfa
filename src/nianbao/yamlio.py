"""YAML and TOML reading with error positions.

Files are read with ruamel.yaml's fast safe loader.  When a value turns out to
be invalid, the file is read again with the round-trip loader, which knows the
line and column of every key, so the error can name ``file:line:column``.
"""

from __future__ import annotations



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


#: deeper nesting than this is not a configuration (and the C YAML loader
#: overflows its stack on tens of thousands of brackets)
MAX_DEPTH = 100
#: values in one file, counting each use of an alias again (an "alias bomb"
#: of a few lines would otherwise stand for billions of values)
MAX_NODES = 200_000


def nesting_depth(text: str) -> int:
    """An upper estimate of the nesting depth of a YAML text, from its flow
    brackets and indentation, without parsing it (quotes and comments are
    skipped roughly; an estimate that is too high only for absurd files)."""
    depth = deepest = 0
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        dashes = 0
        while stripped.startswith(("- ", "? ", ": ")) or stripped in ("-", "?"):
            dashes += 1
            stripped = stripped[2:].lstrip(" ")
        block = indent // 2 + dashes
        quote = None
        for ch in stripped:
            if quote:
                if ch == quote:
                    quote = None
            elif ch in "\"'":
                quote = ch
            elif ch == "#":
                break
            elif ch in "[{":
                depth += 1
                if depth + block > deepest:
                    deepest = depth + block
            elif ch in "]}":
                depth = max(0, depth - 1)
        deepest = max(deepest, depth + block)
    return deepest


def count_nodes(data, limit: int = MAX_NODES) -> int:
    """Values in ``data`` (an alias counted at each use), stopping past ``limit``."""
    n = 0
    stack = [data]
    while stack:
        node = stack.pop()
        n += 1
        if n > limit:
            return n
        if isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)
    return n


def _yaml(typ: str):
    from ruamel.yaml import YAML
    y = YAML(typ=typ, pure=(typ != "safe"))
    return y


def load_yaml(path: str):
    """Load a YAML file; a syntax error becomes ConfigError with its position.

    The values of a file read before are taken from the cache (:mod:`.cache`),
    keyed by the file's bytes."""
    from . import cache
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise ConfigError(f"无法读取文件（{exc.strerror or exc}）", path) from None
    cached = cache.values_get("yaml", raw)
    if cached is not cache.MISS:
        return cached
    from ruamel.yaml import YAMLError
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("YAML 文件必须是 UTF-8 编码", path) from None
    if nesting_depth(text) > MAX_DEPTH:
        raise ConfigError(f"YAML 嵌套过深（超过 {MAX_DEPTH} 层），不像配置文件", path)
    try:
        data = _yaml("safe").load(text)
    except (RecursionError, MemoryError):
        raise ConfigError(f"YAML 嵌套过深或过大，无法读取", path) from None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + 1 if mark else 0
        col = mark.column + 1 if mark else 0
        raise ConfigError(f"YAML 语法错误：{problem}", path, line, col) from None
    except Exception as exc:  # the loader's other errors (bad tags, keys that cannot be hashed...)
        raise ConfigError(f"YAML 无法读取：{type(exc).__name__}: {exc}", path) from None
    if count_nodes(data) > MAX_NODES:
        raise ConfigError(f"YAML 过大（超过 {MAX_NODES} 个值，别名按展开计算）", path)
    cache.values_put("yaml", raw, data)
    return data


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
    from . import cache
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise ConfigError(f"无法读取文件（{exc.strerror or exc}）", path) from None
    if b"nianbao" not in raw:  # no [tool.nianbao] (nor any key of that name)
        return None
    tool = cache.values_get("toml", raw)
    if tool is cache.MISS:
        tool = _toml_tool(path, raw)
        tool = {"nianbao": tool["nianbao"]} if isinstance(tool, dict) and "nianbao" in tool else {}
        cache.values_put("toml", raw, tool)
    return tool.get("nianbao") if isinstance(tool, dict) else None


def _toml_tool(path: str, raw: bytes):
    """The ``[tool]`` table of a TOML file's bytes (ConfigError when invalid)."""
    import re
    import tomllib
    try:
        text = raw.decode("utf-8")
        if _toml_depth(text) > MAX_DEPTH:
            raise ConfigError(f"TOML 嵌套过深（超过 {MAX_DEPTH} 层）", path)
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise ConfigError(f"TOML 文件必须是 UTF-8 编码（第 {exc.start} 字节处无法解码）", path) from None
    except (RecursionError, MemoryError):
        raise ConfigError(f"TOML 嵌套过深或过大，无法读取", path) from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+), column (\d+)", str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
        raise ConfigError(f"TOML 语法错误：{exc}", path, line, col) from None
    return data.get("tool", {})


def _toml_depth(text: str) -> int:
    """Deepest bracket nesting of a TOML text outside strings and comments."""
    depth = deepest = 0
    quote = None
    comment = False
    for ch in text:
        if comment:
            comment = ch != "\n"
        elif quote:
            if ch == quote or ch == "\n":
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            comment = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
    return deepest


def locate_toml(path: str, keys: tuple) -> tuple:
    """Best-effort (line, column) of a key inside ``[tool.nianbao]``.

    Finds the line of the deepest key of ``keys`` written as ``key = …`` or as
    a ``[tool.nianbao.key]`` table; a remaining key or list index is then
    looked for as text on that line and the few lines after it (inline tables,
    arrays).
    """
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return 0, 0
    names = tuple(str(k) for k in keys)
    found = None  # (line index, column, how many keys matched)
    section = None  # current table relative to [tool.nianbao]; None outside it
    for i, raw in enumerate(lines):
        s = raw.strip()
        if s.startswith("["):
            name = s.strip("[]").strip()
            if name == "tool.nianbao":
                section = ()
            elif name.startswith("tool.nianbao."):
                section = tuple(x.strip().strip('"') for x in name[len("tool.nianbao."):].split("."))
            else:
                section = None
            if section and names[:len(section)] == section and (found is None or len(section) > found[2]):
                found = (i, raw.index(s[0]) + 1, len(section))
            continue
        if section is None or "=" not in s:
            continue
        here = section + (s.split("=", 1)[0].strip().strip("\"'"),)
        if names[:len(here)] == here and (found is None or len(here) > found[2]):
            found = (i, raw.index(s[0]) + 1, len(here))
    if found is None:
        return 0, 0
    i, col, depth = found
    if depth < len(keys):
        needle = _toml_needle(path, keys, depth)
        if needle:
            for j in range(i, min(i + 30, len(lines))):
                pos = lines[j].find(needle, col if j == i else 0)
                if pos >= 0:
                    return j + 1, pos + 1
    return i + 1, col


def _toml_needle(path: str, keys: tuple, depth: int) -> str:
    """The text to look for to find ``keys[depth]``: a key name, or a list item's value."""
    key = keys[depth]
    if not isinstance(key, int):
        return str(key)
    try:
        node = toml_tool_section(path)
        for k in keys[: depth + 1]:
            node = node[k]
    except (ConfigError, KeyError, IndexError, TypeError):
        return ""
    return f'"{node}"' if isinstance(node, str) else ""
