"""Problems found in the plan, reported the way compilers report errors."""

import difflib
from dataclasses import dataclass, field

from plannav.textnorm import visible


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    path: str
    message: str
    hint: str = ""
    code: str = ""  # stable and searchable: unknown-agency, who-mismatch, deadline-mismatch, ...
    hidden: int = field(default=0, compare=False)  # > 0: this line stands for that many problems not listed

    @classmethod
    def of_file(cls, file: str, message: str, hint: str = "", code: str = "", hidden: int = 0) -> "Problem":
        """A problem of a file as a whole (missing, too large, not UTF-8): no line, no place in it."""
        return cls(file, 0, "", message, hint, code, hidden)

    def __str__(self) -> str:
        return self.render()

    def render(self, hint_label: str = "hint") -> str:
        # Values and keys come from the plan: printed with their control characters escaped.
        where = f"{visible(self.file)}:{self.line}" if self.line else visible(self.file)
        head = (
            f"{where}: {visible(self.path)}: {visible(self.message)}" if self.path else f"{where}: {visible(self.message)}"
        )
        head += f" [{self.code}]" if self.code else ""
        return f"{head}\n    {hint_label}: {visible(self.hint)}" if self.hint else head


def format_path(parts) -> str:
    """('sections', 1, 'tasks', 0) -> 'sections[1].tasks[0]'."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# More than this many is a file of pasted rows or one cause repeated: listing them all would bury the first.
MAX_REPORTED = 200


# How the list ends, in English for editors of the plan and in Vietnamese for what goes back to agencies.
_WORDS = {
    "en": (
        "hint",
        "... and {:,} more, not listed: fix the ones above first.",
        "{:,} problem found.",
        "{:,} problems found.",
    ),
    "vi": ("gợi ý", "... và {:,} lỗi khác, không liệt kê: sửa các lỗi trên trước.", "Có {:,} lỗi.", "Có {:,} lỗi."),
    "vi-warnings": ("gợi ý", "... và {:,} cảnh báo khác, không liệt kê.", "Có {:,} cảnh báo.", "Có {:,} cảnh báo."),
}


def report(problems: list[Problem], language: str = "en") -> str:
    """The problems, sorted by file and line, at most MAX_REPORTED of them, with a count at the end."""
    hint_label, more, one, many = _WORDS[language]
    ordered = sorted(problems, key=lambda p: (p.file, p.hidden > 0, p))  # a file's "N more" line after its list
    shown = [p for p in ordered if not p.hidden][:MAX_REPORTED]
    summaries = [p for p in ordered if p.hidden]
    total = sum(1 for p in problems if not p.hidden) + sum(p.hidden for p in summaries)
    lines = [p.render(hint_label) for p in shown] + [p.render(hint_label) for p in summaries]
    unlisted = total - len(shown) - sum(p.hidden for p in summaries)
    if unlisted:
        lines.append(more.format(unlisted))
    lines.append((one if total == 1 else many).format(total))
    return "\n".join(lines)


def did_you_mean(value: str, choices, otherwise: str = "") -> str:
    """A hint naming the closest of `choices` to a value that is not among them."""
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else otherwise
