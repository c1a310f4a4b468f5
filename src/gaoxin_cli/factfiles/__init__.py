"""Fact files: finding dataset folders, reading their bytes, parsing TOML with
the line of every key, checking each key, and building the model (`loader`)."""
