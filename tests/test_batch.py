"""The batch runner: folder walk, excludes, skipped and unreadable entries,
--list-files, --jobs (same bytes as --jobs 1), Ctrl-C."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import CORPUS, ROOT, interrupt_after  # noqa: E402

from nianbao import batch  # noqa: E402
from nianbao.cli import main  # noqa: E402

NOTES = "会议纪要\n\n时间：3月5日\n\n讨论了春季植树活动的安排。\n"


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def folder(tmp_path, monkeypatch):
    d = tmp_path / "reports"
    (d / "sub").mkdir(parents=True)
    (d / "draft").mkdir()
    for name in ("clean.txt", "missing-heading.txt", "placeholder.txt"):
        (d / name).write_bytes((CORPUS / name).read_bytes())
    (d / "sub" / "reworded.txt").write_bytes((CORPUS / "reworded.txt").read_bytes())
    (d / "draft" / "old.txt").write_bytes((CORPUS / "missing-heading.txt").read_bytes())
    (d / "会议纪要.txt").write_text(NOTES, encoding="utf-8")
    (d / "旧.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (d / "旧.WPS").write_bytes(b"\xd0\xcf\x11\xe0")
    (d / ".nianbao.yaml").write_text("select: [NB1, NB3]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return d


def test_walk_lists_reports_notes_and_legacy_files(folder, capsys):
    code, out, err = run(capsys, "check", "--list-files", str(folder))
    assert code == 2  # the .doc/.wps cannot be checked
    rel = [os.path.relpath(p, folder) for p in out.split()]
    assert rel == ["clean.txt", "draft/old.txt", "missing-heading.txt", "placeholder.txt", "sub/reworded.txt",
                   "会议纪要.txt"]
    assert err.count("另存为 .docx") == 2 and "旧.doc" in err and "旧.WPS" in err


def test_symbolic_link_loop_is_walked_once(folder, capsys):
    (folder / "sub" / "up").symlink_to(folder)
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    code, out, _err = run(capsys, "check", "--list-files", "--exclude", "*.doc,*.WPS", str(folder))
    assert code == 0
    rel = [os.path.relpath(p, folder) for p in out.split()]
    assert rel.count("clean.txt") == 1 and "dangling.txt" not in rel
    assert not any(r.startswith("sub/up/") for r in rel)


def test_exclude_from_config_and_command_line(folder, capsys):
    (folder / ".nianbao.yaml").write_text("select: [NB1, NB3]\nextend-exclude: [draft/]\n", encoding="utf-8")
    _code, out, _err = run(capsys, "check", "--list-files", str(folder))
    assert "old.txt" not in out and "clean.txt" in out
    _code, out, _err = run(capsys, "check", "--list-files", "--exclude", "sub,*.doc", "--exclude", "*.WPS",
                           str(folder))
    assert "reworded.txt" not in out and "old.txt" not in out
    assert run(capsys, "check", "--list-files", "--exclude", "sub,*.doc,*.WPS", str(folder))[0] == 0
    # exclude replaces the default (hidden files) list
    (folder / ".hidden.txt").write_bytes((CORPUS / "clean.txt").read_bytes())
    (folder / ".nianbao.yaml").write_text("select: [NB1, NB3]\nexclude: ['*.doc', '*.WPS']\n", encoding="utf-8")
    _code, out, _err = run(capsys, "check", "--list-files", str(folder))
    assert ".hidden.txt" in out
    (folder / ".nianbao.yaml").write_text("exclude: 3\n", encoding="utf-8")
    code, _out, err = run(capsys, "check", str(folder))
    assert code == 2 and "exclude" in err


def test_non_report_in_a_folder_is_skipped_with_one_line(folder, capsys):
    code, out, _err = run(capsys, "check", "--exclude", "*.doc,*.WPS", str(folder))
    notes = [ln for ln in out.splitlines() if "会议纪要" in ln]
    assert len(notes) == 1 and "已跳过 [not-a-report]" in notes[0]
    assert "NB101" in out and code == 1
    assert out.rstrip().endswith("1 个文件已跳过")
    code, out, _err = run(capsys, "check", "--format", "json", "--exclude", "*.doc,*.WPS", str(folder))
    doc = json.loads(out)
    f = next(f for f in doc["files"] if f["path"].endswith("会议纪要.txt"))
    assert f["skipped"]["code"] == "not-a-report" and f["findings"] == [] and f["error"] is None
    # a report whose headings cannot be read (here: traditional script) is not skipped
    (folder / "廣東.txt").write_text("根據《中華人民共和國政府信息公開條例》，現公布本年度報告。\n總體情況略。\n",
                                    encoding="utf-8")
    _code, out, _err = run(capsys, "check", "--format", "json", "--exclude", "*.doc,*.WPS", str(folder))
    f = next(f for f in json.loads(out)["files"] if f["path"].endswith("廣東.txt"))
    assert "skipped" not in f and f["findings"]
    # named explicitly, it is checked like any file
    _code, out, _err = run(capsys, "check", "--format", "json", str(folder / "会议纪要.txt"))
    assert json.loads(out)["files"][0]["findings"]


def test_fifo_in_a_walk_is_skipped_and_named_fifo_is_an_input_error(folder, capsys):
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    code, out, _err = run(capsys, "check", "--format", "json", "--exclude", "*.doc,*.WPS", str(folder))
    doc = json.loads(out)
    f = next(f for f in doc["files"] if f["path"] == str(fifo))
    assert f["skipped"]["code"] == "not-regular-file" and f["error"] is None
    assert code == 1  # a note, not an error
    code, out, _err = run(capsys, "check", "--format", "json", str(fifo))
    doc = json.loads(out)
    assert code == 2 and doc["files"][0]["error"]["code"] == "not-regular-file"


def test_unreadable_subfolder_is_reported(folder, capsys, monkeypatch):
    real = os.scandir
    blocked = str(folder / "sub")

    def scandir(path):
        if str(path) == blocked:
            raise PermissionError(13, "Permission denied")
        return real(path)
    monkeypatch.setattr(batch.os, "scandir", scandir)
    code, out, _err = run(capsys, "check", "--format", "json", "--exclude", "*.doc,*.WPS", str(folder))
    doc = json.loads(out)
    f = next(f for f in doc["files"] if f["path"] == blocked)
    assert f["error"]["code"] == "unreadable-folder" and "Permission denied" in f["error"]["message"]
    assert code == 2


@pytest.mark.parametrize("fmt", ["human", "json", "sarif", "github"])
def test_jobs_give_the_same_bytes(folder, capsys, fmt):
    for i in range(6):
        (folder / "sub" / f"copy{i}.txt").write_bytes((CORPUS / "placeholder.txt").read_bytes())
    one = run(capsys, "check", "--format", fmt, "--jobs", "1", str(folder))
    two = run(capsys, "check", "--format", fmt, "--jobs", "2", str(folder))
    many = run(capsys, "check", "--format", fmt, "--jobs", "5", str(folder))
    assert one == two == many
    assert one[0] == 2 and one[1]


def test_jobs_must_be_a_number(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--jobs", "x", "a.txt"])
    assert exc.value.code == 2 and "--jobs" in capsys.readouterr().err


def test_interrupt_writes_what_finished_and_exits_130(folder, capsys, monkeypatch):
    seen = interrupt_after(monkeypatch, 2)
    code, out, err = run(capsys, "check", "--format", "json", "--jobs", "1", "--exclude", "*.doc,*.WPS",
                         str(folder))
    assert code == 130
    doc = json.loads(out)
    assert [f["path"] for f in doc["files"]] == seen
    assert "已中断" in err and "Traceback" not in err


def _read_pty(master: int) -> bytes:
    """The next bytes a child wrote to its terminal; b"" once it has closed it."""
    try:
        return os.read(master, 4096)
    except OSError:  # Linux reports the closed other end as EIO
        return b""


def _folder_of(tmp_path, n: int) -> Path:
    d = tmp_path / "batch"
    d.mkdir()
    data = (ROOT / "corpus" / "tables" / "pipe-wrong-totals.md").read_bytes()
    for i in range(n):
        (d / f"r{i:03d}.md").write_bytes(data)
    return d


def test_ctrl_c_on_a_running_pool(tmp_path):
    import pty
    import select
    d = _folder_of(tmp_path, 400)
    master, slave = pty.openpty()  # standard error a terminal: the progress bar says when work is under way
    out_path = tmp_path / "out.json"
    with open(out_path, "wb") as out_fh:
        proc = subprocess.Popen([sys.executable, "-m", "nianbao", "check", "--jobs", "2", "--format", "json", str(d)],
                                stdout=out_fh, stderr=slave, start_new_session=True)
    os.close(slave)
    seen, sent, deadline = b"", False, time.time() + 120
    while time.time() < deadline:
        ready, _w, _x = select.select([master], [], [], 0.2)
        if ready:
            chunk = _read_pty(master)
            if not chunk:
                break
            seen += chunk
        if not sent and re.search(rb"\b([5-9]|\d\d+)/400", seen):  # a few reports done
            os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
            sent = True
    proc.wait(timeout=60)
    os.close(master)
    if not sent:
        pytest.skip("the batch finished before the interrupt")
    assert proc.returncode == 130, seen.decode(errors="replace")
    assert out_path.stat().st_size, seen.decode(errors="replace")
    assert b"Traceback" not in seen and "已中断".encode() in seen
    doc = json.loads(out_path.read_bytes())
    assert 0 < len(doc["files"]) < 400
    assert all(f["findings"] for f in doc["files"])


def test_progress_bar_on_a_terminal_only(tmp_path):
    import pty
    d = _folder_of(tmp_path, 40)
    cmd = [sys.executable, "-m", "nianbao", "check", "--jobs", "1", "--format", "json", str(d)]
    plain = subprocess.run(cmd, capture_output=True)
    assert plain.stderr == b""  # not a terminal: nothing
    master, slave = pty.openpty()
    out_path = tmp_path / "out.json"
    with open(out_path, "wb") as out_fh:  # a file, so the child never waits on a full pipe
        proc = subprocess.Popen(cmd, stdout=out_fh, stderr=slave, env={**os.environ, "COLUMNS": "100"})
    os.close(slave)
    seen = b""
    while chunk := _read_pty(master):
        seen += chunk
    proc.wait(timeout=60)
    os.close(master)
    out = out_path.read_bytes()
    assert "检查".encode() in seen and b"/40" in seen
    assert out == plain.stdout  # standard output is the same


def test_a_worker_that_dies_loses_only_its_own_file(folder, capsys, monkeypatch):
    for i in range(5):
        (folder / "sub" / f"copy{i}.txt").write_bytes((CORPUS / "placeholder.txt").read_bytes())
    (folder / "sub" / "bad.txt").write_bytes((CORPUS / "clean.txt").read_bytes())
    real = batch.check_one

    def check_one(path, *a, **kw):  # the forked workers inherit this
        if path.endswith("bad.txt"):
            os._exit(9)  # as a worker killed for its memory
        return real(path, *a, **kw)
    monkeypatch.setattr(batch, "check_one", check_one)
    code, out, _err = run(capsys, "check", "--format", "json", "--jobs", "2", "--exclude", "*.doc,*.WPS",
                          str(folder))
    assert code == 2
    doc = json.loads(out)
    bad = next(f for f in doc["files"] if f["path"].endswith("bad.txt"))
    assert bad["error"]["code"] == "internal-error" and "进程意外退出" in bad["error"]["message"]
    monkeypatch.setattr(batch, "check_one", real)
    _code, out1, _err = run(capsys, "check", "--format", "json", "--jobs", "1", "--exclude", "*.doc,*.WPS,bad.txt",
                            str(folder))
    others = [f for f in doc["files"] if not f["path"].endswith("bad.txt")]
    assert others == json.loads(out1)["files"]
