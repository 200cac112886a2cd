"""`python -m plannav.generator.buildrun build ...`: the mkdocs command, with the failures that are not the plan's
said in one line (a full disk, a folder that may not be written, Ctrl-C) instead of a traceback.

Plan problems, broken links and the like are reported by the hooks as mkdocs errors, as before.
"""

import sys


def main(argv: list[str]) -> int:
    import click
    from mkdocs.__main__ import cli

    try:
        cli.main(args=argv, prog_name="mkdocs", standalone_mode=False)
    except click.ClickException as err:  # mkdocs' own "Aborted with a BuildError!" and bad options
        err.show()
        return err.exit_code
    except click.exceptions.Abort:
        print("Aborted.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("The build was interrupted.", file=sys.stderr)
        return 130
    except OSError as err:
        where = f": {err.filename}" if err.filename else ""
        print(f"The site could not be written{where}: {err.strerror or err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
