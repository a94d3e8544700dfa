"""What a run derives from files that do not change between runs, kept on disk.

A ``nianbao check`` on one report spends most of its time before reading the
report: turning the rule pack, template and configuration files into Python values, and
compiling a few hundred regular expressions (the template's labels, the rules'
options, the reader's patterns; a class like ``[\\u4e00-\\u9fff]`` alone costs
the ``re`` compiler a millisecond).  Both results depend only on their input
(the YAML file's bytes; the pattern and its flags, for one Python version), so
they are kept in a cache folder, like Python's own ``__pycache__``:

* ``yaml-<checksum>.marshal`` (and ``toml-``): the values of one rule pack,
  template or configuration file, kept with the file's bytes and nianbao's
  version: a hit needs both to be the same;
* ``re-<python>.marshal``: for each pattern compiled by the command line, the
  arguments the ``re`` compiler hands to its C engine; a fresh process builds
  each pattern from them directly (the engine checks the code it is given).

The folder is ``$NIANBAO_CACHE_DIR``, else ``$XDG_CACHE_HOME/nianbao``, else
``~/.cache/nianbao``; ``NIANBAO_NO_CACHE=1`` turns the cache off.  A missing,
unwritable or damaged cache is never an error: the values are derived again.
Results never depend on the cache (tests compare runs with and without it).
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import zlib

from . import __version__

#: configuration files larger than this are not kept (they are a few KB)
MAX_VALUE_BYTES = 1 << 20
#: files kept per kind (yaml, toml); the oldest are removed past this
MAX_VALUE_FILES = 64
#: patterns kept in the pattern cache
MAX_PATTERNS = 5000


def folder() -> str | None:
    """The cache folder, or None when caching is off."""
    if os.environ.get("NIANBAO_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("NIANBAO_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if base.startswith("~"):  # no home folder to expand to
        return None
    return os.path.join(base, "nianbao")


def _read(path: str):
    try:
        with open(path, "rb") as fh:
            return marshal.loads(fh.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _write(path: str, value) -> bool:
    """Write ``value`` to ``path`` atomically; False when it cannot be kept."""
    try:
        data = marshal.dumps(value, 4)
    except ValueError:  # a value marshal cannot keep (e.g. a date in the YAML)
        return False
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False


# ---------------------------------------------------------------------------
# values of configuration files (YAML, TOML)

#: returned by ``values_get`` when the file's values are not kept
MISS = object()


def _values_path(kind: str, raw: bytes) -> str | None:
    where = folder()
    if where is None or len(raw) > MAX_VALUE_BYTES:
        return None
    # the name only sorts files; the bytes kept inside decide a hit
    return os.path.join(where, f"{kind}-{zlib.crc32(raw):08x}{len(raw):x}.marshal")


def values_get(kind: str, raw: bytes):
    """The values read before from a ``kind`` ("yaml", "toml") file with these
    bytes, or ``MISS``."""
    path = _values_path(kind, raw)
    if path is None or not os.path.exists(path):
        return MISS
    value = _read(path)
    if not (isinstance(value, tuple) and len(value) == 3 and value[0] == __version__
            and value[1] == raw):
        return MISS
    return value[2]


def values_put(kind: str, raw: bytes, data) -> None:
    """Keep the values read from a valid ``kind`` file with these bytes."""
    path = _values_path(kind, raw)
    if path is None or not _write(path, (__version__, raw, data)):
        return
    where = os.path.dirname(path)
    try:  # keep the folder small: edited configurations leave old entries behind
        names = [n for n in os.listdir(where) if n.startswith(f"{kind}-")]
        if len(names) > MAX_VALUE_FILES:
            aged = sorted((os.path.getmtime(os.path.join(where, n)), n) for n in names)
            for _, n in aged[: len(names) - MAX_VALUE_FILES]:
                os.unlink(os.path.join(where, n))
    except OSError:
        pass


# ---------------------------------------------------------------------------
# compiled regular expressions

try:  # the re compiler's module (Python 3.11+) or its older name (3.10)
    from re import _compiler as _re_compiler, _parser as _re_parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _re_compiler
    import sre_parse as _re_parser
import _sre

_patterns: dict = {}
_added = 0
_installed = False
_original_compile = _re_compiler.compile


def _patterns_path(where: str) -> str:
    tag = f"{zlib.crc32(f'{sys.version}|{_sre.MAGIC}|{sys.maxunicode}'.encode()):08x}"
    return os.path.join(where, f"re-{sys.implementation.cache_tag}-{tag}.marshal")


def _engine_arguments(pattern, flags: int) -> tuple:
    """What ``re``'s compiler passes to ``_sre.compile`` for ``pattern``, after
    ``pattern`` itself (the same steps as the standard library's compiler)."""
    parsed = _re_parser.parse(pattern, flags)
    code = _re_compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _compile(pattern, flags=0):
    global _added
    if not isinstance(pattern, (str, bytes)) or flags & _re_compiler.SRE_FLAG_DEBUG:
        return _original_compile(pattern, flags)
    key = (pattern, int(flags))
    args = _patterns.get(key)
    if args is not None:
        try:
            return _sre.compile(pattern, *args)
        except Exception:  # damaged entry: compile the ordinary way
            _patterns.pop(key, None)
    try:
        args = _engine_arguments(pattern, int(flags))
        compiled = _sre.compile(pattern, *args)
    except Exception:  # syntax errors and anything unexpected: the ordinary way raises them
        return _original_compile(pattern, flags)
    if len(_patterns) < MAX_PATTERNS:
        _patterns[key] = args
        _added += 1
    return compiled


def _save() -> None:
    where = folder()
    if _added and where:
        path = _patterns_path(where)
        on_disk = _read(path)
        merged = dict(on_disk) if isinstance(on_disk, dict) else {}
        merged.update(_patterns)
        if len(merged) > MAX_PATTERNS:
            merged = dict(_patterns)
        _write(path, merged)


def install_patterns() -> None:
    """Compile regular expressions from the cache for the rest of this process
    (the command line calls this first).  Only CPython's ``re`` is concerned;
    anything unexpected leaves ``re`` as it was."""
    global _installed
    where = folder()
    if _installed or where is None or sys.implementation.name != "cpython":
        return
    try:  # the compiler's steps must be the ones _engine_arguments repeats
        probe = _engine_arguments("(?P<a>x)[^y]", 0)
        if _sre.compile("(?P<a>x)[^y]", *probe).match("xz").group("a") != "x":
            return
    except Exception:
        return
    on_disk = _read(_patterns_path(where))
    if isinstance(on_disk, dict):
        _patterns.update(on_disk)
    _re_compiler.compile = _compile
    _installed = True
    atexit.register(_save)
