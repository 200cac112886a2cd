"""Initials of a name as Vietnamese administrative writing forms them, for the search: "Ngân hàng Nhà nước
tỉnh" is also "NHNN" and "NHNN tỉnh", "Viện Kiểm sát nhân dân tỉnh" "VKSND tỉnh", "Sở Lao động - Thương
binh và Xã hội" "SLĐTBXH" and "SLĐ-TB&XH". The first letter of each syllable, without its tone mark ("Ủy"
gives U) but with Đ kept (and as D, for those who type without diacritics); "và" dropped or written "&",
" - " dropped or kept; a trailing place ("tỉnh", "tỉnh Lâm Đồng") kept as words. The hand-kept list
(plan/abbreviations.yaml) stays for the irregular ones."""

import re

from plannav.textnorm import without_diacritics

_PLACE_WORDS = ("tỉnh", "huyện")  # where the body's own name ends and its place begins
_SPLIT = re.compile(r"[\s,]+")
# Two letters ("CA", "CT", "TT") name too many things to be anyone's initials: three syllables at least.
MIN_SYLLABLES = 3


def head_and_place(name: str) -> tuple[list[str], list[str]]:
    """The syllables that give letters, and what is kept as words after them: a place ("tỉnh Lâm Đồng"),
    or whatever follows the first token that is not a word ("1.2", "(cũ)")."""
    words = [w for w in _SPLIT.split(name) if w]
    cut = next(
        (i for i, w in enumerate(words) if i >= 1 and (w.lower() in _PLACE_WORDS or not w[0].isalpha()) and w not in "-&"),
        len(words),
    )
    return words[:cut], words[cut:]


def _letter(word: str) -> str:
    first = word[0]
    return "Đ" if first in "Đđ" else without_diacritics(first).upper()


def initials(name: str) -> list[str]:
    """The name's initials, alone and with its place, with and without '&' and '-', as typed and without
    diacritics; none where the name has fewer than MIN_SYLLABLES syllables before its place."""
    head, place = head_and_place(name)
    syllables = [w for w in head if w not in ("-", "&", "và")]
    if len(syllables) < MIN_SYLLABLES:
        return []
    plain = "".join(_letter(w) for w in syllables)
    kept = "".join("-" if w == "-" else "&" if w in ("và", "&") else _letter(w) for w in head)
    out: list[str] = []
    for core in dict.fromkeys((plain, kept)):
        for form in (core, f"{core} {' '.join(place)}" if place else ""):
            if form:
                out += [form, without_diacritics(form)]
    return list(dict.fromkeys(out))


def head_key(name: str) -> str:
    """What two names must share to share initials by right: the same words before the place."""
    return " ".join(head_and_place(name)[0]).casefold()
