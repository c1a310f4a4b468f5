"""The real process: pipes, terminals, encodings, signals and full disks."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time

import pytest

from conftest import run_module_argv
from gaoxin_cli.factfiles.folders import default_facts_dir


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GAOXIN_", "NO_COLOR"))}
    env.pop("COLUMNS", None)
    env.update(extra)
    return env


def _shell(command: str, **extra: str) -> subprocess.CompletedProcess[str]:
    gaoxin = " ".join(run_module_argv())
    return subprocess.run(
        ["bash", "-c", command.replace("gaoxin", gaoxin)],
        capture_output=True,
        text=True,
        env=_env(**extra),
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("unbuffered", ["", "1"])
@pytest.mark.parametrize(
    "command", ["gaoxin export --format jsonl", "gaoxin economy", "gaoxin get gdp --value"]
)
def test_head_closes_the_pipe_quietly(command: str, unbuffered: str) -> None:
    """`gaoxin … | head -1` prints one line and nothing on stderr, whatever the output size."""
    extra = {"PYTHONUNBUFFERED": unbuffered} if unbuffered else {}
    result = _shell(f"{command} | head -c 1 >/dev/null; {command} | head -n 1", **extra)
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == ""


def test_pipe_closed_before_writing_exits_141_quietly() -> None:
    """A reader that is already gone: exit 141 (SIGPIPE), no 'Exception ignored'."""
    # The writer starts only after `true` has exited, so its first write fails.
    result = _shell(
        "{ sleep 0.5; exec gaoxin export --format jsonl; } | true; echo ${PIPESTATUS[0]} >&2"
    )
    assert result.stderr == "141\n"


def test_no_color_and_forced_table_have_no_escapes() -> None:
    """NO_COLOR with --format table gives plain text."""
    result = _shell("gaoxin economy --format table", NO_COLOR="1")
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert "固定资产投资" in result.stdout


def _run_in_pty(args: list[str], **extra: str) -> tuple[int, str]:
    pid, fd = pty.fork()
    if pid == 0:  # child: a terminal of 100 columns
        env = _env(COLUMNS="100", **extra)
        os.execve(sys.executable, [sys.executable, "-m", "gaoxin_cli", *args], env)
    chunks = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace")


def test_terminal_gets_a_coloured_table() -> None:
    """At a terminal, with no --format, the section is a Rich table with colour."""
    code, screen = _run_in_pty(["economy"], TERM="xterm-256color")
    assert code == 0
    assert "\x1b[" in screen
    assert "固定资产投资" in screen
    assert "\t" not in screen


def test_terminal_honours_no_color() -> None:
    """NO_COLOR at a terminal: still a table, no colour codes."""
    code, screen = _run_in_pty(["economy"], TERM="xterm-256color", NO_COLOR="1")
    assert code == 0
    assert "\x1b[36m" not in screen  # the cyan of ids; bold and dim are not colour
    assert "固定资产投资" in screen


def test_ascii_stdout_json_is_escaped_and_valid() -> None:
    """With an ASCII stdout, JSON falls back to \\uXXXX escapes that parse the same."""
    result = _shell("gaoxin get gdp.growth --json", PYTHONIOENCODING="ascii")
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["label"]["zh"] == "地区生产总值"
    assert result.stdout.isascii()


def test_ascii_stdout_table_is_one_clear_error() -> None:
    """With an ASCII stdout, tables and TSV give one error line, exit 2, no traceback."""
    result = _shell("gaoxin economy", PYTHONIOENCODING="ascii")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "cannot show Chinese text" in result.stderr


def test_c_locale_still_works() -> None:
    """LC_ALL=C: Python's UTF-8 mode keeps Chinese output readable."""
    result = _shell("gaoxin get gdp.growth --value; gaoxin economy | head -2", LC_ALL="C")
    assert result.returncode == 0
    assert "Traceback" not in result.stderr


def test_full_disk_is_one_error_line() -> None:
    """Writing to /dev/full: one line on stderr and exit 2."""
    result = _shell("gaoxin export > /dev/full")
    assert result.returncode == 2
    assert result.stderr == "gaoxin: cannot write output: No space left on device\n"


def test_ctrl_c_exits_130_quietly() -> None:
    """SIGINT while running: exit 130, no traceback."""
    code = (  # Ctrl-C as at a terminal, even if this test runs where SIGINT is ignored
        "import signal, os, sys; signal.signal(signal.SIGINT, signal.default_int_handler);"
        "sys.argv = ['gaoxin', 'export', '--no-cache'];"
        "import gaoxin_cli.factfiles.loader as l; real = l.load_factbook;"
        "l.load_factbook = lambda *a: (os.kill(os.getpid(), signal.SIGINT), real(*a))[1];"
        "from gaoxin_cli.__main__ import main; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 130
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_debug_shows_the_traceback() -> None:
    """--debug (or GAOXIN_DEBUG=1) lets the traceback through for maintainers."""
    result = _shell("gaoxin get nope --debug")
    assert "Traceback" in result.stderr
    result = _shell("gaoxin get nope", GAOXIN_DEBUG="1")
    assert "Traceback" in result.stderr
    quiet = _shell("gaoxin get nope")
    assert "Traceback" not in quiet.stderr


def test_module_and_console_script_agree() -> None:
    """`python -m gaoxin_cli` works like the `gaoxin` script."""
    result = subprocess.run(
        [*run_module_argv(), "get", "gdp.growth", "--value"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "7.5\n")


def _complete(words: str, cword: int) -> list[str]:
    result = subprocess.run(
        run_module_argv(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=_env(_GAOXIN_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(cword)),
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_shell_completion_of_commands_ids_and_sections() -> None:
    """Typer's completion completes commands, fact ids and section names."""
    assert _complete("gaoxin eco", 1) == ["economy"]
    assert _complete("gaoxin get fixed-asset-investment.g", 2) == ["fixed-asset-investment.growth"]
    assert _complete("gaoxin search x --section gov", 4) == ["governance"]
    assert _complete("gaoxin economy --dataset dal", 3) == ["dalian-2019"]


def test_json_path_never_imports_rich() -> None:
    """The JSON, CSV and TSV paths import neither Rich nor Pydantic (a fact, not a timing)."""
    heavy = ("rich", "pydantic", "pydantic_core")
    code = (
        "import sys; from gaoxin_cli.__main__ import main\n"
        "sys.argv = ['gaoxin'] + sys.argv[1:]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"sys.stderr.write(' '.join(m for m in sys.modules if m.split('.')[0] in {heavy!r}))\n"
    )
    for args in (
        ["economy", "--json"],
        ["export", "--format", "csv"],
        ["economy"],
        ["get", "gdp", "--value"],
        ["--facts", str(default_facts_dir()), "get", "gdp", "--value", "--no-cache"],
        ["search", "专利", "--limit", "2", "--lang", "en", "--format", "csv"],
    ):
        result = subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            env=_env(),
            timeout=60,
            check=False,
        )
        assert result.stdout
        assert result.stderr == "", args


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["ecnomy"],
            "gaoxin: No such command 'ecnomy'. Did you mean 'economy'? (see: gaoxin --help)",
        ),
        (
            ["economy", "--format", "xml"],
            "gaoxin: Invalid value for '--format' / '-f': Value error, 'xml' is not one of",
        ),
        (
            ["search", "专利", "-n", "0"],
            "gaoxin: Invalid value for '--limit' / '-n': Input should be greater than or equal to 1",
        ),
        (["get"], "gaoxin: Missing argument 'ID'. (see: gaoxin get --help)"),
        (
            ["get", "gdp", "--value", "--json"],
            "gaoxin: --value prints bare values: leave out --format, --json and --fields",
        ),
    ],
)
def test_usage_errors_are_one_line(args: list[str], message: str) -> None:
    """Through the real entry point: one stderr line, exit 2, nothing on stdout."""
    result = subprocess.run(
        [*run_module_argv(), *args], capture_output=True, text=True, env=_env(), check=False
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1


def test_shell_completion_of_fields_measures_and_qualifiers() -> None:
    """Completion offers field names (after a comma too), measures, hedges, statuses and sort
    fields."""
    assert _complete("gaoxin export --fields id,label.", 3) == ["id,label.zh", "id,label.en"]
    assert _complete("gaoxin economy --measure share", 3) == ["share_of_city", "share"]
    assert _complete("gaoxin search x --qualifier n", 4) == ["nearly", "none"]
    assert _complete("gaoxin get gdp --status e", 4) == ["estimated"]
    assert _complete("gaoxin export --status ", 3) == ["estimated", "preliminary", "any", "none"]
    assert _complete("gaoxin export --sort normalized_v", 3) == ["normalized_value"]


def test_completion_after_a_run_in_the_same_process(gaoxin) -> None:
    """A program that runs a command and then asks for completion gets it (the quick
    reading of commands keeps Typer's completion for runs that complete)."""
    import os

    assert gaoxin("get", "gdp.growth", "--value").stdout == "7.5\n"
    env = {"_GAOXIN_COMPLETE": "complete_bash", "COMP_WORDS": "gaoxin get gdp.g", "COMP_CWORD": "2"}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        result = gaoxin("get", "gdp.g", env=env)
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    assert "gdp.growth" in result.stdout


@pytest.mark.parametrize(
    ("args", "closed", "code", "stderr"),
    [
        (
            ["get", "gdp.growth", "--value"],
            ">&-",
            2,
            "gaoxin: cannot write output: standard output is closed\n",
        ),
        (
            ["economy", "--json"],
            ">&-",
            2,
            "gaoxin: cannot write output: standard output is closed\n",
        ),
        (
            ["economy", "--format", "table"],
            ">&-",
            2,
            "gaoxin: cannot write output: standard output is closed\n",
        ),
        (["--bogus"], "2>&-", 2, None),
        (["get", "zzzz"], "2>&-", 1, None),
        (["get", "gdp.growth", "--value"], "2>&-", 0, None),
        (["get", "gdp.growth", "--value"], ">&- 2>&-", 2, None),
    ],
)
def test_closed_standard_streams_give_the_documented_exit_code(
    args: list[str], closed: str, code: int, stderr: str | None
) -> None:
    """With stdout or stderr closed (`>&-`, `2>&-`) a command exits with the documented code,
    says why where it still can, and never prints a traceback."""
    import shlex

    command = " ".join(shlex.quote(a) for a in [*run_module_argv(), *args])
    result = subprocess.run(
        ["bash", "-c", f"exec {command} {closed}"],
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )
    assert result.returncode == code
    if stderr is not None:
        assert result.stderr == stderr
    assert "Traceback" not in result.stderr
