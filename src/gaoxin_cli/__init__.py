"""gaoxin: the figures of a zone's yearly review, from the terminal and from scripts."""

__version__ = "0.1.0"
