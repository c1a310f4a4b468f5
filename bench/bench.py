"""Benchmark gaoxin: start-up against `import typer`, and scale to many facts.

    python bench/bench.py            # full: 200,000 facts, more rounds
    python bench/bench.py --quick    # a minute or so: 20,000 facts, fewer rounds
    python bench/bench.py --million  # 1,000,000 facts (opt-in: it takes many minutes)

Every timing is a ratio to a baseline measured in the same run, alternating
pair by pair so that a busy machine slows both sides alike; medians are
reported. Nothing here is a pass/fail test: it prints numbers and the
targets beside them.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import make  # noqa: E402

GET_ID = "gdp.growth"
SEARCH_WORD = "专利申请"
SHORT_WORD = "专利"


def gaoxin_command() -> list[str]:
    """The installed console script beside this Python, else `python -m gaoxin_cli`."""
    script = Path(sys.executable).parent / "gaoxin"
    return [str(script)] if script.exists() else [sys.executable, "-m", "gaoxin_cli"]


def run(argv: Sequence[str], env: dict[str, str], *, check: bool = True) -> float:
    """Seconds taken by one run of `argv`, output discarded; it must succeed
    (unless `check` is False: a lookup that finds nothing exits 1)."""
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=check)
    return time.perf_counter() - start


def peak_kib(argv: Sequence[str], env: dict[str, str]) -> int:
    """Peak resident memory (KiB) of one run of `argv`, measured by a fresh parent."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *argv], capture_output=True, text=True, env=env, check=True
    )
    return int(out.stdout.strip())


def paired(
    a: Sequence[str], b: Sequence[str], rounds: int, env: dict[str, str], *, check: bool = True
) -> tuple[float, float, float]:
    """Median seconds of a and b, run alternately, and the median of a/b per pair."""
    run(a, env, check=check)
    run(b, env)  # warm the file cache for both
    times_a, times_b, ratios = [], [], []
    for _ in range(rounds):
        ta, tb = run(a, env, check=check), run(b, env)
        times_a.append(ta)
        times_b.append(tb)
        ratios.append(ta / tb)
    return statistics.median(times_a), statistics.median(times_b), statistics.median(ratios)


def report(name: str, a_time: float, b_time: float, ratio: float, target: str) -> None:
    print(
        f"  {name:<44} {a_time * 1000:8.1f} ms vs {b_time * 1000:8.1f} ms"
        f"  ratio {ratio:5.2f}  (target {target})"
    )


def instructions(argv: Sequence[str], env: dict[str, str]) -> int | None:
    """Instructions executed by one run of `argv` under callgrind: repeatable, unlike time."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    done = subprocess.run(
        [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    return int(found.group(1)) if found else None


def startup(env: dict[str, str], rounds: int) -> None:
    gaoxin = gaoxin_command()
    floor = [sys.executable, "-c", "import typer"]
    print(f"Start-up, shipped facts, {rounds} alternating pairs; floor: python -c 'import typer'")
    cases = [
        ("get ID --value", [*gaoxin, "get", GET_ID, "--value"], "<= 1.15"),
        ("economy --format json", [*gaoxin, "economy", "--format", "json"], "<= 1.20"),
        ("economy (table, forced)", [*gaoxin, "economy", "--format", "table"], "none"),
        ("get ID --value --no-cache", [*gaoxin, "get", GET_ID, "--value", "--no-cache"], "none"),
        (
            "economy --format json --no-cache",
            [*gaoxin, "economy", "--format", "json", "--no-cache"],
            "none",
        ),
    ]
    for name, argv, target in cases:
        report(name, *paired(argv, floor, rounds, env), target)
    floor_ir = instructions(floor, env)
    if floor_ir is None:
        print("  (valgrind not installed: no instruction counts)")
        return
    print(f"Instructions (valgrind callgrind, repeatable); floor {floor_ir / 1e6:.1f} M")
    for name, argv, target in cases:
        count = instructions(argv, env) or 0
        print(
            f"  {name:<44} {count / 1e6:8.1f} M  vs {floor_ir / 1e6:8.1f} M"
            f"  ratio {count / floor_ir:5.2f}  (target {target})"
        )


def scale(env: dict[str, str], facts: int, rounds: int, work: Path) -> None:
    gaoxin = gaoxin_command()
    corpus = work / "corpus"
    written = make(facts, corpus)
    print(f"\nScale: {written:,} facts in {corpus} against the shipped 131, same run")
    big = [*gaoxin, "--facts", str(corpus)]

    # Cold build: the first lookup with an empty cache, against reading and
    # checking every file without the index (what `validate` does).
    cold_times, parse_times, ratios = [], [], []
    for _ in range(max(1, rounds // 5)):
        cache = work / "cold-cache"
        shutil.rmtree(cache, ignore_errors=True)
        cold_env = {**env, "XDG_CACHE_HOME": str(cache)}
        parse_times.append(run([*gaoxin, "validate", str(corpus)], cold_env))
        cold_times.append(run([*big, "get", GET_ID, "--value"], cold_env))
        ratios.append(cold_times[-1] / parse_times[-1])
    cold, parse = statistics.median(cold_times), statistics.median(parse_times)
    report(
        "cold index build (first get) vs validate", cold, parse, statistics.median(ratios), "<= 1.3"
    )

    run([*big, "get", GET_ID, "--value"], env)  # the index now exists
    small = gaoxin
    for name, args in (
        (f"get {GET_ID} --value", ["get", GET_ID, "--value"]),
        (f"search {SEARCH_WORD}", ["search", SEARCH_WORD, "--format", "json"]),
        (f"search {SHORT_WORD} (two characters)", ["search", SHORT_WORD, "--format", "json"]),
        ("search patents (English words)", ["search", "patents", "--format", "json"]),
        ("search 8.5 bn (a number with its scale)", ["search", "8.5", "bn", "--format", "json"]),
    ):
        report(
            f"{name}: big vs small", *paired([*big, *args], [*small, *args], rounds, env), "<= 1.5"
        )

    big_peak = max(peak_kib([*big, "get", GET_ID, "--value"], env) for _ in range(3))
    small_peak = max(peak_kib([*small, "get", GET_ID, "--value"], env) for _ in range(3))
    print(
        f"  {'peak memory of get: big vs small':<44} {big_peak:8d} KiB vs {small_peak:8d} KiB"
        f"  ratio {big_peak / small_peak:5.2f}  (target <= 1.5)"
    )
    # A mistyped id: its suggestions come from the index, not from every fact.
    mistyped = [*big, "get", GET_ID.replace("growth", "grwth"), "--value"]
    report(
        "get of a mistyped id vs a hit (big)",
        *paired(mistyped, [*big, "get", GET_ID, "--value"], rounds, env, check=False),
        "<= 2",
    )
    exports(env, big, small, work, max(3, rounds // 5))
    no_cache = run([*big, "--no-cache", "get", GET_ID, "--value"], env)
    print(
        f"  {'get --no-cache on the big folder':<44} {no_cache * 1000:8.1f} ms (reads every file)"
    )
    references(env, corpus, big, work)


def exports(env: dict[str, str], big: list[str], small: list[str], work: Path, rounds: int) -> None:
    """Export streams: its peak memory against the shipped facts' export, and
    CSV against `sqlite3 -csv` dumping the same rows from the exported database."""
    csv_big = [*big, "export", "--format", "csv"]
    for fmt in ("csv", "json"):
        big_peak = peak_kib([*big, "export", "--format", fmt], env)
        small_peak = peak_kib([*small, "export", "--format", fmt], env)
        print(
            f"  {f'peak memory of export --format {fmt}: big vs small':<44}"
            f" {big_peak:8d} KiB vs {small_peak:8d} KiB"
            f"  ratio {big_peak / small_peak:5.2f}  (target <= 1.5)"
        )
    sqlite3_cli = shutil.which("sqlite3")
    if sqlite3_cli is None:
        print("  export csv vs sqlite3 -csv: sqlite3 not installed")
        return
    database = work / "exported.db"
    subprocess.run(
        [*big, "export", "--format", "sqlite", "--force", str(database)], env=env, check=True
    )
    dump = [sqlite3_cli, "-csv", "-header", str(database), "SELECT * FROM facts"]
    report(
        "export --format csv vs sqlite3 -csv (same rows)",
        *paired(csv_big, dump, rounds, env),
        "<= 5",
    )


def references(env: dict[str, str], corpus: Path, big: list[str], work: Path) -> None:
    """The same lookup by other tools, when installed: points of reference, no targets."""
    sys.path.insert(0, str(HERE.parent / "src"))
    os.environ["XDG_CACHE_HOME"] = env["XDG_CACHE_HOME"]
    from gaoxin_cli.index import index_path

    sqlite3_cli = shutil.which("sqlite3")
    if sqlite3_cli:
        query = f"SELECT value FROM facts WHERE id = '{GET_ID}';"  # noqa: S608 - a constant
        argv = [sqlite3_cli, str(index_path(corpus)), query]
        times = [run(argv, env) for _ in range(5)]
        print(
            f"  {'reference: sqlite3 on the index':<44} {statistics.median(times) * 1000:8.1f} ms"
        )
    else:
        print("  reference: sqlite3 not installed")
    jq = shutil.which("jq")
    if jq:
        exported = work / "facts.json"
        with exported.open("w", encoding="utf-8") as out:
            subprocess.run([*big, "export"], stdout=out, env=env, check=True)
        argv = [jq, f'.[] | select(.id == "{GET_ID}") | .value', str(exported)]
        times = [run(argv, env) for _ in range(3)]
        median = statistics.median(times) * 1000
        print(f"  {'reference: jq over the exported JSON':<44} {median:8.1f} ms")
    else:
        print("  reference: jq not installed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20,000 facts and fewer rounds")
    parser.add_argument("--facts", type=int, help="facts in the big folder (default 200,000)")
    parser.add_argument("--skip-scale", action="store_true", help="start-up only")
    parser.add_argument(
        "--million", action="store_true", help="1,000,000 facts, fewer rounds (takes minutes)"
    )
    args = parser.parse_args()
    rounds = 10 if args.quick or args.million else 30
    facts = args.facts or (1_000_000 if args.million else 20_000 if args.quick else 200_000)

    import typer

    import gaoxin_cli

    # An installed wheel has its bytecode compiled; an editable install under
    # PYTHONDONTWRITEBYTECODE would not, so compile it once here.
    compileall.compile_dir(Path(gaoxin_cli.__file__).parent, quiet=1)
    print(
        f"gaoxin {gaoxin_cli.__version__}, typer {typer.__version__},"
        f" Python {platform.python_version()},"
        f" {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}"
    )
    with tempfile.TemporaryDirectory(prefix="gaoxin-bench-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("GAOXIN_")}
        env["XDG_CACHE_HOME"] = str(work / "cache")
        run([*gaoxin_command(), "get", GET_ID, "--value"], env)  # index of the shipped facts
        startup(env, rounds)
        if not args.skip_scale:
            scale(env, facts, rounds, work)


if __name__ == "__main__":
    main()
