"""Entry point for `gaoxin` and `python -m gaoxin_cli`."""

import sys


def main() -> None:
    """Run the CLI; Ctrl-C and a closed pipe end quietly."""
    from gaoxin_cli.errors import ExitCode

    try:
        from gaoxin_cli.cli.app import command_for

        command_for(sys.argv[1:])(prog_name="gaoxin")
    except KeyboardInterrupt:
        sys.exit(int(ExitCode.INTERRUPTED))
    except BrokenPipeError:
        from gaoxin_cli.cli.output import silence_stdout

        silence_stdout()
        sys.exit(int(ExitCode.BROKEN_PIPE))


if __name__ == "__main__":
    main()
