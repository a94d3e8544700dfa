"""Native parsers (pdfium for PDF, lxml for Word) run in a forked worker.

A hostile PDF can make pdfium abort the process, run for hours or take
gigabytes; a hostile Word file can inflate to gigabytes of XML.  So the
loaders for those formats run in a child process made with ``fork()``
(a few milliseconds: the child shares the parent's already-imported code),
under an address-space limit (``RLIMIT_AS``) and a wall-clock deadline.  The
child sends the loaded Document back through a pipe, pickled.  A child that
dies, overruns its time, or runs out of memory becomes an input error for that
one file, and the batch goes on.

Where ``fork`` is not available (Windows) the loader runs in-process.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
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


def _child(fn, args, wfd: int) -> None:
    """Run in the forked child: never returns."""
    code = 0
    try:
        try:
            import resource
            if LIMITS.memory > 0:
                soft = LIMITS.memory + _address_space()
                resource.setrlimit(resource.RLIMIT_AS, (soft, soft))
            if LIMITS.timeout > 0:  # a CPU backstop; the parent's deadline comes first
                cpu = int(LIMITS.timeout) + 5
                resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        except (ImportError, ValueError, OSError):
            pass
        # native libraries (and pdfminer's logging) write warnings to stderr:
        # they are not nianbao's output
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)
            os.close(devnull)
        except OSError:
            pass
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        try:  # a native crash here is reported by the parent, not dumped on the terminal
            import faulthandler
            faulthandler.disable()
        except (ImportError, RuntimeError):
            pass
        try:
            result = ("ok", fn(*args))
        except InputError as exc:
            result = ("input", exc.code, exc.message)
        except MemoryError:
            result = ("memory",)
        except RecursionError:
            result = ("complex",)
        except BaseException as exc:  # noqa: BLE001 - reported as an internal error
            result = ("error", type(exc).__name__, str(exc)[:500])
        try:
            payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            payload = pickle.dumps(("memory",))
        except Exception as exc:  # noqa: BLE001
            payload = pickle.dumps(("error", type(exc).__name__, str(exc)[:500]))
        view = memoryview(payload)
        while view:
            n = os.write(wfd, view[:1 << 20])
            view = view[n:]
    except BaseException:  # noqa: BLE001
        code = 70
    finally:
        os._exit(code)


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
    """``fn(*args)`` in a forked worker under the memory and time limits.

    Returns what ``fn`` returns; an InputError raised by ``fn`` is raised
    again here; a worker that dies, overruns or runs out of memory raises
    InputError("too-complex").
    """
    if not can_fork():
        try:
            return fn(*args)
        except MemoryError:
            raise _too_complex(path, fmt, "内存") from None
        except RecursionError:
            raise _too_complex(path, fmt, "资源") from None
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child leaves through os._exit
        os.close(rfd)
        _child(fn, args, wfd)
    os.close(wfd)
    chunks = []
    timed_out = False
    reaped = False
    try:
        deadline = time.monotonic() + LIMITS.timeout if LIMITS.timeout > 0 else None
        while True:
            wait = None if deadline is None else deadline - time.monotonic()
            if wait is not None and wait <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([rfd], [], [], wait)
            if not ready:
                continue
            block = os.read(rfd, 1 << 20)
            if not block:
                break
            chunks.append(block)
        if timed_out:
            _kill(pid)
        _pid, status = os.waitpid(pid, 0)
        reaped = True
    finally:
        os.close(rfd)
        if not reaped:
            _kill(pid)
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
    if timed_out:
        raise _too_complex(path, fmt, "时间")
    try:
        result = pickle.loads(b"".join(chunks)) if chunks else None
    except Exception:  # noqa: BLE001 - a worker killed mid-write
        result = None
    if result is None:
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
            raise _too_complex(path, fmt, "时间")
        raise _too_complex(path, fmt, "资源")
    tag = result[0]
    if tag == "ok":
        return result[1]
    if tag == "input":
        raise InputError(result[1], result[2])
    if tag == "memory":
        raise _too_complex(path, fmt, "内存")
    if tag == "complex":
        raise _too_complex(path, fmt, "资源")
    raise InputError("internal-error",
                     f"{path}：nianbao 内部错误（{result[1]}: {result[2]}），请报告此问题")


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
