"""The one place where errors become messages on stderr and exit codes.

- `guard`: around every command (the app's group runs each one inside it):
  this project's errors, a closed pipe, Ctrl-C and failed writes.
- `run_main`: around parsing (usage errors as one line, not a box).
- `main`: around the whole process, for what happens before a command runs.

Text that standard output's encoding cannot write (PYTHONIOENCODING=ascii,
LC_ALL=C without UTF-8 mode) is one line saying so at each of them.

Messages are one line each, cleaned of control characters, and never a
traceback unless --debug (or GAOXIN_DEBUG=1) asks for one.
"""

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from gaoxin_cli.errors import ExitCode, GaoxinError

if TYPE_CHECKING:  # light at start-up: this module is imported first
    from gaoxin_cli.cli.common import Environment


def error_line(message: str, stream: TextIO | None = None) -> None:
    """One line on stderr, cleaned of control characters."""
    from gaoxin_cli.render.safe import clean

    stream = stream or sys.stderr
    text = clean(message)
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        stream.write(text.encode("ascii", "backslashreplace").decode("ascii") + "\n")
    stream.flush()


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (tests); nothing to flush there


def _cannot_show(stdout: TextIO, what: str) -> "GaoxinError":
    from gaoxin_cli.render import cannot_show

    return cannot_show(stdout, what, instead="")


def _report(error: GaoxinError, stream: TextIO | None = None) -> None:
    for line in error.lines():
        error_line(line, stream)


def require_encodable(text: str, what: str) -> None:
    """Exit 2 with one line on stderr if sys.stdout cannot encode `text`
    (help is then not written at all, rather than cut at a character)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        _report(_cannot_show(sys.stdout, what))
        _exit(ExitCode.ERROR)


def _exit(code: int) -> NoReturn:
    from typer import Exit

    raise Exit(code)


@contextmanager
def _warnings_on(stderr: TextIO) -> Iterator[None]:
    """The library's warnings (GaoxinWarning) as `gaoxin: warning: …` lines on
    `stderr`, each time one is issued; other warnings as Python shows them."""
    import warnings

    from gaoxin_cli.errors import GaoxinWarning

    with warnings.catch_warnings():
        shown = warnings.showwarning
        warnings.simplefilter("always", GaoxinWarning)

        def show(message: Warning | str, category: type[Warning], *args: Any, **kw: Any) -> None:
            if issubclass(category, GaoxinWarning):
                error_line(f"gaoxin: warning: {message}", stderr)
            else:
                shown(message, category, *args, **kw)

        warnings.showwarning = show
        yield


@contextmanager
def guard(env: "Environment") -> Iterator[None]:
    """Run a command: errors become stderr lines and exit codes, never tracebacks;
    the library's warnings become `gaoxin: warning:` lines."""
    try:
        with _warnings_on(env.stderr):
            yield
        env.stdout.flush()
    except GaoxinError as error:
        if env.debug:
            raise
        _report(error, env.stderr)
        _exit(error.exit_code)
    except BrokenPipeError:
        _silence_stdout()
        _exit(ExitCode.BROKEN_PIPE)
    except KeyboardInterrupt:
        _exit(ExitCode.INTERRUPTED)
    except UnicodeEncodeError:
        if env.debug:
            raise
        _report(_cannot_show(env.stdout, "this text"), env.stderr)
        _exit(ExitCode.ERROR)
    except OSError as error:
        if env.debug:
            raise
        reason = error.strerror or str(error)
        where = f" to {error.filename}" if error.filename else ""
        error_line(f"gaoxin: cannot write output{where}: {reason}", env.stderr)
        _silence_stdout()
        _exit(ExitCode.ERROR)


def run_main(
    run: Callable[..., Any],
    args: Sequence[str] | None,
    usage_problem: type[Any],
    **extra: Any,
) -> NoReturn:
    """Parse and run (click's main, not standalone): usage errors (what
    click raises as `usage_problem`) become one line, `gaoxin: what is wrong
    (see: gaoxin CMD --help)`; then exit."""
    from typer import Abort

    try:
        result = run(args, standalone_mode=False, **extra)
    except usage_problem as error:
        message = " ".join(error.format_message().split())
        context = getattr(error, "ctx", None)
        where = context.command_path if context is not None else "gaoxin"
        error_line(f"gaoxin: {message} (see: {where} --help)")
        raise SystemExit(error.exit_code) from None
    except Abort:
        raise SystemExit(ExitCode.INTERRUPTED) from None
    except UnicodeEncodeError:
        _report(_cannot_show(sys.stdout, "this text"))
        raise SystemExit(ExitCode.ERROR) from None
    raise SystemExit(result if isinstance(result, int) else ExitCode.OK)


def _utf8(arg: str) -> str:
    """An argument as the UTF-8 its bytes are, also when the locale said ASCII
    (Python then decodes each byte above 127 as a lone surrogate)."""
    if arg.isascii():
        return arg
    try:
        return arg.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        return arg  # not UTF-8 either: left as given


class _ClosedStream:
    """Standard output when the process was started without one (`>&-`):
    every write fails as writing to a closed descriptor does."""

    encoding = "utf-8"

    def write(self, _text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _closed_streams() -> None:
    """A process started with stdout or stderr closed (Python then has None
    for them) still answers with its exit code: output that cannot be written
    is an error (exit 2), messages that cannot be shown go nowhere."""
    if sys.stderr is None:
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - for the whole run
    if sys.stdout is None:
        sys.stdout = _ClosedStream()


def main(argv: Sequence[str], command_for: Callable[[list[str]], Any]) -> NoReturn:
    """Run `gaoxin ARGV` as a process, with the click command `command_for(argv)`
    gives: Ctrl-C and a closed pipe end quietly, also before and after the
    command itself runs (while modules load, at the final flush); closed
    standard streams give the documented exit codes, never a traceback."""
    _closed_streams()
    argv = [_utf8(arg) for arg in argv]
    try:
        command_for(argv)(argv, prog_name="gaoxin")
    except KeyboardInterrupt:
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(ExitCode.BROKEN_PIPE)
    except UnicodeEncodeError:
        _report(_cannot_show(sys.stdout, "this text"))
        _silence_stdout()
        sys.exit(ExitCode.ERROR)
    sys.exit(ExitCode.OK)  # pragma: no cover - the command always exits itself
