"""Deadlines as a plan's text writes them: the wording after "Thời gian …:", or a phrase inside a duty's
sentence ("trước ngày 20/3/2022", "Định kỳ ngày 18 hàng tháng"), read into the plan's normalised forms
(plannav/deadlines.py) with the meaning its words give."""

import re

from plannav.deadlines import ALLOWED_MEANINGS, DEFAULT_MEANINGS, DUE_WORDS, START_WORDS, DeadlineError, read_deadline

# Phrases a sentence may bury a deadline in, each a form read_deadline reads.
BURIED = re.compile(
    r"(?<!\w)(?:"
    r"(?:định kỳ )?ngày \d{1,2} h[àằ]ng tháng"
    r"|trước ngày \d{1,2} h[àằ]ng tháng"
    r"|trước ngày \d{1,2}/\d{1,2}/\d{4}"
    r"|trong tháng 0?\d{1,2}(?:/| năm )\d{4}"
    r"|tháng 0?\d{1,2}/\d{4}"
    r"|trong năm \d{4}"
    r"|h[àằ]ng năm"
    r"|h[àằ]ng tháng"
    r")(?!\w)",
    re.IGNORECASE,
)


def reading(text: str, label: str | None = None) -> tuple[dict | None, str]:
    """The deadline's fields for a wording, and why it is uncertain ('' when it is not)."""
    try:
        fields = read_deadline(text)
    except DeadlineError as err:
        return None, f"not a deadline form the plan knows ({err})"
    fields = {"text": text, **({"label": label} if label else {}), **fields}
    kind = fields["kind"]
    if len(ALLOWED_MEANINGS[kind]) == 1:
        return fields, ""
    says = {m for m, words in (("start", START_WORDS), ("due", DUE_WORDS)) if words.search(text)}
    if label and "hoàn thành" in label.lower():
        says.add("due")
    if not says or says == {DEFAULT_MEANINGS[kind]}:
        return fields, ""
    if len(says) == 1:
        return {**fields, "meaning": next(iter(says))}, ""
    return {**fields, "meaning": DEFAULT_MEANINGS[kind]}, (
        f"the wording may say when the work is due or when it starts: read as '{DEFAULT_MEANINGS[kind]}'"
    )


def buried(text: str) -> list[str]:
    """The deadline phrases a sentence holds, as written, in order, each once."""
    found = []
    for m in BURIED.finditer(text):
        phrase = m.group(0)
        if phrase.lower().startswith("ngày"):
            continue  # "ngày 18 hàng tháng" is read with its "Định kỳ" when it has one; alone it is a date
        if phrase not in found:
            found.append(phrase)
    return found
