"""Checks that span facts, files and the article: what a quote says of its
figure (`quotes`), the rules over loaded facts (`validate`), and an article's
every figure stated by a fact (`coverage`)."""
