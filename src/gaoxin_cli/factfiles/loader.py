"""Reading fact files: TOML on disk -> model, with `path:line` on every problem.

This is the only module that reads files. It never stops at the first
problem: every file is read and every problem collected, so one run of
`gaoxin validate` shows all that is wrong.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gaoxin_cli.errors import FactsError, Problem
from gaoxin_cli.factfiles.folders import DATASET_FILE, MAX_FILE_BYTES, find_dataset_dirs, problem_at
from gaoxin_cli.factfiles.keys import (
    DATASET_KEYS,
    FACT_KEYS,
    ID_PATTERN,
    INDICATOR_KEYS,
    NOT_FIGURE_KEYS,
    SECTION_KEYS,
    SOURCE_KEYS,
    Checker,
    unknown_key,
)
from gaoxin_cli.factfiles.reading import NotRegularError, TooLargeError, read_file
from gaoxin_cli.factfiles.toml_lines import LineIndex, TomlPath
from gaoxin_cli.model import (
    SECTIONS,
    Dataset,
    Fact,
    FactBook,
    Indicator,
    Label,
    Location,
    NotFigure,
    Source,
    make_fact,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)\s*$")


@dataclass
class _File:
    """A TOML file being turned into models, collecting problems as it goes."""

    path: Path
    data: dict[str, Any]
    lines: LineIndex
    problems: list[Problem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.path)

    def problem(self, where: TomlPath, key: str | None, message: str) -> None:
        self.problems.append(Problem(self.name, self.lines.line(where, key), message))

    def location(self, where: TomlPath) -> Location:
        return Location(self.name, self.lines.line(where))

    def table(
        self,
        where: TomlPath,
        data: Mapping[str, Any],
        allowed: Mapping[str, Checker],
        what: str,
        about: str = "",
    ) -> dict[str, Any]:
        """Check `data` against `allowed` (key -> checker); return the keys that
        passed. `about` names the table in each message ("economy-2, 固定资产投资")."""
        suffix = f" ({about})" if about else ""
        good: dict[str, Any] = {}
        for key, value in data.items():
            checker = allowed.get(key)
            if checker is None:
                self.problem(where, key, unknown_key(key, what, allowed))
                continue
            error = checker.test(value)
            if error:
                self.problem(where, key, f"{what} '{key}' {error}{suffix}")
            else:
                good[key] = value
        for key, checker in allowed.items():
            if checker.required and key not in data:
                self.problem(where, None, f"{what} is missing required key '{key}'")
        return good


def _named(table: Mapping[str, Any]) -> str:
    """An indicator's id and Chinese label, for its messages, when they are plain text."""
    names = [table.get(key) for key in ("id", "zh")]
    kept = [n for n in names if isinstance(n, str) and n.strip() and n.isprintable()]
    return ", ".join(kept)


def _label(data: Mapping[str, str]) -> Label:
    return Label(zh=data["zh"], en=data["en"])


# --- reading files ---------------------------------------------------------


#: What the index records of each file read: its stamps and the SHA-256 of
#: the very bytes parsed; None for a file that changed while it was read.
Reads = dict[str, tuple[os.stat_result, str] | None]


def read_toml(
    path: Path, reads: Reads | None = None, vanished: list[Path] | None = None
) -> tuple[dict[str, Any] | None, str, list[Problem]]:
    """Parse one TOML file: (data, text, problems). Only regular files are
    read, without blocking and at most MAX_FILE_BYTES; `reads`, if given,
    records what was read (see Reads); `vanished`, if given, collects a file
    that is gone (renamed away since its folder was listed) instead of
    reporting it."""
    try:
        raw, info, still = read_file(path, MAX_FILE_BYTES)
    except FileNotFoundError as error:
        if vanished is not None:
            vanished.append(path)
            return None, "", []
        return None, "", [problem_at(path, f"cannot read: {error.strerror or error}")]
    except NotRegularError:
        return None, "", [problem_at(path, "not a regular file; skipped")]
    except TooLargeError:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        return None, "", [problem_at(path, f"file is larger than {limit} MiB; not read")]
    except OSError as error:
        return None, "", [problem_at(path, f"cannot read: {error.strerror or error}")]
    if reads is not None:
        import hashlib

        reads[path.name] = (info, hashlib.sha256(raw).hexdigest()) if still else None
    return parse_toml(path, raw)


def parse_toml(path: Path, raw: bytes) -> tuple[dict[str, Any] | None, str, list[Problem]]:
    """Decode and parse TOML bytes, turning every failure into a located problem."""
    if raw.startswith(_UTF16_BOMS):
        return None, "", [problem_at(path, "file is UTF-16; fact files must be UTF-8")]
    raw = raw.removeprefix(_UTF8_BOM)  # editors on Windows add one; harmless
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return (
            None,
            "",
            [problem_at(path, f"not valid UTF-8 (byte 0x{raw[error.start]:02x})", line)],
        )
    from gaoxin_cli.factfiles.toml_lines import key_problem  # parsing is quadratic in a key's depth

    if too_long := key_problem(text):
        return None, text, [problem_at(path, f"{too_long[1]}; not read", too_long[0])]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error.args[0]) if error.args else str(error)
        toml_line: int | None = getattr(error, "lineno", None)
        position = _TOML_POSITION.search(message)
        if position:
            message = message[: position.start()]
            if toml_line is None:
                end = text.count("\n") + 1
                toml_line = int(position.group(1)) if position.group(1) else end
        if message:
            message = message[0].lower() + message[1:]
        return None, text, [problem_at(path, f"invalid TOML: {message}", toml_line or 1)]
    except RecursionError:
        return None, text, [problem_at(path, "invalid TOML: nested too deeply")]
    except ValueError:  # an integer of more digits than Python converts (4,300)
        digits = re.search(r"[0-9_]{4000,}", text)
        line = text.count("\n", 0, digits.start()) + 1 if digits else 1
        return None, text, [problem_at(path, "invalid TOML: a number with too many digits", line)]
    return data, text, []


# --- building models ---------------------------------------------------------


def _dataset_meta(
    folder: Path, reads: Reads | None
) -> tuple[dict[str, Any] | None, Location, list[Problem]]:
    path = folder / DATASET_FILE
    if not path.exists():
        return (
            None,
            Location(str(path), 1),
            [problem_at(folder, f"no {DATASET_FILE}: a dataset folder needs one")],
        )
    data, text, problems = read_toml(path, reads)
    if data is None:
        return None, Location(str(path), 1), problems
    file = _File(path, data, LineIndex(text))
    good = file.table((), data, DATASET_KEYS, "dataset")
    if "source" in good:
        good["source"] = file.table(("source",), good["source"], SOURCE_KEYS, "source")
    if "not_figure" in good:
        good["not_figure"] = list(_not_figures(file, good["not_figure"]))
    if "id" not in good and "id" not in data:
        if ID_PATTERN.match(folder.name):
            good["id"] = folder.name
        else:
            file.problem(
                (),
                None,
                f"dataset has no id and its folder's name {folder.name!r} is not one (lower-case"
                ' letters and digits joined by - or _): add id = "..." to dataset.toml',
            )
    keys = dict(file.lines.keys(()))
    if isinstance(data.get("source"), dict):  # where `validate --source` points
        keys["source"] = file.lines.line(("source",))
        keys["source.file"] = file.lines.line(("source",), "file")
    return good, Location(str(path), 1, keys), file.problems


def _not_figures(file: _File, tables: list[dict[str, Any]]) -> Iterator[NotFigure]:
    """The `[[not_figure]]` tables that have a figure and a quote, with their places."""
    for i, raw in enumerate(tables):
        where: TomlPath = ("not_figure", i)
        table = file.table(where, raw, NOT_FIGURE_KEYS, "not_figure")
        if {"figure", "quote"} <= table.keys():
            yield (table["figure"], table["quote"], file.location(where))


def _section_indicators(
    file: _File, meta: Mapping[str, Any], dataset_id: str
) -> Iterator[Indicator]:
    top = file.table((), file.data, SECTION_KEYS, "section file")
    section = top.get("section", "overview")
    heading = _label(top["heading"]) if "heading" in top else Label("", "")
    area = _label(meta["area"]) if "area" in meta else Label("", "")
    period = meta.get("period", "")
    for i, raw in enumerate(top.get("indicator", [])):
        where: TomlPath = ("indicator", i)
        ind = file.table(where, raw, INDICATOR_KEYS, "indicator", _named(raw))
        if "id" not in ind:
            continue
        ind_heading = _label(ind["heading"]) if "heading" in ind else heading
        # A label left to write is a problem already; its facts are still read,
        # so that the same run checks them too (the book is then never served).
        label = Label(ind.get("zh", ""), ind.get("en", ""))
        aliases = tuple(ind.get("aliases", ()))
        facts: list[Fact] = []
        for j, raw_fact in enumerate(ind.get("fact", [])):
            fact_where: TomlPath = (*where, "fact", j)
            fields = file.table(fact_where, raw_fact, FACT_KEYS, "fact")
            if not {"measure", "value", "quote"} <= fields.keys():
                continue
            location = Location(file.name, file.lines.line(fact_where), file.lines.keys(fact_where))
            facts.append(
                make_fact(
                    fields,
                    indicator=ind["id"],
                    label=label,
                    dataset=dataset_id,
                    section=section,
                    heading=ind_heading,
                    period=period,
                    area=area,
                    location=location,
                    aliases=aliases,
                )
            )
        if "fact" in ind and not facts and not raw.get("fact"):
            file.problem(where, "fact", "indicator has no facts")
        yield Indicator(
            id=ind["id"],
            dataset=dataset_id,
            section=section,
            heading=ind_heading,
            label=label,
            facts=tuple(facts),
            location=file.location(where),
            aliases=aliases,
        )


#: How often a dataset folder is read again when its files were renamed as it was read.
RELISTS = 3


def load_dataset(folder: Path, reads: Reads | None = None) -> tuple[Dataset | None, list[Problem]]:
    """Read one dataset folder: its metadata and every section file in it
    (recording into `reads`, if given, what was read of each). A section file
    renamed away between listing the folder and reading it is no problem of
    the facts: the folder is listed and read again (a few times at most)."""
    for attempt in range(RELISTS + 1):
        vanished: list[Path] | None = [] if attempt < RELISTS else None
        if reads is not None:
            reads.clear()
        listed = _section_files(folder)  # (an error, if it cannot be listed, is never equal)
        dataset, problems = _load_dataset(folder, reads, vanished)
        # a rename while the folder was listed may show a file twice or not at all
        if not vanished and (vanished is None or _section_files(folder) == listed):
            break
    return dataset, problems


def _section_files(folder: Path) -> list[Path] | OSError:
    """The section files of a dataset folder, by name; the error if it cannot be listed."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".toml" and p.name != DATASET_FILE)
    except OSError as error:
        return error


def _load_dataset(
    folder: Path, reads: Reads | None, vanished: list[Path] | None
) -> tuple[Dataset | None, list[Problem]]:
    meta, location, problems = _dataset_meta(folder, reads)
    usable_meta: Mapping[str, Any] = meta or {}
    dataset_id = str(usable_meta.get("id", folder.name))
    indicators: list[Indicator] = []
    files = _section_files(folder)
    if isinstance(files, OSError):
        return None, [*problems, problem_at(folder, f"cannot list folder: {files.strerror}")]
    for path in files:
        data, text, file_problems = read_toml(path, reads, vanished)
        problems.extend(file_problems)
        if data is None:
            continue
        file = _File(path, data, LineIndex(text))
        indicators.extend(_section_indicators(file, usable_meta, dataset_id))
        problems.extend(file.problems)
    if meta is None:
        return None, problems
    source = meta.get("source", {})
    dataset = Dataset(
        id=dataset_id,
        title=_label(meta["title"]) if "title" in meta else Label(dataset_id, dataset_id),
        area=_label(meta["area"]) if "area" in meta else Label("", ""),
        period=str(meta.get("period", "")),
        source=Source(
            title=source.get("title", ""),
            description=source.get("description", ""),
            byline=source.get("byline", ""),
            authors=tuple(source.get("authors", ())),
            file=source.get("file"),
        ),
        indicators=_in_section_order(indicators),
        headlines=tuple(meta.get("headlines", ())),
        not_figures=tuple(meta.get("not_figure", ())),
        location=location,
    )
    return dataset, problems


def _in_section_order(indicators: list[Indicator]) -> tuple[Indicator, ...]:
    order = {name: i for i, name in enumerate(SECTIONS)}
    return tuple(sorted(indicators, key=lambda ind: order.get(ind.section, len(order))))


def read_factbook(root: Path) -> tuple[FactBook, list[Problem]]:
    """Every dataset under `root`, with every problem found reading them."""
    folders, problems = find_dataset_dirs(root)
    datasets: list[Dataset] = []
    for folder in folders:
        dataset, dataset_problems = load_dataset(folder)
        problems.extend(dataset_problems)
        if dataset is not None:
            datasets.append(dataset)
    return FactBook(tuple(datasets)), problems


def load_factbook(*roots: Path) -> FactBook:
    """Read and validate the facts folders `roots` as one book; raise FactsError
    listing every problem (a dataset id used in two folders is one)."""
    from gaoxin_cli.checks.validate import check_factbook

    datasets: list[Dataset] = []
    problems: list[Problem] = []
    seen: set[str] = set()  # a dataset folder reached from two roots is read once
    for root in roots:
        found, found_problems = read_factbook(root)
        for dataset in found.datasets:
            place = str(Path(dataset.location.path).resolve()) if dataset.location else ""
            if not place or place not in seen:
                datasets.append(dataset)
            seen.add(place)
        problems.extend(found_problems)
    book = FactBook(tuple(datasets))
    problems.extend(check_factbook(book))
    if problems:
        raise FactsError(problems, book)
    return book
