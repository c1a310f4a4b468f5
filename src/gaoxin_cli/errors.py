"""The project's errors and exit codes.

The core raises these; only the CLI turns them into stderr lines and exit
codes.
"""

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from gaoxin_cli.model import FactBook


class ExitCode:
    """What `gaoxin` exits with, like grep. (Plain ints: an IntEnum costs start-up time.)"""

    #: Something was found and printed.
    OK: Final = 0
    #: The query was understood but nothing matched.
    NO_MATCH: Final = 1
    #: Bad usage, bad fact files, or output that could not be written.
    ERROR: Final = 2
    #: The reader of standard output went away (`| head`): 128 + SIGPIPE.
    BROKEN_PIPE: Final = 141
    #: Interrupted by Ctrl-C: 128 + SIGINT.
    INTERRUPTED: Final = 130


class Problem:
    """One thing wrong with a fact file, at a place a person can open.

    A plain class rather than a named tuple: it is defined at every start.
    """

    __slots__ = ("line", "message", "path")

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message

    def _key(self) -> tuple[str, int, str]:
        return (self.path, self.line, self.message)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self._key() == other._key()

    def __lt__(self, other: "Problem") -> bool:
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Problem({self.path!r}, {self.line!r}, {self.message!r})"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class GaoxinError(Exception):
    """Base of every error `gaoxin` reports to the user.

    `str(error)` names no command, for library users; `cli`, when given, is
    the same message as the command line says it (with a command to try).
    """

    exit_code: int = ExitCode.ERROR

    def __init__(self, message: str = "", *, cli: str | None = None) -> None:
        super().__init__(message)
        self.cli = cli

    def lines(self) -> list[str]:
        """What to print on stderr, one line each."""
        return [f"gaoxin: {line}" for line in (self.cli or str(self)).splitlines()]


class FactsError(GaoxinError):
    """The fact files have problems; each is reported on its own line."""

    def __init__(self, problems: list[Problem], book: "FactBook | None" = None) -> None:
        self.problems = sorted(set(problems))  # a folder named twice reports once
        #: What could be read despite the problems, for checks that go on
        #: (validate lists every problem in one run); None when nothing was.
        self.book = book
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class UsageError(GaoxinError):
    """The command line asks for something that cannot be done."""


class NotFoundError(GaoxinError):
    """An id or query matched nothing."""

    exit_code = ExitCode.NO_MATCH


class OutputError(GaoxinError):
    """Standard output could not take what was written."""


class GaoxinWarning(UserWarning):
    """Something that did not stop the answer but that the user should know
    (a damaged index, discarded and built anew from the files). The library
    issues it through `warnings`; the command line prints it on stderr."""
