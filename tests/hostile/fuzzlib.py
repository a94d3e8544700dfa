"""Mutation fuzzing of real reports in all five formats (text, Markdown, PDF,
Word, HTML): shared by tests/hostile/test_fuzz.py (bounded, in CI) and
bench/fuzz.py (long runs).

A case is (seed index, sample); the mutated bytes depend on them only, so a
failure is reproduced with ``case_bytes(samples, index)``.  Each case is read
and checked in a forked worker with a time limit, so that a hang shows up as a
failure instead of stopping the run.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"
SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".html")


def samples() -> list:
    """(name, bytes) of the seed reports: the repository's samples, and
    ../shared/corpus when present."""
    out = []
    for folder in (ROOT / "corpus" / "formats", ROOT / "corpus" / "headings", ROOT / "corpus" / "tables", SHARED):
        if not folder.is_dir():
            continue
        for p in sorted(folder.iterdir()):
            if p.suffix.lower() in SUFFIXES and p.is_file() and p.stat().st_size < 8 * 1024 * 1024:
                out.append((p.name, p.read_bytes()))
    return out


_TOKENS = [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\r", b"\n" * 50, b"\t", "一、总体情况\n".encode(),
           "（七）总计".encode(), b"|", b"<td colspan=\"9999\">", b"<table><tr><td>", b"</td></tr></table>",
           b"<div>" * 50, b"&#x110000;", b"&#0;", "²".encode(), b"9" * 40, "　".encode(), b"\x1b[2J",
           b"obj", b"endobj", b"stream", b"endstream", b"/Length 999999", b"xref", b"trailer",
           b"<w:gridSpan w:val=\"999999\"/>", b"<w:vMerge/>", b"<w:tbl>", b"</w:tbl>", b"<w:p>", b"</w:p>"]


def mutate_text(data: bytes, rnd: random.Random) -> bytes:
    """Edits on the characters of a UTF-8 text (byte edits mostly make it
    undecodable): the same operations on characters, then UTF-8 again."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return mutate(data, rnd)
    chars = list(text)
    tokens = [t.decode("utf-8", "replace") for t in _TOKENS] + ["一", "二", "三", "0", "1", "\n", "|", "　", "（", "）"]
    for _ in range(rnd.randint(1, 8)):
        if not chars:
            chars.extend(rnd.choice(tokens))
            continue
        op = rnd.randrange(5)
        i = rnd.randrange(len(chars))
        if op == 0:
            chars[i] = rnd.choice(tokens) if rnd.random() < 0.5 else chr(rnd.randrange(0x20, 0x9FFF))
        elif op == 1:
            del chars[i:i + rnd.randint(1, 400)]
        elif op == 2:
            j = min(len(chars), i + rnd.randint(1, 400))
            chars[i:i] = chars[i:j] * rnd.randint(1, 3)
        elif op == 3:
            chars[i:i] = list(rnd.choice(tokens))
        else:
            j = rnd.randrange(len(chars))
            chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars).encode("utf-8")


def mutate(data: bytes, rnd: random.Random) -> bytes:
    """A few random edits: flipped bytes, cut or duplicated ranges, inserted
    tokens that parsers care about, truncation."""
    b = bytearray(data)
    for _ in range(rnd.randint(1, 6)):
        if not b:
            b.extend(rnd.choice(_TOKENS))
            continue
        op = rnd.randrange(6)
        i = rnd.randrange(len(b))
        if op == 0:
            for _k in range(rnd.randint(1, 8)):
                b[rnd.randrange(len(b))] = rnd.randrange(256)
        elif op == 1:
            j = min(len(b), i + rnd.randint(1, 4096))
            del b[i:j]
        elif op == 2:
            j = min(len(b), i + rnd.randint(1, 2048))
            b[i:i] = b[i:j] * rnd.randint(1, 4)
        elif op == 3:
            b[i:i] = rnd.choice(_TOKENS)
        elif op == 4:
            del b[rnd.randrange(len(b) // 2 + 1, len(b) + 1):]
        else:
            j = rnd.randrange(len(b))
            b[i], b[j] = b[j], b[i]
    return bytes(b)


def mutate_docx(data: bytes, rnd: random.Random) -> bytes:
    """Mutate the XML inside the package (most byte flips of a ZIP only give
    "broken file"), or the package bytes one time in four."""
    if rnd.random() < 0.25:
        return mutate(data, rnd)
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        parts = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    except Exception:  # noqa: BLE001 - not a package: mutate the bytes
        return mutate(data, rnd)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, raw in parts:
            if name == "word/document.xml" or (name.endswith(".xml") and rnd.random() < 0.1):
                raw = mutate(raw, rnd)
            z.writestr(name, raw)
    return out.getvalue()


def case_bytes(seeds: list, index: int) -> tuple:
    """(name, mutated bytes) of case ``index``."""
    rnd = random.Random(index)
    name, data = seeds[index % len(seeds)]
    low = name.lower()
    if low.endswith(".docx"):
        return name, mutate_docx(data, rnd)
    if low.endswith((".txt", ".md", ".html")) and rnd.random() < 0.8:
        return name, mutate_text(data, rnd)
    return name, mutate(data, rnd)


_RULESET = []


class _Hang(Exception):
    pass


def _alarm(_signum, _frame):
    raise _Hang()


def run_case(data: bytes, name: str, timeout: float = 20.0):
    """("findings", n) or ("error", code, message).

    Runs in this process (the PDF and Word readers fork their own worker,
    with half of ``timeout``); a check still running after ``timeout``
    seconds (SIGALRM) is ("error", "hang", ...), any Python exception
    ("error", "internal-error", ...)."""
    import signal
    from nianbao.engine import check_document
    from nianbao.load import InputError, load_bytes
    from nianbao.load.isolate import LIMITS
    if not _RULESET:
        from nianbao.config import Config, resolve
        _RULESET.append(resolve(Config()))
    saved = LIMITS.timeout
    LIMITS.timeout = timeout / 2
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        doc = load_bytes(data, name)
        return ("findings", len(check_document(doc, _RULESET[0])))
    except InputError as exc:
        return ("error", exc.code, exc.message)
    except _Hang:
        return ("error", "hang", f"{name}：{timeout:g} 秒内没有结束")
    except Exception as exc:  # noqa: BLE001 - the failure this fuzzing looks for
        return ("error", "internal-error", f"{type(exc).__name__}: {exc}")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        LIMITS.timeout = saved


def bad(outcome) -> bool:
    """A failure: an internal error, or a hang outside the isolated native
    readers (whose overrun is their input error "too-complex")."""
    return outcome[0] == "error" and outcome[1] in ("internal-error", "hang")
