"""docs/json-output.md documents every field the JSON output has."""

from __future__ import annotations

import json
import re

import pytest

from nianbao.cli import main

from helpers import ROOT

DOC = (ROOT / "docs" / "json-output.md").read_text(encoding="utf-8")
FORMATS = ROOT / "corpus" / "formats"


def _documented(section: str) -> set:
    """Field names in the first column of the table under heading ``section``."""
    part = DOC.split(section, 1)[1].split("\n#", 1)[0]
    return set(re.findall(r"^\| `([a-z_]+)` \|", part, re.M))


def test_every_json_field_is_documented(capsys):
    pytest.importorskip("pypdfium2")
    pytest.importorskip("docx")
    main(["check", "--format", "json", str(FORMATS / "report-broken.pdf"), str(FORMATS / "report-broken.docx"),
          str(FORMATS / "report-broken.html"), str(ROOT / "corpus" / "tables" / "tab-wrong-totals.txt"),
          "absent.txt"])
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) <= _documented("## 顶层")
    assert f"当前版本：`schema_version` = {doc['schema_version']}" in DOC
    assert set(doc["summary"]) <= _documented("## `summary`")
    locs, cells, finding_keys, file_keys, error_keys = set(), set(), set(), set(), set()
    for f in doc["files"]:
        file_keys |= set(f)
        if f["error"]:
            error_keys |= set(f["error"])
            assert f"`{f['error']['code']}`" in DOC
        for x in f["findings"]:
            finding_keys |= set(x)
            locs |= set(x["location"])
            cells |= set(x.get("cell", {}))
    assert file_keys <= _documented("## `files[]`")
    assert error_keys <= _documented("### `error`")
    assert finding_keys <= _documented("## `findings[]`")
    assert locs <= _documented("### `location`")
    assert cells <= _documented("### `cell`")
    assert {"page", "paragraph", "table", "row", "cell"} <= locs


def test_the_example_matches_the_shape_of_real_output():
    example = json.loads(DOC.split("```json\n", 1)[1].split("```", 1)[0])
    assert set(example) == _documented("## 顶层")
    assert set(example["summary"]) == _documented("## `summary`")
