"""A SQLite index of a facts folder, so that lookups cost the same at any size.

The index lives in the user's cache folder ($XDG_CACHE_HOME/gaoxin, else
~/.cache/gaoxin; none without a home directory), one file per facts folder.
It is only a copy: the TOML files stay the truth, and whenever the index
cannot be trusted or used the files are read instead, with the same output.

- `schema`: the tables, their version, and where the index file lives.
- `freshness`: is it fresh or stale? Every run compares the fact files'
  list, sizes, mtimes and ctimes with those recorded; a file whose mtime or
  ctime moved is hashed (SHA-256) and counts as changed only if its content
  did (a touched file is then recorded anew). A file written within two
  seconds of the build is hashed every time ("racy", as git says). The ctime
  catches an edit whose mtime was set back. The tool version and the schema
  version are part of the key.
- `build`: rebuilt only for what changed: datasets whose files changed are
  read again; the rest is copied. Every build is written to a temporary
  file and moved into place, so readers never see half an index and two
  processes building at once both succeed. Facts with problems are never
  indexed: the caller then reads the files, which report the problems.
  What is recorded of a file is what the loader parsed: the hash of the
  very bytes read and the stamps taken while reading; a file that changed
  while it was read is not recorded, so the next run reads it again. Each
  build also prunes the cache folder (`cache`): indexes of folders that are
  gone, temporary files of killed builds.
- `read`: the facts a selection asks for, rows read by column name, each
  checked against its checksum (and each dataset's and indicator's number of
  rows), and made into facts by the model's one constructor. A failing check
  raises DamagedError: the caller discards the index and reads the files.
- `cache`: the index files of the cache folder, for `gaoxin cache`.

Search uses FTS5 with the trigram tokenizer (substrings, Chinese included),
one row per indicator: a word of three or more characters must have all its
trigrams in the row; a shorter word, any trigram that starts with it (from
the index's term list). The candidates are then scored by the same code as
without the index, so the results are the same.
"""

import contextlib
import sqlite3
from pathlib import Path

from gaoxin_cli.index import freshness, schema
from gaoxin_cli.index.read import Index, open_read_only
from gaoxin_cli.index.schema import index_path

__all__ = ["READ_ERRORS", "Index", "discard", "index_path", "open_index"]

#: What a damaged or foreign index file can raise while it is read: the caller
#: discards the index and reads the files (the next run builds it anew).
READ_ERRORS = (sqlite3.Error, KeyError, IndexError, TypeError, ValueError)


def discard(root: Path) -> None:
    """Remove the index of `root`, so that the next run builds it anew."""
    path = index_path(root)
    with contextlib.suppress(OSError):  # gone already: the files are read either way
        if path is not None:
            path.unlink()


def open_index(root: Path) -> Index | None:
    """A fresh index of `root`, built or updated as needed; None to read the files instead."""
    resolved = root.resolve()
    path, meta = schema.path_for(resolved), schema.meta(resolved)
    if path is None:
        return None  # no cache folder: read the files
    base = freshness.base_of(root)
    db = open_read_only(path)
    if db is not None and freshness.unchanged(db, root, meta):
        return Index(db, base)  # the common case: one text a folder compared
    found = freshness.scan(root)
    if found is None:
        if db is not None:
            db.close()
        return None
    dirs, files = found
    if path.exists() and not path.is_file():
        return None  # something else is in the way: read the files
    changes = freshness.changes(db, root, dirs, files, meta)
    if db is not None:
        if changes is not None and not changes.dirs and not changes.refresh:
            return Index(db, base)  # fresh, file by file
        db.close()
    from gaoxin_cli.index.build import build

    try:
        built = build(path, meta, base, dirs, changes)
    except (OSError, sqlite3.Error):
        return None
    if not built:
        return None
    db = open_read_only(path)
    return None if db is None else Index(db, base)
