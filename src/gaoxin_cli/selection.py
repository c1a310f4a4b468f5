"""What a command will look at: the index loads only that.

Without an index the whole book is read and the query code picks the same
things out of it, so a selection never changes an answer, only its cost.
"""


class Selection:
    """Indicators or facts by id, a section, search words, the first dataset
    only, or some datasets by id; None (or False) for "any"."""

    __slots__ = ("datasets", "first_dataset", "ids", "section", "words")

    def __init__(
        self,
        ids: tuple[str, ...] | None = None,
        section: str | None = None,
        words: tuple[str, ...] | None = None,
        first_dataset: bool = False,
        datasets: tuple[str, ...] | None = None,
    ) -> None:
        self.ids = ids
        self.section = section
        self.words = words
        self.first_dataset = first_dataset
        self.datasets = datasets

    def among(self, datasets: tuple[str, ...] | None) -> "Selection":
        """The same selection, narrowed to `datasets`."""
        return Selection(self.ids, self.section, self.words, self.first_dataset, datasets)
