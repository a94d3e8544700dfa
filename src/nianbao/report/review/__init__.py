"""``nianbao review``: the supervising office's review of a whole folder.

A renderer over finding records and table readings (it never checks
anything itself).  Outputs, in the folder given with ``-o``:

* ``审查报告.html`` — one self-contained page (:mod:`.html`);
* ``汇总.xlsx`` — 概览 / 问题清单 / 数据 (:mod:`.xlsx`);
* ``整改清单/<机关名称>.docx`` — one list per agency with problems (:mod:`.rectify`);
* ``review.json`` — the same for machines (schema in the README, ``SCHEMA_VERSION``).

The worker that checked a report also reads who wrote it and renders that
report's pieces of every output (:mod:`.record`, :mod:`.parts`).  Reports then
stream through :class:`ReviewWriter` one at a time, in input order: each one's
section of the page and of the JSON goes to a part file, its rows to the
workbook, its rectification list to disk; only a small :class:`Item` per
report stays in memory.  Nothing depends on the clock or on the number of
workers, so the same batch gives the same bytes.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections import Counter

from ... import __version__
from .common import (STATUS_ERROR, STATUS_PASS, STATUS_SKIPPED, STATUS_UNREADABLE, STATUS_WARNING, Item,
                     category_names, category_of)
from .identify import Identity, Manifest, ManifestError, read_manifest

SCHEMA_VERSION = 1
HTML_NAME, XLSX_NAME, JSON_NAME, DOCX_DIR = "审查报告.html", "汇总.xlsx", "review.json", "整改清单"


class ReviewWriter:
    """Writes the outputs as the reports come (:meth:`add`), then assembles them (:meth:`close`)."""

    def __init__(self, outdir: str, columns: list, manifest: Manifest | None, summaries=None):
        from .xlsx import Workbook3
        self.outdir = outdir
        self.manifest = manifest
        self.items = []
        self.categories = Counter()
        self.problems = Counter()
        self.problem_reports = Counter()
        self.summaries = dict(summaries or {})  # rule code -> its one-line summary
        self.total_findings = 0
        self.docx_names = set()
        self.docx_dir_made = False
        self.book = Workbook3(outdir, columns)
        self.html_part = open(os.path.join(outdir, f".{HTML_NAME}.part"), "w", encoding="utf-8", buffering=1 << 20)
        self.json_part = open(os.path.join(outdir, f".{JSON_NAME}.part"), "w", encoding="utf-8", buffering=1 << 20)
        self.written = []

    def _docx_path(self, item) -> str:
        from .rectify import safe_name
        base = safe_name(item.display_name if item.agency else os.path.splitext(os.path.basename(item.path))[0])
        name = base
        if name in self.docx_names:  # another report of the same agency: name its file too
            name = f"{base}（{safe_name(os.path.splitext(os.path.basename(item.path))[0])}）"
        k = 2
        while name in self.docx_names:
            name = f"{base}（{k}）"
            k += 1
        self.docx_names.add(name)
        return f"{DOCX_DIR}/{name}.docx"

    def add(self, outcome) -> None:
        from .html import section
        n = len(self.items) + 1
        item = Item(n, outcome.path, STATUS_PASS)
        if outcome.error:
            item.status, item.reason_code, item.reason = STATUS_UNREADABLE, outcome.error[0], outcome.error[1]
        elif outcome.skipped:
            item.status, item.reason_code, item.reason = STATUS_SKIPPED, outcome.skipped[0], outcome.skipped[1]
        record = outcome.record
        findings = outcome.findings
        if item.reviewed and record is not None and record.identity is not None:
            ident = record.identity  # read by the worker, the manifest applied
            if self.manifest is not None:
                self.manifest.mark_used(record.manifest_row)
        else:
            ident = Identity("", "", "", 0, "")
            if self.manifest is not None:
                ident, row = self.manifest.apply(outcome.path, ident)
                self.manifest.mark_used(row)
        item.agency, item.agency_source, item.level = ident.agency, ident.agency_source, ident.level
        item.year, item.year_source, item.parent = ident.year, ident.year_source, ident.parent
        item.format = record.format if record is not None else ""
        for f in findings:
            item.counts[f.severity] += 1
            self.categories[category_of(f.tags)] += 1
            self.problems[f.rule] += 1
            self.summaries.setdefault(f.rule, f.name)
        for rule in {f.rule for f in findings}:
            self.problem_reports[rule] += 1
        self.total_findings += len(findings)
        parts = record.parts if item.reviewed and record is not None else None
        if item.reviewed:
            item.status = (STATUS_ERROR if item.counts["error"] else
                           STATUS_WARNING if item.counts["warning"] else STATUS_PASS)
            if parts.to_fix:
                item.rectification = self._docx_path(item)
                if not self.docx_dir_made:
                    os.makedirs(os.path.join(self.outdir, DOCX_DIR), exist_ok=True)
                    self.docx_dir_made = True
                with open(os.path.join(self.outdir, item.rectification), "wb") as fh:
                    fh.write(parts.docx)
            self.html_part.write(section(item, parts.html_table))
            self.book.findings(item, parts.xlsx_findings)
            self.book.data(item, parts.xlsx_data)
        self.book.overview(item)
        entry = {"n": n, "path": item.path, "status": item.status, "format": item.format,
                 "agency": item.agency, "agency_source": item.agency_source, "level": item.level,
                 "year": item.year, "year_source": item.year_source, "parent": item.parent,
                 "counts": item.counts, "reason": {"code": item.reason_code, "message": item.reason}
                 if item.reason else None, "rectification": item.rectification or None}
        text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        tail = (f',"findings":{parts.findings_json},"data":{parts.data_json}}}' if parts is not None
                else ',"findings":[],"data":null}')
        if self.items:
            self.json_part.write(",\n")
        # one report per line
        self.json_part.write("    " + text[:-1] + tail)
        self.items.append(item)

    def close(self) -> list:
        from .html import PAGE_TAIL, page_head
        missing = []
        if self.manifest is not None:
            missing = self.manifest.missing({it.agency for it in self.items if it.reviewed})
        for m in missing:
            self.book.missing(m)
        categories = [(name, self.categories.get(name, 0)) for name in category_names()]
        top = [(code, self.summaries[code], n, self.problem_reports[code])
               for code, n in sorted(self.problems.items(), key=lambda kv: (-kv[1], kv[0]))[:10]]
        self.html_part.close()
        self.json_part.close()
        html_path = os.path.join(self.outdir, HTML_NAME)
        part = os.path.join(self.outdir, f".{HTML_NAME}.part")
        with open(html_path, "w", encoding="utf-8") as out:
            out.write(page_head(self.items, missing, categories, top, self.total_findings))
            out.write('<h2 class="noprint">各单位审查结果</h2>\n')
            with open(part, encoding="utf-8") as fh:
                shutil.copyfileobj(fh, out)
            out.write(PAGE_TAIL)
        os.remove(part)
        xlsx_path = os.path.join(self.outdir, XLSX_NAME)
        self.book.save(xlsx_path)
        json_path = os.path.join(self.outdir, JSON_NAME)
        part = os.path.join(self.outdir, f".{JSON_NAME}.part")
        reviewed = [it for it in self.items if it.reviewed]
        head = {
            "schema": "nianbao-review", "schema_version": SCHEMA_VERSION, "tool": "nianbao", "version": __version__,
            "summary": {"files": len(self.items), "reviewed": len(reviewed),
                        "with_errors": sum(1 for it in reviewed if it.status == STATUS_ERROR),
                        "with_warnings": sum(1 for it in reviewed if it.status == STATUS_WARNING),
                        "passed": sum(1 for it in reviewed if it.status == STATUS_PASS),
                        "unreadable": sum(1 for it in self.items if it.status == STATUS_UNREADABLE),
                        "skipped": sum(1 for it in self.items if it.status == STATUS_SKIPPED),
                        "missing": len(missing), "findings": self.total_findings},
            "categories": dict(categories),
            "top_problems": [{"rule": c, "name": s, "count": n, "reports": r} for c, s, n, r in top],
            "missing": [{"agency": m.agency, "level": m.level, "parent": m.parent, "file": m.file} for m in missing],
        }
        text = json.dumps(head, ensure_ascii=False, indent=2)
        with open(json_path, "w", encoding="utf-8") as out:
            out.write(text[:-2] + ',\n  "reports": [\n')
            with open(part, encoding="utf-8") as fh:
                shutil.copyfileobj(fh, out)
            out.write("\n  ]\n}\n")
        os.remove(part)
        lists = sum(1 for it in self.items if it.rectification)
        written = [html_path, xlsx_path]
        if lists:
            written.append(os.path.join(self.outdir, DOCX_DIR) + f"{os.sep}（{lists} 份整改清单）")
        written.append(json_path)
        return written


def cmd_review(args) -> int:
    from ...batch import EXIT_INTERRUPTED, Configs, _split, config_errors, expand, last_rules, run
    from ...engine import fails
    from ...load import set_limits
    from ...yamlio import ConfigError
    from .record import Context, data_columns
    set_limits(args.max_size, args.timeout, args.max_memory)
    configs = Configs(args.config, _split(args.select), _split(args.ignore))
    try:
        if args.config:
            configs.for_path(os.curdir)
        entries = expand(args.paths, configs, _split(args.exclude))
        own = os.path.abspath(args.output) + os.sep  # never review the review's own outputs
        entries = [e for e in entries if not os.path.abspath(e.path).startswith(own)]
        entries = config_errors(entries, configs)  # a broken config: its files get the error
        rulesets = {}
        for e in entries:
            if e.note is None:
                cfg, rs = configs.for_path(e.path)
                rulesets[id(rs)] = (cfg, rs)
        base_rs = last_rules(entries, configs)
    except ConfigError as exc:
        sys.stderr.write(f"nianbao: 配置错误：{exc}\n")
        return 2
    manifest = None
    if args.manifest:
        try:
            manifest = Manifest(read_manifest(args.manifest))
        except ManifestError as exc:
            sys.stderr.write(f"nianbao: 单位名单错误：{exc}\n")
            return 2
    if not entries:
        sys.stderr.write("nianbao: 警告：没有找到可审查的报告文件（目录中只检查 .txt .md .pdf .docx .html .htm）\n")
    summaries = {}
    for _cfg, rs in list(rulesets.values()) + [(None, base_rs)]:
        for r in rs.rules:
            summaries.setdefault(r.code, r.summary)
    try:
        os.makedirs(args.output, exist_ok=True)
    except OSError as exc:
        sys.stderr.write(f"nianbao: 无法创建输出文件夹 {args.output}（{exc.strerror or exc}）\n")
        return 2
    old = os.path.join(args.output, DOCX_DIR)
    if os.path.isdir(old):  # lists of an earlier run would mix with this one's
        shutil.rmtree(old)
    writer = ReviewWriter(args.output, data_columns(base_rs.template), manifest, summaries)
    interrupted, any_error, any_fail = False, False, False
    try:
        for o in run(entries, configs, args.jobs, want_record=Context(manifest), label="审查"):
            writer.add(o)
            any_error = any_error or (o.error is not None)
            if o.findings and not o.error:
                cfg = configs.for_path(o.path)[0]
                any_fail = any_fail or fails(o.findings, cfg.fail_on or "error")
    except KeyboardInterrupt:
        interrupted = True
    written = writer.close()
    items = writer.items
    reviewed = sum(1 for it in items if it.reviewed)
    sys.stdout.write(f"审查了 {reviewed} 份报告（共 {len(items)} 个文件），发现问题 {writer.total_findings} 个。已写入：\n")
    for p in written:
        sys.stdout.write(f"  {p}\n")
    sys.stdout.flush()
    if interrupted:
        sys.stderr.write(f"nianbao: 已中断（完成 {len(items)} 个文件，结果已写入）\n")
        return EXIT_INTERRUPTED
    if any_error:
        return 2
    return 1 if any_fail else 0
