"""Review notes: every reading the drafter is not sure of, with where it was read and why it is uncertain.
They are written into the draft (review.yaml, which `make check` lists as warnings) and sorted for the
editor into REVIEW.md."""

from dataclasses import dataclass, field

from plannav.problems import format_path


@dataclass(frozen=True)
class Note:
    file: str  # the plan file the reading went into, without .yaml
    path: tuple  # where in it, as the loader's paths: ("sections", 0, "tasks", 2, "who")
    line: int  # the line of the decision's text it was read from
    read: str  # what was read
    why: str  # why it is uncertain, and what to check

    def as_data(self) -> dict:
        return {
            "file": f"{self.file}.yaml",
            "path": format_path(self.path),
            "line": self.line,
            "read": self.read,
            "why": self.why,
        }


@dataclass
class Notes:
    notes: list[Note] = field(default_factory=list)

    def add(self, file: str, path: tuple, line: int, read: str, why: str) -> None:
        self.notes.append(Note(file, tuple(path), line, read, why))

    def __len__(self) -> int:
        return len(self.notes)
