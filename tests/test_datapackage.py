"""export --format datapackage DIR: a Frictionless Data Package that the reference
validator accepts, the CSV export's rows, a schema that describes every column."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from frictionless import Package, validate

from gaoxin_cli.model import MEASURES, QUALIFIERS, SECTIONS, STATUSES, FactBook
from test_cli import FLAT_COLUMNS


def _export(gaoxin, folder: Path, *args: str) -> dict:
    """Export a package into `folder` (exit 0, nothing on stdout or stderr); its descriptor."""
    result = gaoxin("export", "--format", "datapackage", *args, str(folder))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert sorted(p.name for p in folder.iterdir()) == ["datapackage.json", "facts.csv"]
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def _valid(folder: Path) -> None:
    """The reference validator finds nothing wrong with the package in `folder`."""
    report = validate(str(folder / "datapackage.json"))
    errors = [e.message for e in report.errors] + [
        e.message for task in report.tasks for e in task.errors
    ]
    assert report.valid, errors


def _header(folder: Path) -> list[str]:
    text = (folder / "facts.csv").read_text(encoding="utf-8")
    return next(csv.reader(io.StringIO(text)))


def _usage_error(result) -> None:
    """Exit 2, nothing on stdout, one `gaoxin: …` line on stderr, no traceback."""
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("gaoxin: ")
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_shipped_package_is_valid(gaoxin, shipped: FactBook, tmp_path: Path) -> None:
    """The shipped facts export into a new folder as a package frictionless finds valid."""
    folder = tmp_path / "new" / "package"
    package = _export(gaoxin, folder)
    _valid(folder)
    resource = Package(str(folder / "datapackage.json")).get_resource("facts")
    assert len(resource.read_rows()) == len(shipped.facts)
    (dataset,) = shipped.datasets
    assert package["name"] == dataset.id
    assert package["title"] == dataset.title.zh
    assert package["sources"] == [{"title": f"{dataset.source.title} ({dataset.source.byline})"}]
    assert package["contributors"] == [
        {"title": name, "role": "author"} for name in dataset.source.authors
    ]
    assert "licenses" not in package  # the facts name no licence
    assert "created" not in package
    (described,) = package["resources"]
    expected = {"name": "facts", "path": "facts.csv", "format": "csv", "mediatype": "text/csv"}
    assert {key: described[key] for key in expected} == expected
    assert described["encoding"] == "utf-8"
    assert described["schema"]["primaryKey"] == ["id"]


def test_facts_csv_is_the_csv_export(gaoxin, tmp_path: Path) -> None:
    """facts.csv holds exactly the bytes `export --format csv` writes, filters and all."""
    for args in ([], ["--section", "economy", "--measure", "growth"]):
        folder = tmp_path / "-".join(["package", *args])
        _export(gaoxin, folder, *args)
        csv_export = gaoxin("export", "--format", "csv", *args)
        assert (folder / "facts.csv").read_bytes() == csv_export.stdout_bytes


@pytest.mark.parametrize(
    "args",
    [
        ["--section", "economy"],
        ["--fields", "id,label.en,value,unit,normalized"],
        ["--qualifier", "any", "--sort", "-normalized_value", "--limit", "5"],
    ],
)
def test_filtered_packages_are_valid(gaoxin, tmp_path: Path, args: list[str]) -> None:
    """A filtered, a field-chosen and a sorted, cut package are valid too."""
    folder = tmp_path / "package"
    package = _export(gaoxin, folder, *args)
    _valid(folder)
    fields = [f["name"] for f in package["resources"][0]["schema"]["fields"]]
    assert fields == _header(folder)


def test_fields_package_describes_exactly_those_columns(gaoxin, tmp_path: Path) -> None:
    """With --fields, the schema has those columns (nested ones spread), in that order."""
    folder = tmp_path / "package"
    package = _export(gaoxin, folder, "--fields", "value,id,label.en,normalized")
    schema = package["resources"][0]["schema"]
    names = [f["name"] for f in schema["fields"]]
    assert names == ["value", "id", "label.en", "normalized_value", "normalized_unit"]
    assert schema["primaryKey"] == ["id"]
    without_id = _export(gaoxin, tmp_path / "no-id", "--fields", "value,unit")
    assert "primaryKey" not in without_id["resources"][0]["schema"]


def test_every_column_has_a_described_field_in_header_order(gaoxin, tmp_path: Path) -> None:
    """Each CSV column has a schema field with a type and a description, in the header's order."""
    folder = tmp_path / "package"
    package = _export(gaoxin, folder)
    fields = package["resources"][0]["schema"]["fields"]
    assert [f["name"] for f in fields] == _header(folder) == FLAT_COLUMNS
    for field in fields:
        assert field["type"] in ("string", "number"), field
        assert len(field["description"]) > 20, field


def test_constraints_come_from_the_model(gaoxin, tmp_path: Path) -> None:
    """id is required, and section, measure, qualifier and status take the model's vocabularies."""
    package = _export(gaoxin, tmp_path / "package")
    names = [f["name"] for f in package["resources"][0]["schema"]["fields"]]
    assert names[names.index("qualifier") + 1] == "status"
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert fields["id"]["constraints"]["required"] is True
    assert fields["section"]["constraints"]["enum"] == list(SECTIONS)
    assert fields["measure"]["constraints"]["enum"] == list(MEASURES)
    assert fields["qualifier"]["constraints"] == {"enum": list(QUALIFIERS)}
    assert fields["status"]["constraints"] == {"enum": ["estimated", "preliminary"]}
    assert list(STATUSES) == ["estimated", "preliminary"]
    assert fields["status"]["type"] == "string"
    for name in QUALIFIERS:
        assert name in fields["qualifier"]["description"]
    assert "estimated" not in fields["qualifier"]["description"]
    for name, (words, _mark) in STATUSES.items():
        assert f"{name} ({words})" in fields["status"]["description"]
    for name, (zh, _en) in MEASURES.items():
        assert f"{name} ({zh}" in fields["measure"]["description"]
    assert "亿 = 10^8" in fields["normalized_value"]["description"]
    assert fields["normalized_value"]["type"] == "number"


def test_value_is_a_number_only_when_every_row_holds_one(gaoxin, tmp_path: Path) -> None:
    """`value` is typed string with text facts among the rows, number without them."""
    every = _export(gaoxin, tmp_path / "every")
    growth = _export(gaoxin, tmp_path / "growth", "--measure", "growth")
    types = [
        {f["name"]: f["type"] for f in package["resources"][0]["schema"]["fields"]}["value"]
        for package in (every, growth)
    ]
    assert types == ["string", "number"]
    _valid(tmp_path / "growth")


def test_several_datasets_are_keyed_by_dataset_and_id(
    gaoxin, two_datasets: list[str], tmp_path: Path
) -> None:
    """Two datasets make one valid package keyed by (dataset, id), named by both ids."""
    folder = tmp_path / "package"
    package = _export(gaoxin, folder, *two_datasets)
    _valid(folder)
    assert package["name"] == "dalian-2019_synthetic-2020"
    assert package["resources"][0]["schema"]["primaryKey"] == ["dataset", "id"]
    assert len(package["sources"]) == 2


def test_descriptor_is_byte_identical_across_runs(gaoxin, tmp_path: Path) -> None:
    """Two exports of the same facts write the same bytes, also over a package of their own."""
    first, second = tmp_path / "first", tmp_path / "second"
    _export(gaoxin, first)
    _export(gaoxin, second)
    for name in ("datapackage.json", "facts.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    before = (first / "datapackage.json").read_bytes()
    _export(gaoxin, first)  # a folder it wrote before is written again
    assert (first / "datapackage.json").read_bytes() == before


def test_a_package_of_its_own_is_replaced(gaoxin, tmp_path: Path) -> None:
    """Exporting again into a package export wrote replaces both files."""
    folder = tmp_path / "package"
    _export(gaoxin, folder)
    package = _export(gaoxin, folder, "--section", "party")
    _valid(folder)
    sections = {row["section"] for row in csv.DictReader(io.StringIO(_text(folder)))}
    assert sections == {"party"}
    assert package["resources"][0]["bytes"] == len((folder / "facts.csv").read_bytes())


def _text(folder: Path) -> str:
    return (folder / "facts.csv").read_text(encoding="utf-8")


def test_no_folder_is_a_usage_error(gaoxin) -> None:
    """--format datapackage without DIR is one usage line, exit 2."""
    result = gaoxin("export", "--format", "datapackage")
    _usage_error(result)
    assert "gaoxin export --format datapackage DIR" in result.stderr


def test_a_file_is_refused(gaoxin, tmp_path: Path) -> None:
    """DIR naming a file is one usage line, exit 2, and the file is kept."""
    target = tmp_path / "facts.csv"
    target.write_text("precious", encoding="utf-8")
    result = gaoxin("export", "--format", "datapackage", str(target))
    _usage_error(result)
    assert result.stderr == (f"gaoxin: {target} is a file; --format datapackage writes a folder\n")
    assert target.read_text(encoding="utf-8") == "precious"


@pytest.mark.parametrize(
    "files",
    [
        {"notes.txt": "mine"},
        {"facts.csv": "mine"},
        {"datapackage.json": '{"name": "mine", "resources": []}'},
    ],
)
def test_a_foreign_folder_is_refused(gaoxin, tmp_path: Path, files: dict[str, str]) -> None:
    """A folder holding anything but a package export wrote is refused and left as it was."""
    folder = tmp_path / "theirs"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = gaoxin("export", "--format", "datapackage", str(folder))
    _usage_error(result)
    assert f"{folder} is a folder with other files in it" in result.stderr
    assert {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()} == files


def test_a_package_with_a_file_added_is_refused(gaoxin, tmp_path: Path) -> None:
    """A package export wrote, with a file of someone else's added, is no longer replaced."""
    folder = tmp_path / "package"
    _export(gaoxin, folder)
    (folder / "README.md").write_text("mine", encoding="utf-8")
    _usage_error(gaoxin("export", "--format", "datapackage", str(folder)))


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("--bom", "--bom goes with --format csv or tsv, not datapackage"),
        ("--no-headers", "--no-headers goes with --format csv or tsv, not datapackage"),
        ("--json", "--json and --format datapackage ask for different formats"),
    ],
)
def test_options_its_csv_does_not_take(gaoxin, tmp_path: Path, option: str, message: str) -> None:
    """--bom, --no-headers and --json do not go with a data package: one line, exit 2."""
    folder = tmp_path / "package"
    result = gaoxin("export", "--format", "datapackage", option, str(folder))
    _usage_error(result)
    assert result.stderr == f"gaoxin: {message}\n"
    assert not folder.exists()


@pytest.mark.slow
def test_other_commands_never_import_the_writer() -> None:
    """`gaoxin get` runs without importing the data package writer."""
    script = (
        "import sys\n"
        "from gaoxin_cli.__main__ import main\n"
        "sys.argv = ['gaoxin', 'get', 'gdp.growth', '--value']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(' '.join(m for m in sys.modules if 'datapackage' in m))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("GAOXIN_")}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, env=env
    )
    assert done.stdout.strip() == "7.5"
    assert done.stderr == ""


def test_a_refusal_touches_nothing_and_only_its_own_leftovers_are_cleared(
    gaoxin, tmp_path: Path
) -> None:
    """In a folder of an earlier package plus a person's README.md and hidden .tmp files that
    look like a killed run's, export refuses and every file stays; with only a killed run's
    own leftover beside the package, export takes the folder and clears just that."""
    folder = tmp_path / "pkg"
    assert gaoxin("export", "--format", "datapackage", str(folder)).exit_code == 0
    people = {
        "README.md": "mine\n",
        ".notes.20240101.tmp": "my notes\n",
        ".backup.99999.draft_v2.tmp": "my backup\n",
    }
    for name, text in people.items():
        (folder / name).write_text(text, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    refused = gaoxin("export", "--format", "datapackage", str(folder))
    assert refused.exit_code == 2
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    for name in people:
        (folder / name).unlink()
    leftover = folder / ".facts.csv.99999999.abcd_123.tmp"  # a dead process's own temporary
    leftover.write_text("half", encoding="utf-8")
    lookalike = folder / ".other.99999999.abcd_123.tmp"
    lookalike.write_text("not ours", encoding="utf-8")
    assert gaoxin("export", "--format", "datapackage", str(folder)).exit_code == 2
    assert leftover.exists()
    assert lookalike.exists()
    lookalike.unlink()
    taken = gaoxin("export", "--format", "datapackage", str(folder))
    assert (taken.exit_code, taken.stderr) == (0, "")
    assert sorted(p.name for p in folder.iterdir()) == ["datapackage.json", "facts.csv"]


@pytest.mark.slow
def test_a_package_that_cannot_be_written_whole_is_not_written_at_all(
    gaoxin, tmp_path: Path
) -> None:
    """Under a file-size limit the descriptor fits and facts.csv does not: the earlier package
    stays as it was, both files, and the refusal is one line (exit 2)."""
    import resource
    import subprocess
    import sys

    folder = tmp_path / "pkg"
    assert (
        gaoxin("export", "--format", "datapackage", str(folder), "--section", "party").exit_code
        == 0
    )
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    limit = len(before["datapackage.json"]) + 4096  # a new descriptor fits, the whole CSV does not

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        [sys.executable, "-m", "gaoxin_cli", "export", "--format", "datapackage", str(folder)],
        capture_output=True,
        text=True,
        preexec_fn=small_files,
        check=False,
    )
    assert result.returncode == 2
    assert (
        result.stderr == f"gaoxin: cannot write output to {folder / 'facts.csv'}: File too large\n"
    )
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
