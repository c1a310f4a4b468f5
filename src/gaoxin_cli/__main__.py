"""Entry point for `gaoxin` and `python -m gaoxin_cli`."""

import sys


def main() -> None:
    """Run the CLI on this process's arguments."""
    from gaoxin_cli.cli.boundary import main as run

    run(sys.argv[1:])


if __name__ == "__main__":
    main()
