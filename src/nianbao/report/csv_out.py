"""``--format csv``: one row per finding (and per unreadable file), for
spreadsheets.  UTF-8 with a byte-order mark so that Excel and WPS open the
Chinese text correctly; columns are listed in docs/json-output.md."""

from __future__ import annotations

import csv
import io

from .location import location

COLUMNS = ("path", "location", "line", "column", "end_line", "end_column", "severity", "rule", "name",
           "message", "table", "row", "cell_column", "error")


def render_csv(results) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for r in results:
        if r.error:
            w.writerow([r.path, "", "", "", "", "", "error", "", "", r.error.message, "", "", "", r.error.code])
        for f in r.findings:
            c = f.cell
            w.writerow([f.path, location(f)["text"], f.start.line, f.start.column, f.end.line, f.end.column,
                        f.severity, f.rule, f.name, f.message,
                        c.table if c else "", c.row if c else "", c.column if c else "", ""])
    return "\ufeff" + buf.getvalue()
