"""A standard output whose encoding cannot show Chinese: one line, never a traceback.

Run as real processes: the encoding of stdout comes from PYTHONIOENCODING or
the locale, which the CliRunner does not model. Output is read as bytes, so
that what the process wrote is seen whatever the encoding.
"""

from __future__ import annotations

import io
import json
import os
import subprocess

import pytest

from conftest import run_module_argv
from gaoxin_cli.cli.boundary import error_line

#: A text fact: its value is Chinese.
TEXT_FACT = "industrial-layout.text"

ASCII = {"PYTHONIOENCODING": "ascii"}
LATIN_1 = {"PYTHONIOENCODING": "latin-1"}
C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}


def _run(*args: str, env: dict[str, str]) -> tuple[int, bytes, str]:
    """(exit code, stdout bytes, stderr text) of `gaoxin ARGS` with `env` added."""
    full = {k: v for k, v in os.environ.items() if not k.startswith(("GAOXIN_", "LC_"))}
    full.pop("PYTHONIOENCODING", None)
    full.pop("PYTHONUTF8", None)
    full.update({k: v for k, v in env.items() if v})
    result = subprocess.run(
        [*run_module_argv(), *args], capture_output=True, env=full, timeout=60, check=False
    )
    return result.returncode, result.stdout, result.stderr.decode("ascii", "replace")


def _assert_cannot_show(code: int, stdout: bytes, stderr: str, encoding: str) -> None:
    """Exit 2, nothing on stdout, and one line naming the encoding and the fix."""
    assert code == 2, stderr
    assert stdout == b""
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1, stderr
    assert stderr.startswith(f"gaoxin: standard output uses encoding '{encoding}', which cannot")
    assert "PYTHONIOENCODING=utf-8" in stderr


ENVIRONMENTS = [
    pytest.param(ASCII, "ascii", id="ascii"),
    pytest.param(LATIN_1, "iso8859-1", id="latin-1"),
    pytest.param(C_LOCALE, "ascii", id="C-locale"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("env", "encoding"), ENVIRONMENTS)
@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("get", TEXT_FACT, "--value"), id="get-value"),
        pytest.param(("--help",), id="help"),
        pytest.param(("search", "--help"), id="search-help"),
        pytest.param(("economy", "--help"), id="section-help"),
        pytest.param(("economy",), id="section-table"),
        pytest.param(("get", TEXT_FACT, "--format", "csv"), id="csv"),
        pytest.param(("get", TEXT_FACT, "--format", "markdown"), id="markdown"),
    ],
)
def test_unshowable_output_is_one_line(args: tuple[str, ...], env, encoding) -> None:
    """Values, help, tables, CSV and Markdown it cannot encode: one stderr line, exit 2."""
    _assert_cannot_show(*_run(*args, env=env), encoding)


@pytest.mark.slow
@pytest.mark.parametrize(("env", "encoding"), ENVIRONMENTS[:2])
def test_search_in_chinese_is_one_line(env, encoding) -> None:
    """`gaoxin search 高新` whose hits cannot be shown says so in one line."""
    _assert_cannot_show(*_run("search", "高新", env=env), encoding)


@pytest.mark.slow
def test_value_line_says_json_is_the_way_round() -> None:
    """The --value line offers --json, which escapes what the encoding lacks."""
    _code, _stdout, stderr = _run("get", TEXT_FACT, "--value", env=ASCII)
    assert "use --json in place of --value" in stderr


@pytest.mark.slow
def test_help_line_offers_no_json() -> None:
    """Help has no JSON form, so its line offers only the encoding fix."""
    _code, _stdout, stderr = _run("--help", env=ASCII)
    assert "cannot show this help;" in stderr
    assert "--format json" not in stderr


@pytest.mark.slow
@pytest.mark.parametrize("env", [ASCII, C_LOCALE], ids=["ascii", "C-locale"])
def test_json_escapes_what_the_encoding_lacks(env) -> None:
    """`--json` under an ASCII stdout writes \\u escapes that parse to the Chinese value."""
    code, stdout, stderr = _run("get", TEXT_FACT, "--json", env=env)
    assert code == 0, stderr
    assert stdout.isascii()
    assert json.loads(stdout)[0]["value"] == "一核两城多园"


@pytest.mark.slow
@pytest.mark.parametrize("env", [ASCII, C_LOCALE], ids=["ascii", "C-locale"])
def test_ascii_values_still_print(env) -> None:
    """A number's --value needs no Chinese and prints as before."""
    code, stdout, stderr = _run("get", "gdp.growth", "--value", env=env)
    assert (code, stderr) == (0, "")
    assert stdout.strip()
    assert stdout.decode("ascii").strip().replace(".", "").isdigit()


@pytest.mark.slow
def test_usage_error_is_one_line() -> None:
    """A usage error under an ASCII stdout is still its one line, exit 2."""
    code, stdout, stderr = _run("get", "--bogus", env=ASCII)
    assert (code, stdout) == (2, b"")
    assert stderr == "gaoxin: No such option: --bogus (see: gaoxin get --help)\n"


@pytest.mark.slow
@pytest.mark.parametrize("env", [ASCII, C_LOCALE], ids=["ascii", "C-locale"])
def test_error_line_with_chinese_is_escaped(env) -> None:
    """An error about a Chinese id reaches stderr as one escaped line, not a crash."""
    code, stdout, stderr = _run("get", "nosuch高", "--no-cache", env=env)
    assert (code, stdout) == (1, b"")
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1
    assert stderr.startswith("gaoxin: no indicator or fact with id 'nosuch\\")


@pytest.mark.slow
def test_help_that_can_be_shown_is_written_whole() -> None:
    """At UTF-8, the held help comes out whole, Chinese title and all."""
    code, stdout, stderr = _run("--help", env={"PYTHONIOENCODING": "utf-8"})
    assert (code, stderr) == (0, "")
    text = stdout.decode("utf-8")
    assert "Usage: gaoxin" in text
    assert "大连高新区" in text
    assert text.rstrip().endswith("╯")


def test_error_line_survives_a_strict_ascii_stream() -> None:
    """error_line on a stream that refuses Chinese writes it escaped, on one line."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="strict")
    error_line("gaoxin: no fact '高新'", stream)
    assert raw.getvalue() == b"gaoxin: no fact '\\u9ad8\\u65b0'\n"
