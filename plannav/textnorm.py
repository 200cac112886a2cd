"""Text normalisation shared by matching, search and slugs; characters that have no place in plan text."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# "(sau đây gọi tắt là …)", "(viết tắt là …)": a decision defining the short name it goes on to use. ALIAS_OPENING
# is the words up to the short name, in any case, for patterns that read the name too (the plan drafter's).
ALIAS_OPENING = r"\((?i:(?:sau\s+đây\s+)?(?:gọi|viết)\s+tắt\s+là)\s+"
ALIAS_DEFINITION = re.compile(rf"\s*{ALIAS_OPENING}[^()]*\)")

# Characters no plan text needs and that mislead: control characters (NUL, ESC, ...) that the YAML reader
# refuses with a bare offset or that a terminal obeys; line separators (U+0085, U+2028, U+2029) that YAML
# counts as line breaks and editors do not, which shifts every later line number; and invisible
# characters that reorder or hide text (bidirectional overrides, zero-width spaces), which make one
# name look like another; and U+FFFE, U+FFFF, which are not characters at all (XML, and so every Word and
# Excel file the site makes, cannot hold them). Tab, line feed and carriage return are the only controls
# a file may hold.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]"
)
_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}
_UNSEEN = re.compile(FORBIDDEN.pattern[:-1] + "\t\n\r]")


def character_name(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': the code point and its name, for characters one cannot see."""
    code = ord(char)
    unnamed = "NOT A CHARACTER" if unicodedata.category(char) == "Cn" else "CONTROL CHARACTER"
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(code) or unnamed
    return f"U+{code:04X} {name}"


def visible(text: str) -> str:
    """Text safe to print on a terminal: every control or invisible character written as an escape
    ('\\x1b', '\\n', '\\u202e'), so that no value can clear the screen or forge a line of output."""

    def escape(match: re.Match) -> str:
        code = ord(match.group())
        return {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}.get(code) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")

    return _UNSEEN.sub(escape, text)


def squash(text: str) -> str:
    """Collapse runs of whitespace and trim: the only change fidelity allows."""
    return _SPACES.sub(" ", text).strip()


def match_key(text: str) -> str:
    """Case-insensitive, composed form used to compare wordings."""
    return squash(unicodedata.normalize("NFC", text)).casefold()


def without_diacritics(text: str) -> str:
    """'Đắk Nông' -> 'Dak Nong': letters kept in their case, marks dropped, 'đ' as 'd'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Strip Vietnamese diacritics: 'Đăng ký' -> 'dang ky'.

    NFD leaves 'đ' whole (it is a letter, not d + a mark), so it is mapped explicitly.
    """
    return without_diacritics(text).casefold()


def slugify(text: str) -> str:
    """ASCII slug for URLs; 'đ' becomes 'dd' so that item 'd' and item 'đ' never collide."""
    text = text.replace("đ", "dd").replace("Đ", "dd")
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
