"""Search: what a query means and how well a fact answers it (`matching`),
and the words it knows (`words`)."""
