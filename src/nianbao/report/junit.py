"""``--format junit``: JUnit XML, which CI systems show as test results.

One ``<testsuite>`` per checked file; each finding is a ``<testcase>`` with a
``<failure>`` (``type`` is the level); a file without findings has one passing
test case; an unreadable file's test case has an ``<error>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .location import lead, location


def render_junit(results) -> str:
    root = ET.Element("testsuites", name="nianbao")
    total = fails = errors = 0
    for r in results:
        suite = ET.SubElement(root, "testsuite", name=r.path)
        cases = 0
        if r.error:
            case = ET.SubElement(suite, "testcase", classname=r.path, name="读取文件")
            err = ET.SubElement(case, "error", type=r.error.code, message=r.error.message)
            err.text = r.error.message
            cases += 1
            errors += 1
        elif not r.findings:
            ET.SubElement(suite, "testcase", classname=r.path, name="nianbao")
            cases += 1
        for f in r.findings:
            where = lead(f)
            case = ET.SubElement(suite, "testcase", classname=r.path,
                                 name=f"{f.rule} {location(f)['text']}")
            fail = ET.SubElement(case, "failure", type=f.severity, message=f.message)
            fail.text = f"{where}: {f.rule} [{f.name}] {f.message}"
            cases += 1
        suite.set("tests", str(cases))
        suite.set("failures", str(len(r.findings)))
        suite.set("errors", "1" if r.error else "0")
        total += cases
        fails += len(r.findings)
    root.set("tests", str(total))
    root.set("failures", str(fails))
    root.set("errors", str(errors))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
