"""Problems found in the plan, reported the way compilers report errors."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    path: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        head = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return f"{head}\n    hint: {self.hint}" if self.hint else head


def format_path(parts) -> str:
    """('sections', 1, 'tasks', 0) -> 'sections[1].tasks[0]'."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def report(problems: list[Problem]) -> str:
    """All problems, sorted by file and line, with a count at the end."""
    lines = [str(p) for p in sorted(problems)]
    noun = "problem" if len(problems) == 1 else "problems"
    lines.append(f"{len(problems)} {noun} found.")
    return "\n".join(lines)
