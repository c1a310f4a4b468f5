"""export FILE onto devices, FIFOs, folders, links, full disks, long names; killed runs."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import run_module_argv
from gaoxin_cli.files import NAME_MAX, remove_abandoned, replacing, temp_prefix

ROOT = pytest.mark.skipif(os.geteuid() != 0, reason="making device nodes needs root")
FULL = "No space left on device"


def _device(path: Path, major: int, minor: int, kind: int = stat.S_IFCHR) -> Path:
    try:
        os.mknod(path, kind | 0o666, os.makedev(major, minor))
    except PermissionError as error:
        pytest.skip(f"this machine forbids device nodes even to root: {error}")
    return path


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GAOXIN_", "NO_COLOR"))}
    env.pop("COLUMNS", None)
    return env


def _run(*args: str, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    """`gaoxin ARGS` as a separate process, as a shell runs it."""
    return subprocess.run(
        [*run_module_argv(), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=_env(),
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """What export writes to standard output, by format (sqlite: written to a file)."""
    db = tmp_path_factory.mktemp("expected") / "facts.db"
    assert _run("export", str(db)).returncode == 0
    return {
        "json": _run("export").stdout,
        "csv": _run("export", "-f", "csv").stdout,
        "sqlite": db.read_bytes(),
    }


# 5. devices, FIFOs, folders and links


@ROOT
@pytest.mark.parametrize("fmt", ["json", "sqlite"])
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_null_device_is_written_into_not_replaced(gaoxin, tmp_path: Path, fmt, force) -> None:
    """Export into a null device succeeds without --force and leaves the device node in place."""
    null = _device(tmp_path / "null", 1, 3)
    result = gaoxin("export", "-f", fmt, *force, str(null))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert null.lstat().st_rdev == os.makedev(1, 3)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]  # no temporary file beside it


def test_dev_null_itself_needs_no_force(gaoxin) -> None:
    """`gaoxin export /dev/null` succeeds quietly and /dev/null stays a character device."""
    result = gaoxin("export", "-f", "csv", "/dev/null")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert stat.S_ISCHR(Path("/dev/null").lstat().st_mode)


@pytest.mark.parametrize("fmt", ["json", "sqlite"])
def test_fifo_gets_the_bytes_and_stays_a_fifo(gaoxin, tmp_path: Path, expected, fmt) -> None:
    """Export into a FIFO sends its reader exactly the export's bytes; the FIFO stays a FIFO."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = gaoxin("export", "-f", fmt, str(fifo))
    reader.join(5)  # it has read to the end, or it still waits for a writer
    if reader.is_alive():  # the export never opened the FIFO: let the reader go
        with contextlib.suppress(OSError):  # ENXIO: it left between the two lines
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(10)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert received == [expected[fmt]]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_folder_is_refused_by_its_name(gaoxin, tmp_path: Path, monkeypatch, force) -> None:
    """A folder as FILE is one line naming it as typed, with or without --force."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    result = gaoxin("export", *force, "out")
    message = "gaoxin: out is a folder; give a file name, such as out/facts.json\n"
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert list((tmp_path / "out").iterdir()) == []


@ROOT
def test_block_device_is_refused(gaoxin, tmp_path: Path) -> None:
    """A block device (a disk) is never written or replaced, even with --force."""
    disk = _device(tmp_path / "disk", 7, 250, stat.S_IFBLK)
    result = gaoxin("export", "--force", str(disk))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"gaoxin: {disk} is a block device (a disk); export writes")
    assert stat.S_ISBLK(disk.lstat().st_mode)


def test_force_replaces_a_link_not_its_target(gaoxin, tmp_path: Path) -> None:
    """--force onto a symlink replaces the link with a new file of the usual permissions."""
    target = tmp_path / "precious.json"
    target.write_text("precious", encoding="utf-8")
    target.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    refused = gaoxin("export", str(link))
    assert refused.stderr == f"gaoxin: {link} exists; add --force to replace it\n"
    old_umask = os.umask(0o027)
    try:
        result = gaoxin("export", "--force", str(link))
    finally:
        os.umask(old_umask)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert not link.is_symlink()
    assert link.read_bytes().startswith(b"[{")
    assert stat.S_IMODE(link.stat().st_mode) == 0o640  # 0666 less the umask, not the target's 0600
    assert target.read_text(encoding="utf-8") == "precious"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_dev_stdout_in_process_writes_to_descriptor_1(gaoxin, capfd, expected) -> None:
    """`export /dev/stdout` writes to descriptor 1 (and /dev/stdout is not replaced)."""
    capfd.readouterr()
    result = gaoxin("export", "-f", "csv", "/dev/stdout")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert capfd.readouterr().out.encode("utf-8") == expected["csv"]
    assert Path("/dev/stdout").is_symlink()


@pytest.mark.parametrize("mode", ["wb", "ab"])
def test_dev_stdout_redirected_to_a_file_writes_through(tmp_path: Path, expected, mode) -> None:
    """With stdout redirected (`>` or `>>`) to a file, `export /dev/stdout` writes into that
    file, which stays the same file, and `>>` appends."""
    out = tmp_path / "out.csv"
    out.write_bytes(b"before\n")
    inode = out.stat().st_ino
    with out.open(mode) as stdout:
        result = _run("export", "-f", "csv", "/dev/stdout", stdout=stdout)
    assert (result.returncode, result.stderr) == (0, b"")
    prefix = b"before\n" if mode == "ab" else b""
    assert out.read_bytes() == prefix + expected["csv"]
    assert out.stat().st_ino == inode  # written through, never replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    assert Path("/dev/stdout").is_symlink()


@pytest.mark.parametrize(
    "name", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "/dev/stderr", "/dev/fd/3"]
)
@pytest.mark.parametrize("fmt", ["json", "sqlite"])
def test_descriptor_paths_write_to_their_descriptor(tmp_path: Path, expected, name, fmt) -> None:
    """/dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N write to that descriptor of the
    process: a pipe or a file, with no temporary file anywhere and no --force."""
    side = tmp_path / "three"
    gaoxin = " ".join([*run_module_argv(), "export", "-f", fmt, name])
    with side.open("wb") as three:  # as `gaoxin export -f FMT NAME 3>three` in a shell
        result = subprocess.run(
            ["bash", "-c", f"{gaoxin} 3>&{three.fileno()}"],
            capture_output=True,
            env=_env(),
            timeout=60,
            check=False,
            pass_fds=(three.fileno(),),
        )
    where = {"/dev/stderr": result.stderr, "/dev/fd/3": side.read_bytes()}.get(name, result.stdout)
    assert result.returncode == 0, result.stderr
    assert where == expected[fmt]
    assert Path("/dev/stdout").is_symlink()


def test_unopened_descriptor_is_one_line(gaoxin) -> None:
    """/proc/self/fd/N for a descriptor that is not open: one line naming it, exit 2."""
    name = "/proc/self/fd/987"
    result = gaoxin("export", name)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"gaoxin: cannot write output to {name}: Bad file descriptor\n"


# 7. full disks


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs, too small for any export (skipped where mounting is not allowed)."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    command = ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)]
    mounted = subprocess.run(command, capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.parametrize("fmt", ["sqlite", "json"])
def test_full_disk_is_one_line_and_leaves_nothing(gaoxin, tiny_disk, monkeypatch, fmt) -> None:
    """A disk that fills up: one line naming FILE as typed, exit 2, and no file left."""
    monkeypatch.chdir(tiny_disk.parent)
    result = gaoxin("export", "-f", fmt, "tiny/facts.out")
    message = f"gaoxin: cannot write output to tiny/facts.out: {FULL}\n"
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert list(tiny_disk.iterdir()) == []


@ROOT
@pytest.mark.parametrize("fmt", ["sqlite", "json", "csv"])
def test_full_device_is_one_line(gaoxin, tmp_path: Path, fmt) -> None:
    """A full device (like /dev/full): one line naming it, exit 2; the device stays."""
    full = _device(tmp_path / "full", 1, 7)
    result = gaoxin("export", "-f", fmt, "--force", str(full))
    message = f"gaoxin: cannot write output to {full}: {FULL}\n"
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert full.lstat().st_rdev == os.makedev(1, 7)
    assert [p.name for p in tmp_path.iterdir()] == ["full"]


def test_dev_full_itself_is_one_line() -> None:
    """`gaoxin export -f sqlite /dev/full`: one line on stderr, exit 2, no traceback."""
    result = _run("export", "-f", "sqlite", "/dev/full")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr == f"gaoxin: cannot write output to /dev/full: {FULL}\n".encode()
    assert stat.S_ISCHR(Path("/dev/full").lstat().st_mode)


# 11. temporary files of killed runs

#: `gaoxin ARGS` whose write sleeps inside `replacing`, after the output is written.
SLOW_WRITE = """
import sys, time
from gaoxin_cli import render
real = render.write
render.write = lambda *args, **kwargs: (real(*args, **kwargs), time.sleep(60))
from gaoxin_cli.__main__ import main
main()
"""


def _slow_export(folder: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """Start `gaoxin export folder/out.json` and wait until its temporary file is written."""
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITE, "export", str(folder / "out.json")],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        temps = [p for p in folder.iterdir() if p.name.endswith(".tmp") and p.stat().st_size]
        if temps:
            return process, temps[0]
        time.sleep(0.05)
    process.kill()
    process.wait()
    pytest.fail("the export never wrote its temporary file")


def test_sigterm_during_a_write_leaves_nothing(tmp_path: Path) -> None:
    """SIGTERM while export writes its temporary file (named with its pid): exit 143, no file left."""
    process, temp = _slow_export(tmp_path)
    assert temp.name.startswith(f".out.json.{process.pid}.")
    process.terminate()
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 128 + signal.SIGTERM
    assert stderr == b""
    assert list(tmp_path.iterdir()) == []


def test_temp_file_of_a_killed_run_is_removed(tmp_path: Path) -> None:
    """After `kill -9` mid-write, remove_abandoned deletes the temporary file and nothing else."""
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    process, temp = _slow_export(tmp_path)
    process.kill()
    process.communicate(timeout=30)
    assert temp.exists()  # kill -9 leaves it
    remove_abandoned(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_remove_abandoned_keeps_live_and_unrelated_files(tmp_path: Path) -> None:
    """A temp file with a dead pid (or over a day old) goes; a live pid's and other files stay."""
    dead = subprocess.Popen([sys.executable, "-c", ""])
    dead.wait()  # gone and reaped: its pid names no process
    dead_pid = dead.pid
    me = os.getpid()
    names = {
        f".facts.db.{dead_pid}.ab_cd123.tmp": False,  # its process is gone
        f".facts.db.{dead_pid}.ab_cd123.tmp-journal": False,  # and SQLite's side file
        f".old.json.{me}.zzzzzzzz.tmp": False,  # over a day old, whatever the pid
        f".facts.db.{me}.ab_cd123.tmp": True,  # still being written
        ".x.json._9frn7jo.tmp": True,  # an older version's, fresh: may be in use
        "facts.db": True,
        "notes.tmp": True,
        f".notes.{dead_pid}.tmp": True,  # not mkstemp's pattern
        f"facts.db.{dead_pid}.ab_cd123.tmp": True,  # not hidden
    }
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    day_ago = time.time() - 25 * 60 * 60
    os.utime(tmp_path / f".old.json.{me}.zzzzzzzz.tmp", (day_ago, day_ago))
    (tmp_path / f".dir.{dead_pid}.ab_cd123.tmp").mkdir()  # a folder is never removed
    remove_abandoned(tmp_path)
    remove_abandoned(tmp_path / "missing")  # no error: nothing to do
    remove_abandoned(tmp_path / "facts.db")  # a file, not a folder: no error either
    kept = {p.name for p in tmp_path.iterdir()}
    assert kept == {n for n, keep in names.items() if keep} | {f".dir.{dead_pid}.ab_cd123.tmp"}


def test_sigterm_handler_is_restored_and_others_respected(tmp_path: Path) -> None:
    """`replacing` puts back the default SIGTERM handler after it, and leaves another one alone."""
    with replacing(tmp_path / "a"):
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None)
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        with replacing(tmp_path / "b"):
            assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


# 14. names: folders, long names, trailing slashes


@pytest.mark.parametrize("name", ["a" * 250, "a" * 245 + ".json", "事" * 83 + ".json"])
def test_long_legal_names_are_written(gaoxin, tmp_path: Path, name: str) -> None:
    """A file name up to 255 bytes (multi-byte UTF-8 too) is written; its temp name fits."""
    assert len(name.encode()) <= NAME_MAX
    result = gaoxin("export", "-f", "json", str(tmp_path / name))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert (tmp_path / name).read_bytes().startswith(b"[{")


@pytest.mark.parametrize("name", ["a" * 300, "事" * 200, "x" + "é" * 127, "é" * 127 + "x"])
def test_temp_names_fit_name_max_on_a_character_boundary(name: str) -> None:
    """The temporary name for any file name is at most 255 bytes and cuts no character."""
    prefix = temp_prefix(name, 4194304)
    whole = f"{prefix}ab_cd123.tmp-journal".encode()
    assert len(whole) <= NAME_MAX
    assert name.startswith(prefix[1 : -len(".4194304.")])
    assert whole.decode("utf-8")  # no character cut in half


def test_too_long_name_is_one_line(gaoxin, tmp_path: Path, monkeypatch) -> None:
    """A name over 255 bytes: one line naming it as typed, exit 2, nothing left."""
    monkeypatch.chdir(tmp_path)
    name = "事" * 86 + ".json"  # 263 bytes
    result = gaoxin("export", name)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"gaoxin: cannot write output to {name}: File name too long\n"
    assert list(tmp_path.iterdir()) == []


SLASH = "gaoxin: ./out/new.json/ ends in /, which names a folder; for a file, leave out the /\n"


@pytest.mark.parametrize(
    ("fmt", "name", "message"),
    [
        ("json", "./out/new.json/", SLASH),
        ("sqlite", "./out/new.json/", SLASH),
        ("json", "out/new.json/..", "gaoxin: out/new.json/.. names a folder; give a file name\n"),
    ],
)
def test_trailing_slash_is_refused(gaoxin, tmp_path: Path, monkeypatch, fmt, name, message) -> None:
    """`export out/new.json/` (or `…/..`) is one line naming it as typed: that names a folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    result = gaoxin("export", "-f", fmt, name)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("fmt", ["csv", "sqlite"])
def test_a_file_that_appears_while_export_writes_is_never_replaced(
    gaoxin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Without --force, export checks FILE is absent and its last step only creates it: a file
    made in between keeps its bytes, the export says so (exit 2) and leaves no temporary file."""
    from gaoxin_cli.render import sqlite as sqlite_writer

    target = tmp_path / f"facts.{fmt}"

    def someone_else_writes() -> None:
        target.write_text("someone else's\n", encoding="utf-8")

    if fmt == "csv":
        import gaoxin_cli.render

        write = gaoxin_cli.render.write

        def writing(*args: object, **kwargs: object) -> None:
            someone_else_writes()
            write(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(gaoxin_cli.render, "write", writing)
    else:
        fill = sqlite_writer._fill

        def filling(*args: object) -> None:
            someone_else_writes()
            fill(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(sqlite_writer, "_fill", filling)
    result = gaoxin("export", "--format", fmt, str(target))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"gaoxin: cannot write output to {target}: it appeared while the file was written;"
        " not replaced\n"
    )
    assert target.read_text(encoding="utf-8") == "someone else's\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_the_next_export_clears_what_a_killed_one_left(gaoxin, tmp_path: Path) -> None:
    """A temporary file that a dead process made for FILE is removed by the next export to FILE;
    a person's file that only looks like one is left alone."""
    target = tmp_path / "facts.csv"
    leftover = tmp_path / ".facts.csv.99999999.abcd_123.tmp"
    leftover.write_text("half", encoding="utf-8")
    lookalike = tmp_path / ".notes.20240101.tmp"
    lookalike.write_text("mine", encoding="utf-8")
    result = gaoxin("export", "--format", "csv", str(target))
    assert (result.exit_code, result.stderr) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".notes.20240101.tmp", "facts.csv"]
