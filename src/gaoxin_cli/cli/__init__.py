"""The command line: the Typer app and its entry point."""
