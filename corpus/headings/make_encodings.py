"""Generate the byte-level samples of corpus/headings from the UTF-8 ones.

Run ``python corpus/headings/make_encodings.py`` after editing a source sample.
The generated files are committed too; tests/test_corpus_headings.py checks
that they are exactly what this script produces, then checks their findings.

    crlf.txt       renumbered.txt with CRLF line endings
    gbk.txt        reworded.txt encoded with the gb18030 codec (GBK-compatible)
    utf16-bom.txt  duplicated.txt as UTF-16 little-endian with a BOM
    utf8-bom.md    title-wording.txt as Markdown ("# " before the title),
                   UTF-8 with a BOM
"""

from __future__ import annotations

import codecs
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _source(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def generate() -> dict:
    """{file name: bytes} of every generated sample."""
    out = {}
    out["crlf.txt"] = _source("renumbered.txt").replace("\n", "\r\n").encode("utf-8")
    out["gbk.txt"] = _source("reworded.txt").encode("gb18030")
    out["utf16-bom.txt"] = codecs.BOM_UTF16_LE + _source("duplicated.txt").encode("utf-16-le")
    out["utf8-bom.md"] = codecs.BOM_UTF8 + ("# " + _source("title-wording.txt")).encode("utf-8")
    return out


def main() -> None:
    for name, data in generate().items():
        (HERE / name).write_bytes(data)
        print(f"wrote {name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
