"""Text normalisation shared by matching, search and slugs."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace and trim: the only change fidelity allows."""
    return _SPACES.sub(" ", text).strip()


def match_key(text: str) -> str:
    """Case-insensitive, composed form used to compare wordings."""
    return squash(unicodedata.normalize("NFC", text)).casefold()


def fold(text: str) -> str:
    """Strip Vietnamese diacritics: 'Đăng ký' -> 'dang ky'.

    NFD leaves 'đ' whole (it is a letter, not d + a mark), so it is mapped explicitly.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def slugify(text: str) -> str:
    """ASCII slug for URLs; 'đ' becomes 'dd' so that item 'd' and item 'đ' never collide."""
    text = text.replace("đ", "dd").replace("Đ", "dd")
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
