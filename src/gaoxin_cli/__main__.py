"""Entry point for `gaoxin` and `python -m gaoxin_cli`."""

import sys
from typing import Any


def _command_for(argv: list[str]) -> Any:
    from gaoxin_cli.cli.app import command_for  # after the boundary is in place

    return command_for(argv)


def main() -> None:
    """Run the CLI on this process's arguments."""
    from gaoxin_cli.cli.boundary import main as run

    run(sys.argv[1:], _command_for)


if __name__ == "__main__":
    main()
