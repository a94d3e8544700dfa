"""Hostile inputs, generated at test time (none is stored in the repository).

Each function returns the bytes of one file; the sizes are those of the
inputs that once crashed, hung or exhausted memory (a few KB to a few MB).
"""

from __future__ import annotations

import io
import zipfile
import zlib


# -- PDF ------------------------------------------------------------------------

def pdf(objects: list, root: int = 1) -> bytes:
    """A PDF file from ``objects`` (bytes bodies, object 1 first) with a valid xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, root, xref))
    return out.getvalue()


def stream(data: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _page_pdf(content: bytes, resources: bytes = b"<< >>", size=(595, 842), compress=False,
              extra_objects=()) -> bytes:
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources %s /Contents 4 0 R >>"
            % (size[0], size[1], resources),
            stream(content, compress=compress)]
    objs.extend(extra_objects)
    return pdf(objs)


def pdf_nested_forms(levels: int = 10, fanout: int = 10) -> bytes:
    """Form XObjects each drawing the next level ``fanout`` times: fanout**levels leaf forms."""
    first = 5  # object number of level 0's form
    forms = []
    for lv in range(levels):
        if lv == levels - 1:
            body = b"0 0 m 1 1 l S BT /F1 1 Tf (x) Tj ET"
            res = b"<< /Font << /F1 %d 0 R >> >>" % (first + levels)
        else:
            body = b" ".join(b"q 1 0 0 1 %d 0 cm /X Do Q" % k for k in range(fanout))
            res = b"<< /XObject << /X %d 0 R >> >>" % (first + lv + 1)
        forms.append(stream(body, b" /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources %s" % res))
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    return _page_pdf(b"/X Do", b"<< /XObject << /X %d 0 R >> >>" % first,
                     extra_objects=forms + [font])


def pdf_many_segments(n: int = 5_000_000) -> bytes:
    """One Flate stream holding ``n`` path segments (a few hundred KB compressed)."""
    body = b"0 0 m\n" + b"1 1 l\n" * n + b"S\n"
    return _page_pdf(body, compress=True)


def pdf_dense_grid(side: int = 14400, step: int = 4) -> bytes:
    """A ruled grid of thin lines every ``step`` points on a ``side``-point page."""
    parts = [b"0.1 w"]
    for v in range(0, side + 1, step):
        parts.append(b"%d 0 m %d %d l %d 0 m 0 %d l 0 %d m %d %d l" % (v, v, side, 0, v, v, side, v))
    parts.append(b"S BT /F1 12 Tf 10 10 Td (grid) Tj ET")
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    return _page_pdf(b"\n".join(parts), b"<< /Font << /F1 5 0 R >> >>", size=(side, side),
                     compress=True, extra_objects=[font])


def pdf_cjk_text(lines: list, owner_password: str = "") -> bytes:
    """A born-digital PDF in a non-embedded CJK font (reportlab's STSong-Light),
    optionally encrypted with an owner password only (opens without a password)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    kw = {}
    if owner_password:
        from reportlab.lib import pdfencrypt
        kw["encrypt"] = pdfencrypt.StandardEncryption("", ownerPassword=owner_password, canCopy=0)
    c = canvas.Canvas(buf, pagesize=A4, **kw)
    y = 800
    for text in lines:
        if y < 60:
            c.showPage()
            y = 800
        c.setFont("STSong-Light", 12)
        c.drawString(60, y, text)
        y -= 20
    c.save()
    return buf.getvalue()


def flip_bytes(data: bytes, seed: int, count: int = 8) -> bytes:
    """``data`` with ``count`` bytes changed at places chosen by ``seed``."""
    import random
    rnd = random.Random(seed)
    b = bytearray(data)
    for _ in range(count):
        i = rnd.randrange(len(b))
        b[i] = rnd.randrange(256)
    return bytes(b)


# -- HTML -----------------------------------------------------------------------

def html_spans(cells: int = 50, span: int = 1000) -> bytes:
    tds = "".join(f'<td rowspan="{span}" colspan="{span}">x</td>' for _ in range(cells))
    return f"<html><body><table><tr>{tds}</tr><tr><td>a</td><td>b</td></tr></table></body></html>".encode()


def html_nested_tables(depth: int = 20000) -> bytes:
    return (b"<html><body>" + b"<table><tr><td>" * depth + b"x" + b"</td></tr></table>" * depth
            + b"</body></html>")


def html_nested_divs(depth: int = 1000) -> bytes:
    return b"<html><body>" + b"<div>" * depth + "一、总体情况".encode() + b"</div>" * depth + b"</body></html>"


def html_odd_span(value: str = "²") -> bytes:
    return (f'<html><body><table><tr><td colspan="{value}">a</td><td rowspan="{value}">b</td></tr>'
            f'<tr><td>c</td><td>d</td></tr></table></body></html>').encode()


# -- DOCX -----------------------------------------------------------------------

_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" ContentType="application/'
       'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(document_xml, compresslevel: int = 6) -> bytes:
    """A minimal .docx whose word/document.xml is ``document_xml`` (str or bytes,
    or an iterable of bytes chunks written one after another)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        if isinstance(document_xml, (str, bytes)):
            z.writestr("word/document.xml", document_xml)
        else:
            with z.open("word/document.xml", "w", force_zip64=True) as fh:
                for chunk in document_xml:
                    fh.write(chunk)
    return buf.getvalue()


def _body(inner: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W_NS}"><w:body>{inner}</w:body></w:document>')


def docx_gridspan(rows: int = 30, span: int = 1_000_000) -> bytes:
    cell = f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>'
    row = f"<w:tr>{cell}{cell}</w:tr>"
    return docx(_body(f"<w:tbl>{row * rows}</w:tbl>"))


def docx_gridbefore(n: int = 100_000_000) -> bytes:
    row = (f'<w:tr><w:trPr><w:gridBefore w:val="{n}"/></w:trPr>'
           f'<w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>')
    return docx(_body(f"<w:tbl>{row * 3}</w:tbl>"))


def docx_no_body() -> bytes:
    return docx(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"></w:document>')


def docx_inflating(mb: int = 1500) -> bytes:
    """A .docx whose document.xml inflates to about ``mb`` MB (a few MB packed).

    The deflate stream is built from one compressed megabyte repeated: after a
    full flush the compressor starts afresh, so each repetition compresses to
    the same bytes, and the ZIP entry is written by hand around them."""
    import struct
    head = _body("").encode().split(b"</w:body>")[0] + b"<w:p><w:r><w:t>"
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    block = b"a" * (1 << 20)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = co.compress(head) + co.flush(zlib.Z_FULL_FLUSH)
    rep = co.compress(block) + co.flush(zlib.Z_FULL_FLUSH)
    last = co.compress(tail) + co.flush(zlib.Z_FINISH)
    packed = first + rep * mb + last
    crc = zlib.crc32(head)
    for _ in range(mb):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc) & 0xFFFFFFFF
    size = len(head) + len(block) * mb + len(tail)
    entries = [("[Content_Types].xml", _CT.encode()), ("_rels/.rels", _RELS.encode())]
    out = io.BytesIO()
    central = []

    def add(name: bytes, method: int, crc32: int, csize: int, usize: int, data: bytes) -> None:
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc32, csize, usize,
                              len(name), 0) + name + data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc32,
                                   csize, usize, len(name), 0, 0, 0, 0, 0, offset) + name)

    for name, raw in entries:
        add(name.encode(), 0, zlib.crc32(raw) & 0xFFFFFFFF, len(raw), len(raw), raw)
    add(b"word/document.xml", 8, crc, len(packed), size, packed)
    start = out.tell()
    for rec in central:
        out.write(rec)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                          out.tell() - start, start, 0))
    return out.getvalue()


def docx_nested(depth: int = 3000) -> bytes:
    """Tables nested ``depth`` deep (each cell holds the next table)."""
    inner = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    xml = ("<w:tbl><w:tr><w:tc>" * depth) + inner + ("</w:tc></w:tr></w:tbl>" * depth)
    return docx(_body(xml))


# -- configuration and packs -----------------------------------------------------

def yaml_deep(depth: int = 30000) -> bytes:
    return b"select: " + b"[" * depth + b"]" * depth + b"\n"


def toml_deep(depth: int = 100000) -> bytes:
    return b"[tool.nianbao]\nselect = " + b"[" * depth + b"]" * depth + b"\n"
