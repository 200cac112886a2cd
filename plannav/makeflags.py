"""A yes or no given to make (REPLACE=1, OFFLINE=yes) and passed on as a value: empty or absent is no,
1 or yes is yes, anything else is a mistake to refuse, so that REPLACE=0 can never replace."""

YES = ("1", "yes")


def make_flag(value: str | None) -> bool | None:
    """True, False, or None where the value says neither."""
    if value is None or value == "":
        return False
    return True if value.strip().lower() in YES else None


def flag_option(parser, name: str, help_text: str) -> None:
    """`--name` alone, or `--name VALUE` as the Makefile passes it ("" when the variable is not given)."""
    parser.add_argument(name, nargs="?", const="1", default="", metavar="1|yes", help=help_text)
