"""One module per command; each has `register(app, name)`, called by `cli.app`."""
