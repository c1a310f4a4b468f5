"""Flags people bring from gh and sqlite-utils, pointed to this tool's way.

`--csv`, `--tsv` and `--nl` (sqlite-utils) work as `--format csv`, `--format
tsv` and `--format jsonl` on every command that has `--format`; `--json
id,value` (gh) is refused with one line saying to write `--json --fields
id,value`, rather than reading "id,value" as a search word or an id.
"""

import re

from gaoxin_cli.errors import UsageError

#: Flags of other tools and the --format each means here.
FORMAT_FLAGS = {"--csv": "csv", "--tsv": "tsv", "--nl": "jsonl"}
_FIELD_LIST = re.compile(r"[a-z_]+(?:\.[a-z]+)?(?:,[a-z_]+(?:\.[a-z]+)?)+")


def translated(args: list[str], has_format: bool) -> list[str]:
    """`args` with the borrowed flags written this tool's way (see the module);
    a UsageError for `--json FIELDS`. Nothing after `--` is touched."""
    out: list[str] = []
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--":
            out += [arg, *rest]
            break
        if has_format and arg in FORMAT_FLAGS:
            out += ["--format", FORMAT_FLAGS[arg]]
            continue
        if arg == "--json" and rest and _FIELD_LIST.fullmatch(rest[0]):
            raise UsageError(
                f"--json takes no fields: write --json --fields {rest[0]}"
                " (or --format csv --fields …)"
            )
        out.append(arg)
    return out
