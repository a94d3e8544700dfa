"""SARIF output: valid against the SARIF 2.1.0 schema (shipped in tests/data),
percent-encoded URIs with a uriBaseId, helpUri, logical locations, stable
partialFingerprints."""

from __future__ import annotations

import json
import shutil

import pytest

from nianbao.cli import main

from helpers import ROOT

jsonschema = pytest.importorskip("jsonschema")
pytest.importorskip("rfc3986_validator")  # makes the "uri-reference" format checked

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FORMATS = ROOT / "corpus" / "formats"
WRONG = ROOT / "corpus" / "tables" / "tab-wrong-totals.txt"


def _sarif(capsys, monkeypatch, cwd, *paths):
    monkeypatch.chdir(cwd)
    code = main(["check", "--format", "sarif", "--select", "NB0,NB1,NB2", *paths])
    return code, json.loads(capsys.readouterr().out)


def _validate(doc):
    v = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = [f"{list(e.path)}: {e.message}" for e in v.iter_errors(doc)]
    assert errors == []


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "各单位 年报"
    d.mkdir()
    shutil.copy(WRONG, d / "市 教育局#2021.txt")
    shutil.copy(FORMATS / "report-broken.pdf", d / "定稿 v2.pdf")
    shutil.copy(FORMATS / "report-broken.docx", d / "草稿.docx")
    (d / "坏的.pdf").write_bytes(b"not a pdf")
    return d


def test_sarif_is_valid_with_chinese_names_spaces_and_errors(capsys, monkeypatch, folder):
    pytest.importorskip("pypdfium2")
    pytest.importorskip("docx")
    code, doc = _sarif(capsys, monkeypatch, folder.parent, folder.name)
    assert code == 2  # the broken PDF
    _validate(doc)
    run = doc["runs"][0]
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"].startswith("file:///")
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"].endswith("/")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert "%E5%90%84%E5%8D%95%E4%BD%8D%20%E5%B9%B4%E6%8A%A5/%E5%AE%9A%E7%A8%BF%20v2.pdf" in uris
    assert any(u.endswith("%232021.txt") for u in uris)  # "#" is not a fragment
    for r in run["results"]:
        art = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert art["uriBaseId"] == "SRCROOT"
        assert " " not in art["uri"]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [(n["level"], n["properties"]["code"]) for n in notes] == [("error", "pdf-broken")]


def test_absolute_paths_are_file_uris(capsys, monkeypatch, folder):
    _c, doc = _sarif(capsys, monkeypatch, folder, str(folder / "市 教育局#2021.txt"))
    _validate(doc)
    art = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert art["uri"].startswith("file:///") and "uriBaseId" not in art


def test_rules_have_help_uri_into_the_readme(capsys, monkeypatch, folder):
    _c, doc = _sarif(capsys, monkeypatch, folder, "市 教育局#2021.txt")
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert rules and all(r["helpUri"].startswith("https://") for r in rules)
    anchor = rules[0]["helpUri"].split("#", 1)[1]
    from urllib.parse import unquote
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"\n## {unquote(anchor)}\n" in readme
    for r in rules:
        assert f"| {r['id']} |" in readme  # the rule is in that section's table


def test_logical_location_names_the_cell_and_the_page(capsys, monkeypatch, folder):
    pytest.importorskip("pypdfium2")
    _c, doc = _sarif(capsys, monkeypatch, folder, "定稿 v2.pdf")
    _validate(doc)
    first = doc["runs"][0]["results"][0]
    loc = first["locations"][0]
    assert loc["logicalLocations"][0]["fullyQualifiedName"] == "表三/1.本机关不掌握相关政府信息/商业企业"
    assert loc["message"]["text"] == "第2页第1个表格第12行第5格"
    assert first["properties"]["location"]["page"] == 2
    assert "region" in loc["physicalLocation"]


def test_partial_fingerprints_are_stable_across_runs_and_edits_above(capsys, monkeypatch, tmp_path):
    text = WRONG.read_text(encoding="utf-8")
    p = tmp_path / "r.txt"
    p.write_text(text, encoding="utf-8")
    _c, a = _sarif(capsys, monkeypatch, tmp_path, "r.txt")
    _c, b = _sarif(capsys, monkeypatch, tmp_path, "r.txt")
    fa = [r["partialFingerprints"]["nianbao/v1"] for r in a["runs"][0]["results"]]
    assert fa == [r["partialFingerprints"]["nianbao/v1"] for r in b["runs"][0]["results"]]
    assert len(set(fa)) == len(fa)
    lines = text.splitlines(keepends=True)
    p.write_text(lines[0] + "\n新增的一段说明文字。\n\n" + "".join(lines[1:]), encoding="utf-8")
    _c, c = _sarif(capsys, monkeypatch, tmp_path, "r.txt")
    moved = c["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved] != \
        [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in a["runs"][0]["results"]]
    assert [r["partialFingerprints"]["nianbao/v1"] for r in moved] == fa
