"""The batch runner shared by ``nianbao check`` and ``nianbao review``.

* **Walk**: the paths given, folders recursed over every format nianbao reads,
  in a stable order.  Only regular files are read: a pipe or device met in a
  folder is skipped with a note, one named explicitly is an input error.  A
  subfolder that cannot be listed is reported, ``.doc``/``.wps`` files are
  listed with the advice to save them as .docx, and ``exclude`` /
  ``extend-exclude`` (configuration) and ``--exclude`` (command line) globs
  leave paths out.
* **Run**: each file is loaded, parsed and checked in a worker process
  (``--jobs``, default all cores) and only its findings (plus, for review, the
  small record the review needs) come back, in input order, so the output does
  not depend on the number of workers and memory does not grow with the
  parsed documents.  A file found in a folder that is not a report at all (no
  title, no section heading, no template table: a README, meeting notes) is
  skipped with one line instead of six missing-heading errors; a file named
  explicitly is always checked.
* **Interrupt**: Ctrl-C stops the workers; what finished is still returned and
  the command exits 130.
"""

from __future__ import annotations

import fnmatch
import os
import signal
import stat
import sys
from dataclasses import dataclass

from .load import CHECKED_SUFFIXES, InputError
from .yamlio import ConfigError

#: suffixes of legacy Word / WPS files: listed, never read
LEGACY_SUFFIXES = (".doc", ".wps")
DEFAULT_EXCLUDE = (".*",)
EXIT_INTERRUPTED = 130


@dataclass
class Entry:
    """One item of a walk: a file to check, or a note about a path not checked.

    ``note`` is None for a file to check; otherwise (code, message, is_error):
    an error makes the run exit 2 (an unreadable folder, a .doc), a plain note
    does not (a pipe met in a folder).
    """

    path: str
    note: tuple = None
    walked: bool = False  # found in a folder (a non-report is skipped), not named


# ---------------------------------------------------------------------------
# configuration per file


class Configs:
    """Rule sets by configuration file (discovered per checked file, cached)."""

    def __init__(self, forced: str | None, select=None, ignore=None):
        self.forced, self.select, self.ignore = forced, select, ignore
        self.cache = {}
        self.dir_cache = {}
        self.reported = set()  # configuration errors already written to stderr

    def config_path(self, path: str) -> str:
        from .config import discover
        if self.forced:
            return self.forced
        if path == "-":
            d = os.getcwd()
        elif os.path.isdir(path):
            d = os.path.abspath(path)
        else:
            d = os.path.dirname(os.path.abspath(path))
        if d not in self.dir_cache:
            try:
                self.dir_cache[d] = discover(d)
            except ConfigError as exc:  # a broken pyproject.toml on the way up
                self.dir_cache[d] = exc
        found = self.dir_cache[d]
        if isinstance(found, ConfigError):
            raise found
        return found

    def for_path(self, path: str):
        """(Config, RuleSet) governing ``path``; raises ConfigError (remembered: every
        file under a broken configuration gets its error, read once)."""
        from .config import Config, read_config, resolve
        cfg_path = self.config_path(path)
        if cfg_path not in self.cache:
            try:
                cfg = read_config(cfg_path) if cfg_path else Config()
                self.cache[cfg_path] = (cfg, resolve(cfg, self.select, self.ignore))
            except ConfigError as exc:
                self.cache[cfg_path] = exc
        found = self.cache[cfg_path]
        if isinstance(found, ConfigError):
            raise found
        return found


# ---------------------------------------------------------------------------
# the walk


def _excluded(rel: str, name: str, patterns) -> bool:
    return any(fnmatch.fnmatchcase(name, p) or fnmatch.fnmatchcase(rel, p)
               or fnmatch.fnmatchcase(rel, p.rstrip("/") + "/*") for p in patterns)


def exclude_patterns(cfg, cli_exclude) -> tuple:
    base = tuple(cfg.exclude) if getattr(cfg, "exclude", None) is not None else DEFAULT_EXCLUDE
    return base + tuple(getattr(cfg, "extend_exclude", ()) or ()) + tuple(cli_exclude or ())


def _walk_error(path: str, exc: OSError) -> Entry:
    return Entry(path, ("unreadable-folder",
                        f"{path}：无法读取此文件夹（{exc.strerror or exc}），其中的报告没有检查", True))


def walk(root: str, patterns) -> list:
    """Entries under folder ``root`` in sorted order (iterative, no recursion)."""
    out = []
    stack = [(root, "")]
    try:
        st = os.stat(root)
        seen = {(st.st_dev, st.st_ino)}  # folders walked: a symbolic link back up is not followed again
    except OSError:
        seen = set()
    while stack:
        folder, rel_folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                items = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            out.append(_walk_error(folder, exc))
            continue
        files, subdirs = [], []
        for e in items:
            rel = f"{rel_folder}{e.name}"
            if _excluded(rel, e.name, patterns):
                continue
            path = os.path.join(folder, e.name)
            try:
                st = e.stat()  # follows symlinks
            except OSError:
                if e.is_symlink():
                    continue  # a dangling link: nothing to read
                files.append(Entry(path, ("read-error", f"{path}：无法读取", True)))
                continue
            if stat.S_ISDIR(st.st_mode):
                if (st.st_dev, st.st_ino) not in seen:
                    seen.add((st.st_dev, st.st_ino))
                    subdirs.append((path, rel + "/"))
                continue
            lower = e.name.lower()
            if lower.endswith(LEGACY_SUFFIXES):
                kind = "WPS" if lower.endswith(".wps") else "旧版 Word（.doc）"
                files.append(Entry(path, ("legacy-doc", f"{path}：{kind}文件无法检查，"
                                          "请用 Word 或 WPS 另存为 .docx 后再检查", True)))
            elif lower.endswith(CHECKED_SUFFIXES):
                if stat.S_ISREG(st.st_mode):
                    files.append(Entry(path, walked=True))
                else:
                    files.append(Entry(path, ("not-regular-file",
                                              f"{path}：不是普通文件（管道或设备），已跳过", False)))
        out.extend(files)
        stack.extend(subdirs)
    out.sort(key=lambda e: e.path)  # the order of the paths, as a listing shows them
    return out


def expand(paths, configs: Configs, cli_exclude=None) -> list:
    """Entries for the paths given on the command line, in order."""
    out = []
    for p in paths:
        if p == "-":
            out.append(Entry(p))
            continue
        try:
            st = os.stat(p)
        except OSError:
            out.append(Entry(p))  # the loader says why (not found, permission)
            continue
        if stat.S_ISDIR(st.st_mode):
            try:
                cfg = configs.for_path(p)[0]
            except ConfigError:  # its files get the error (config_errors); walk with the defaults
                cfg = None
            out.extend(walk(p, exclude_patterns(cfg, cli_exclude)))
        elif not stat.S_ISREG(st.st_mode):
            out.append(Entry(p, ("not-regular-file",
                                 f"{p}：不是普通文件（管道、设备或套接字），无法作为报告读取", True)))
        else:
            out.append(Entry(p))
    return out


# ---------------------------------------------------------------------------
# checking one file (in a worker or in process)


@dataclass
class Outcome:
    """What comes back from checking one file (small and picklable)."""

    path: str
    findings: list
    error: tuple = None  # (code, message)
    skipped: tuple = None  # (code, message): not a report / not a regular file
    record: object = None  # review.Record when the review asked for it
    previous: str = None  # the previous year's report it was compared with (issue 10)


_SUBJECT = ("信息公开", "信息公開", "资讯公开", "資訊公開")


def looks_like_report(report) -> bool:
    """A file is a report when it has a title, a section heading or a template
    table, or speaks of 信息公开 at all (a report whose headings could not be
    read is still reviewed, never skipped)."""
    if report.title is not None or report.accepted_headings():
        return True
    if any(t.found for t in report.tables.values()):
        return True
    head = "".join(ln.text for ln in report.doc.lines[:200])
    return any(w in head for w in _SUBJECT)


NOT_A_REPORT = "没有标题、章节标题或统计表，不像政府信息公开工作年度报告，已跳过"


def check_one(path: str, ruleset, want_record=None, data: bytes | None = None,
              skip_non_report: bool = True, previous: str | None = None) -> Outcome:
    from .engine import check_parsed
    from .load import load_bytes, load_path
    from .parse import parse
    try:
        if path == "-":
            from .load import read_stdin
            doc = load_bytes(read_stdin() if data is None else data, "-", "markdown")
        else:
            doc = load_path(path)
        report = parse(doc, ruleset.template)
        if skip_non_report and not looks_like_report(report):
            return Outcome(path, [], skipped=("not-a-report", f"{path}：{NOT_A_REPORT}"))
        report.previous = parse(load_path(previous), ruleset.template) if previous else None
        findings = check_parsed(report, ruleset)
        record = None
        if want_record:
            from .report.review.record import make_record
            record = make_record(report, findings, ruleset, want_record)
        return Outcome(path, findings, record=record, previous=previous)
    except InputError as exc:
        return Outcome(path, [], error=(exc.code, exc.message))
    except Exception as exc:  # never crash a batch on one file
        return Outcome(path, [], error=(
            "internal-error", f"{path}：nianbao 内部错误（{type(exc).__name__}: {exc}），请报告此问题"))


_WORKER = {}


def _init_worker(forced, select, ignore, want_record, forked):
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    if not (forked and "configs" in _WORKER):  # a forked worker inherits the parent's loaded rule sets
        _WORKER["configs"] = Configs(forced, select, ignore)
    _WORKER["want"] = want_record


def _work(item) -> Outcome:
    path, walked, previous = item
    _cfg, ruleset = _WORKER["configs"].for_path(path)
    return check_one(path, ruleset, _WORKER["want"], skip_non_report=walked, previous=previous)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class _Progress:
    """A rich progress bar on standard error when it is a terminal; else nothing."""

    def __init__(self, label: str):
        self.label = label
        self.bar = None

    def start(self, total: int) -> None:
        if total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
            # never redirect standard output through the bar: the findings go there
            self.bar = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                console=Console(file=sys.stderr), transient=True,
                                redirect_stdout=False, redirect_stderr=False)
            self.task = self.bar.add_task(self.label, total=total)
            self.bar.start()

    def advance(self):
        if self.bar:
            self.bar.advance(self.task)

    def close(self):
        if self.bar:
            self.bar.stop()
            self.bar = None


WORKER_DIED = "{path}：检查此文件的进程意外退出（可能是内存不足或读取库崩溃），此文件没有检查；请报告此问题"


class _Pool:
    """Workers checking files in input order.

    A worker that dies (killed for memory, a crash in a reading library) loses
    only its own file: the pool is rebuilt, the file it was checking is tried
    once more alone, and if that worker dies too the file is reported as an
    internal error.  Every other file is checked as usual, so the output stays
    the same whatever the number of workers.
    """

    def __init__(self, todo: list, jobs: int, initargs: tuple, ctx):
        self.todo, self.jobs, self.initargs, self.ctx = todo, jobs, initargs, ctx
        self.ex = None

    def _executor(self, jobs: int):
        from concurrent.futures import ProcessPoolExecutor
        return ProcessPoolExecutor(jobs, mp_context=self.ctx, initializer=_init_worker, initargs=self.initargs)

    def _alone(self, item) -> Outcome:
        from concurrent.futures.process import BrokenProcessPool
        ex = self._executor(1)
        try:
            return ex.submit(_work, item).result()
        except BrokenProcessPool:
            return Outcome(item[0], [], error=("internal-error", WORKER_DIED.format(path=item[0])))
        finally:
            ex.shutdown(wait=True)

    def results(self):
        from collections import deque
        from concurrent.futures.process import BrokenProcessPool
        i, n = 0, len(self.todo)
        while i < n:
            self.ex = self._executor(self.jobs)
            window, j = deque(), i
            broken = False
            while i < n and not broken:
                try:
                    while j < n and len(window) < self.jobs * 4:  # a few files ahead per worker, not all
                        window.append(self.ex.submit(_work, self.todo[j]))
                        j += 1
                    out = window.popleft().result() if window else None
                except BrokenProcessPool:
                    out = None
                if out is None:  # a worker died: the file it was checking is tried alone
                    broken = True
                    out = self._alone(self.todo[i])
                yield out
                i += 1
            self.close(kill=broken)

    def close(self, kill: bool = False) -> None:
        ex, self.ex = self.ex, None
        if ex is None:
            return
        if kill:  # stop at once: the workers' processes, then the executor
            for proc in list((getattr(ex, "_processes", None) or {}).values()):
                try:
                    proc.terminate()
                except Exception:  # pragma: no cover - already gone
                    pass
        ex.shutdown(wait=True, cancel_futures=True)


def run(entries, configs: Configs, jobs: int, want_record=None, label: str = "检查", pairs=None):
    """Yield an Outcome per entry, in order (notes turned into outcomes).

    ``want_record``: None, or what the review's records need besides the
    report (:class:`.report.review.record.Context`; picklable, sent to the workers).

    Raises KeyboardInterrupt after yielding everything that finished when the
    user pressed Ctrl-C (the caller writes it out and exits 130).
    """
    pairs = pairs or {}
    todo = [(e.path, e.walked, pairs.get(e.path)) for e in entries if e.note is None and e.path != "-"]
    jobs = max(1, min(jobs or default_jobs(), len(todo)))
    pool = results = first = None
    progress = _Progress(label)
    try:
        if jobs > 1:
            import multiprocessing as mp
            forked = "fork" in mp.get_all_start_methods()
            ctx = mp.get_context("fork") if forked else mp.get_context()
            for e in entries:  # load every rule set once, before the workers are forked
                if e.note is None and e.path != "-":
                    configs.for_path(e.path)
            _WORKER["configs"] = configs
            pool = _Pool(todo, jobs, (configs.forced, configs.select, configs.ignore, want_record, forked), ctx)
            results = pool.results()
            first = next(results)  # the workers start before the progress bar's thread does
        progress.start(len(entries))  # once the workers have started (they fork before its thread exists)
        for e in entries:
            if e.note is not None:
                code, message, is_error = e.note
                out = (Outcome(e.path, [], error=(code, message)) if is_error
                       else Outcome(e.path, [], skipped=(code, message)))
            elif e.path == "-":
                out = check_one("-", configs.for_path("-")[1], want_record, None,
                                skip_non_report=False, previous=pairs.get("-"))
            elif results is not None:
                out, first = (first, None) if first is not None else (next(results), None)
            else:
                out = check_one(e.path, configs.for_path(e.path)[1], want_record, skip_non_report=e.walked,
                                previous=pairs.get(e.path))
            progress.advance()
            yield out
    except KeyboardInterrupt:
        if pool is not None:
            pool.close(kill=True)
            pool = None
        raise
    finally:
        progress.close()
        if pool is not None:
            pool.close()


def to_file_result(o: Outcome):
    from .report import FileResult
    return FileResult(o.path, o.findings, error=InputError(*o.error) if o.error else None,
                      skipped=InputError(*o.skipped) if o.skipped else None, previous=o.previous)


# ---------------------------------------------------------------------------
# nianbao check


def _split(values):
    if not values:
        return None
    out = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def terminal_width():
    """Columns to fit human output to: $COLUMNS, else the terminal's width;
    None when writing to a pipe or file (nothing is cut there)."""
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        if sys.stdout.isatty():
            return os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError, AttributeError):
        pass
    return None


def pairs_for(paths: list, previous, configs: Configs) -> dict:
    """{path: previous year's report} for the previous-year rules (``--previous``, or
    reports of one agency a year apart in the batch)."""
    if previous:
        return {paths[0]: previous}
    if len(paths) < 2:
        return {}
    from .pairing import pair_paths
    ruleset = configs.for_path(paths[0])[1]
    if not any(r.enabled and r.tags and "previous-year" in r.tags for r in ruleset.rules):
        return {}
    return pair_paths(paths, ruleset.template)


def config_errors(entries: list, configs: Configs) -> list:
    """Configuration errors before any work, per folder: a file under a broken
    configuration becomes that error (written once to stderr); the rest is checked."""
    from .config import config_failure
    from .yamlio import ConfigError
    out = []
    for e in entries:
        if e.note is None:
            try:
                configs.for_path(e.path)
            except ConfigError as exc:
                failed = config_failure(e.path, exc, configs.reported)
                e = Entry(e.path, (failed.error.code, failed.error.message, True), e.walked)
        out.append(e)
    return out


def last_rules(entries: list, configs: Configs):
    """The rule set to describe rules with in the output (SARIF): the last checked file's."""
    from .config import Config, resolve
    from .yamlio import ConfigError
    for e in reversed(entries):
        if e.note is None:
            return configs.for_path(e.path)[1]
    try:
        return configs.for_path(os.curdir)[1]
    except ConfigError:
        return resolve(Config())


def cmd_check(args) -> int:
    from .load import set_limits
    set_limits(args.max_size, args.timeout, args.max_memory)
    from .engine import fails
    from .report import render
    from .yamlio import ConfigError
    if args.statistics and args.format not in ("human", "json"):
        sys.stderr.write("nianbao: 参数错误：--statistics 只能与 --format human 或 json 同用\n")
        return 2
    configs = Configs(args.config, _split(args.select), _split(args.ignore))
    results, fail_levels = [], []
    try:
        if args.config:
            configs.for_path(os.curdir)
        entries = expand(args.paths, configs, _split(args.exclude))
        if args.list_files:
            for e in entries:
                if e.note is None:
                    sys.stdout.write(e.path + "\n")
                else:
                    sys.stderr.write(f"nianbao: {e.note[1]}\n")
            return 2 if any(e.note and e.note[2] for e in entries) else 0
        entries = config_errors(entries, configs)
        last_ruleset = last_rules(entries, configs)
        paths = [e.path for e in entries if e.note is None]
        if args.previous and len(paths) != 1:
            sys.stderr.write("nianbao: 参数错误：--previous 只能与一份报告一起使用"
                             "（检查多份报告时，同一批中的报告按机关名称和年份自动配对）\n")
            return 2
        pairs = pairs_for(paths, args.previous, configs)
    except ConfigError as exc:
        sys.stderr.write(f"nianbao: 配置错误：{exc}\n")
        return 2
    interrupted = False
    try:
        for o in run(entries, configs, args.jobs, pairs=pairs):
            res = to_file_result(o)
            results.append(res)
            if o.error is None and o.skipped is None:
                cfg = configs.for_path(o.path)[0]
                fail_levels.append((res, args.fail_on or cfg.fail_on or "error"))
    except KeyboardInterrupt:
        interrupted = True
    from . import baseline
    try:
        if args.write_baseline and not interrupted:
            n = baseline.write(args.write_baseline, results)
            sys.stderr.write(f"nianbao: 已把 {n} 个问题写入基线 {args.write_baseline}\n")
        elif args.baseline:
            gone = baseline.apply(args.baseline, results)
            if gone and not interrupted:
                sys.stderr.write(f"nianbao: 基线中有 {gone} 个问题已不再出现，"
                                 f"可用 --write-baseline {args.baseline} 重写基线\n")
    except ConfigError as exc:
        sys.stderr.write(f"nianbao: 配置错误：{exc}\n")
        return 2
    if not results and not interrupted:
        sys.stderr.write("nianbao: 警告：没有找到可检查的报告文件"
                         "（目录中只检查 .txt .md .pdf .docx .html .htm）\n")
    to_file = bool(args.output_file)
    color = args.color == "always" or (args.color == "auto" and not to_file and sys.stdout.isatty()
                                       and not os.environ.get("NO_COLOR"))
    if args.statistics:
        from .report.statistics import render_statistics
        out = render_statistics(results, args.format)
    else:
        out = render(args.format, results, last_ruleset, color=color and args.format == "human",
                     width=None if to_file else terminal_width())
    if to_file:
        try:
            with open(args.output_file, "w", encoding="utf-8", newline="") as fh:
                fh.write(out)
        except OSError as exc:
            sys.stderr.write(f"nianbao: 无法写入输出文件 {args.output_file}（{exc.strerror or exc}）\n")
            return 2
    else:
        sys.stdout.write(out)
        sys.stdout.flush()
    if interrupted:
        sys.stderr.write(f"nianbao: 已中断（完成 {len(results)} 个文件）\n")
        return EXIT_INTERRUPTED
    if any(r.error for r in results):
        return 2
    if args.write_baseline:
        return 0
    if not args.exit_zero and any(fails(r.findings, lvl) for r, lvl in fail_levels):
        return 1
    return 0
