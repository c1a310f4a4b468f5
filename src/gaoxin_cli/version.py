"""The version of gaoxin-cli: part of every index's key, and `gaoxin --version`."""

__version__ = "0.1.0"
