"""Native parsers (pdfium for PDF, lxml for Word) run in a worker process.

A hostile PDF can make pdfium abort the process, run for hours or take
gigabytes; a hostile Word file can inflate to gigabytes of XML.  So the
loaders for those formats run in a worker process made with ``fork()`` (it
shares the parent's already-imported code), under an address-space limit
(``RLIMIT_AS``), with a wall-clock deadline kept by the parent.  The worker
stays up for the next file (a file costs a pipe round trip, not a fork):
the file's bytes go in, the loaded Document comes back, pickled.  A worker
that dies, overruns its time, or runs out of memory becomes an input error
for that one file; the next file gets a fresh worker, and the batch goes on.

Where ``fork`` is not available (Windows) the loader runs in-process.
"""

from __future__ import annotations

import atexit
import os
import select
import signal
import struct
import time

from .errors import InputError

#: defaults; the command line can change them (see :func:`set_limits`)
DEFAULT_MAX_SIZE_MB = 100
DEFAULT_TIMEOUT_S = 60.0
DEFAULT_MEMORY_MB = 768


class Limits:
    max_size = DEFAULT_MAX_SIZE_MB * 1024 * 1024  # bytes of one input file
    timeout = DEFAULT_TIMEOUT_S  # seconds for reading one PDF / Word file
    memory = DEFAULT_MEMORY_MB * 1024 * 1024  # bytes of address space for that reader


LIMITS = Limits()

_KIND_NAMES = {"pdf": "PDF ", "docx": "Word 文件", "html": "网页", "text": "文件", "markdown": "文件"}


def set_limits(max_size_mb=None, timeout_s=None, memory_mb=None) -> None:
    """Change the budgets (None keeps the current value)."""
    if max_size_mb is not None:
        LIMITS.max_size = int(max_size_mb * 1024 * 1024)
    if timeout_s is not None:
        LIMITS.timeout = float(timeout_s)
    if memory_mb is not None:
        LIMITS.memory = int(memory_mb * 1024 * 1024)


def can_fork() -> bool:
    return hasattr(os, "fork") and os.environ.get("NIANBAO_NO_ISOLATE", "") == ""


#: a worker reads this many files, then is replaced (its heap only grows)
MAX_JOBS = 200


def _write_msg(fd: int, obj) -> None:
    import pickle  # here: text reports never need it, and it costs the start-up
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(struct.pack("<Q", len(payload)) + payload)
    while view:
        n = os.write(fd, view[:1 << 20])
        view = view[n:]


def _read_exact(fd: int, n: int, deadline) -> bytes:
    """``n`` bytes from ``fd``; EOFError at end of file, TimeoutError past
    ``deadline`` (a time.monotonic() value, or None to wait for ever)."""
    chunks, left = [], n
    while left:
        if deadline is not None:
            wait = deadline - time.monotonic()
            if wait <= 0:
                raise TimeoutError()
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                continue
        block = os.read(fd, min(left, 1 << 20))
        if not block:
            raise EOFError()
        chunks.append(block)
        left -= len(block)
    return b"".join(chunks)


def _unpickling_error():
    import pickle
    return pickle.UnpicklingError


def _read_msg(fd: int, deadline=None):
    import pickle
    (size,) = struct.unpack("<Q", _read_exact(fd, 8, deadline))
    return pickle.loads(_read_exact(fd, size, deadline))


def _serve(rfd: int, wfd: int) -> None:
    """The worker's loop (in the forked child): read (fn, args), answer with
    the outcome; leave at end of input, after running out of memory, or
    when its heap has grown past half its limit.  Never returns."""
    code = 0
    try:
        limit = 0
        try:
            import resource
            if LIMITS.memory > 0:
                limit = LIMITS.memory + _address_space()
                resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):
            pass
        # native libraries (and pdfminer's logging) write warnings to stderr:
        # they are not nianbao's output; nor does the worker keep the
        # parent's output pipes open
        try:
            devnull = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(devnull, fd)
            os.close(devnull)
        except OSError:
            pass
        # Ctrl-C reaches the whole process group: the parent stops the worker
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:  # a native crash here is reported by the parent, not dumped on the terminal
            import faulthandler
            faulthandler.disable()
        except (ImportError, RuntimeError):
            pass
        while True:
            try:
                fn, args = _read_msg(rfd)
            except EOFError:
                break
            retire = False
            try:
                result = ("ok", fn(*args))
            except InputError as exc:
                result = ("input", exc.code, exc.message)
            except MemoryError:
                result, retire = ("memory",), True
            except RecursionError:
                result = ("complex",)
            except BaseException as exc:  # noqa: BLE001 - reported as an internal error
                result = ("error", type(exc).__name__, str(exc)[:500])
            args = fn = None
            if limit and _address_space() * 2 > limit:
                retire = True
            try:
                _write_msg(wfd, (retire,) + result)
            except MemoryError:
                _write_msg(wfd, (True, "memory"))
                retire = True
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                _write_msg(wfd, (False, "error", type(exc).__name__, str(exc)[:500]))
            if retire:
                break
    except BaseException:  # noqa: BLE001
        code = 70
    finally:
        os._exit(code)


class _Worker:
    """A forked worker process and its two pipes."""

    def __init__(self):
        req_r, req_w = os.pipe()
        res_r, res_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child leaves through os._exit
            os.close(req_w)
            os.close(res_r)
            _serve(req_r, res_w)
        os.close(req_r)
        os.close(res_w)
        self.pid, self.wfd, self.rfd = pid, req_w, res_r
        self.owner = os.getpid()
        self.memory = LIMITS.memory
        self.jobs = 0

    def close(self, kill: bool) -> int:
        """Stop the worker (at once when ``kill``) and return its wait status."""
        for fd in (self.wfd, self.rfd):
            try:
                os.close(fd)
            except OSError:
                pass
        if kill:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            return os.waitpid(self.pid, 0)[1]
        except ChildProcessError:
            return 0


_WORKER = None


def _worker() -> _Worker:
    """The worker of this process, started (again) when needed."""
    global _WORKER
    w = _WORKER
    if w is not None and w.owner != os.getpid():
        # inherited through a fork (a --jobs pool): not ours to talk to
        for fd in (w.wfd, w.rfd):
            try:
                os.close(fd)
            except OSError:
                pass
        w = _WORKER = None
    if w is not None and (w.memory != LIMITS.memory or w.jobs >= MAX_JOBS):
        w.close(kill=False)
        w = _WORKER = None
    if w is None:
        w = _WORKER = _Worker()
    return w


def _stop_worker() -> None:
    global _WORKER
    if _WORKER is not None and _WORKER.owner == os.getpid():
        _WORKER.close(kill=False)
    _WORKER = None


atexit.register(_stop_worker)


def _address_space() -> int:
    """Current virtual size of this process in bytes (0 when unknown): the
    limit is on top of what the process already maps."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _too_complex(path: str, fmt: str, why: str) -> InputError:
    """The input error for a worker that ran out of ``why``: 时间, 内存 or 资源."""
    name = _KIND_NAMES.get(fmt, "文件")
    hint = ""
    if why == "时间":
        hint = f"（{LIMITS.timeout:g} 秒；可用 --timeout 调整）"
    elif why == "内存":
        hint = f"（{LIMITS.memory // (1024 * 1024)} MB；可用 --max-memory 调整）"
    elif why == "资源":
        hint = "（读取进程异常退出：内存不足或文件损坏）"
    return InputError("too-complex", f"{path}：{name}过于复杂，无法在限定{why}内读取{hint}")


def run_isolated(fn, args: tuple, path: str, fmt: str):
    """``fn(*args)`` in the worker process, under the memory and time limits.

    ``fn`` must be a module-level function (it is pickled by name).  Returns
    what ``fn`` returns; an InputError raised by ``fn`` is raised again here;
    a worker that dies, overruns or runs out of memory raises
    InputError("too-complex"), and the next call starts a fresh worker.
    """
    global _WORKER
    if not can_fork():
        try:
            return fn(*args)
        except MemoryError:
            raise _too_complex(path, fmt, "内存") from None
        except RecursionError:
            raise _too_complex(path, fmt, "资源") from None
    w = _worker()
    try:
        _write_msg(w.wfd, (fn, args))
    except BrokenPipeError:  # it had left (or died) since its last answer
        w.close(kill=True)
        w = _WORKER = _Worker()
        _write_msg(w.wfd, (fn, args))
    w.jobs += 1
    deadline = time.monotonic() + LIMITS.timeout if LIMITS.timeout > 0 else None
    outcome = None
    try:
        outcome = _read_msg(w.rfd, deadline)
    except TimeoutError:
        _WORKER = None
        w.close(kill=True)
        raise _too_complex(path, fmt, "时间") from None
    except (EOFError, _unpickling_error(), struct.error):
        _WORKER = None
        w.close(kill=True)
        raise _too_complex(path, fmt, "资源") from None
    finally:
        if outcome is None and _WORKER is w:  # interrupted (Ctrl-C): stop the worker
            _WORKER = None
            w.close(kill=True)
    retire, tag, rest = outcome[0], outcome[1], outcome[2:]
    if retire:
        _WORKER = None
        w.close(kill=False)
    if tag == "ok":
        return rest[0]
    if tag == "input":
        raise InputError(rest[0], rest[1])
    if tag == "memory":
        raise _too_complex(path, fmt, "内存")
    if tag == "complex":
        raise _too_complex(path, fmt, "资源")
    raise InputError("internal-error",
                     f"{path}：nianbao 内部错误（{rest[0]}: {rest[1]}），请报告此问题")
