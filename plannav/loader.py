"""Loading ``plan/`` into a checked Plan, collecting every problem on the way."""

import os
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import ValidationError

from plannav.checks import check_plan
from plannav.keys import digest
from plannav.models import FILE_MODELS, OPTIONAL_FILES
from plannav.plan import Plan
from plannav.problems import Problem
from plannav.textfile import read_text
from plannav.validation import problems_from
from plannav.yamlsource import SourceFile, parse_source

DEFAULT_PLAN_DIR = "plan"


DEFAULT_PROGRESS_DIR = "progress"


def progress_dir_setting() -> str:
    """The progress folder the build and `make check` read: PLANNAV_PROGRESS_DIR, or progress/ when unset or empty."""
    return os.environ.get("PLANNAV_PROGRESS_DIR") or DEFAULT_PROGRESS_DIR


def plan_dir_setting() -> str:
    """The plan folder the build and `make check` read: PLANNAV_PLAN_DIR, or plan/ when unset or empty."""
    return os.environ.get("PLANNAV_PLAN_DIR") or DEFAULT_PLAN_DIR


def _display(path: Path) -> str:
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


@dataclass(frozen=True)
class PlanFiles:
    """The plan files' texts, read once: everything built from them sees the same plan, even if a file
    is saved meanwhile (mkdocs serve), and a second process can be handed them whole."""

    folder: str
    texts: dict[str, str]  # file name without .yaml -> its text; only the files that could be read
    problems: tuple[Problem, ...] = ()  # why the others could not

    @cached_property
    def digest(self) -> str:
        """Of the names and texts: the plan's part of the build cache's keys."""
        return digest(*(f"{name}\n{text}" for name, text in self.texts.items()))


def read_plan_files(plan_dir: str | os.PathLike) -> PlanFiles:
    plan_dir = Path(plan_dir)
    if not plan_dir.is_dir():
        return PlanFiles(
            str(plan_dir),
            {},
            (
                Problem.of_file(
                    _display(plan_dir),
                    "plan folder is missing",
                    "run from the project root, or pass the plan folder",
                    "plan-folder-missing",
                ),
            ),
        )
    texts, problems = {}, []
    present_optional = [
        n for n in OPTIONAL_FILES if (plan_dir / f"{n}.yaml").exists() or (plan_dir / f"{n}.yaml").is_symlink()
    ]
    for name in [*FILE_MODELS, *present_optional]:
        text, read_problems = read_text(plan_dir / f"{name}.yaml", _display(plan_dir / f"{name}.yaml"))
        problems += read_problems
        if text is not None:
            texts[name] = text
    return PlanFiles(str(plan_dir), texts, tuple(problems))


def load_plan(plan_dir: str | os.PathLike) -> tuple[Plan | None, list[Problem]]:
    """Read, validate and check every plan file (see load_plan_files)."""
    return load_plan_files(read_plan_files(plan_dir))


def _read_file(name: str, text: str, display: str) -> tuple[SourceFile, object, tuple[Problem, ...]]:
    """One plan file's text parsed and validated by its model: its source, its model (None if it has any
    problem) and its problems, told at `display`."""
    source, model, problems = _read_text(name, text)
    if source.path == display:
        return source, model, problems
    # The same text in another folder (a copy of the plan): only where its problems are said differs.
    return replace(source, path=display), model, tuple(replace(p, file=display) for p in problems)


# make serve reads the plan again after each save, and one file changed: the others are taken from here.
# What is kept is not changed by its readers (the models are frozen; the plan only reads its sources).
@lru_cache(maxsize=4 * len({**FILE_MODELS, **OPTIONAL_FILES}))
def _read_text(name: str, text: str) -> tuple[SourceFile, object, tuple[Problem, ...]]:
    model_type = {**FILE_MODELS, **OPTIONAL_FILES}[name]
    source, problems = parse_source(text, f"{name}.yaml")
    if source.data is None:
        return source, None, tuple(problems)
    if not isinstance(source.data, dict):
        first_key = next(iter(model_type.model_fields))
        problems.append(
            Problem(
                source.path,
                1,
                "",
                "expected a mapping of keys at the top of the file",
                f"start the file with the keys of {name}.yaml, e.g. `{first_key}:`",
                "not-a-mapping",
            )
        )
        return source, None, tuple(problems)
    try:
        model = model_type.model_validate(source.data)
    except ValidationError as err:
        return source, None, tuple(problems + problems_from(err, model_type, source))
    return source, (None if problems else model), tuple(problems)


def load_plan_files(files: PlanFiles) -> tuple[Plan | None, list[Problem]]:
    """Validate and check the plan files' texts.

    Returns the plan (None when a file could not be read or validated) and all problems.
    Cross-file checks run only once every file has a valid shape; their problems depend on it.
    """
    # Where each file is said to be depends on the working folder: the same texts read from elsewhere are
    # told by other paths.
    displays = tuple(_display(Path(files.folder) / f"{name}.yaml") for name in files.texts)
    plan, problems = _loaded(tuple(zip(files.texts, files.texts.values(), displays, strict=True)), files.problems)
    return plan, list(problems)


def forget_read_plans() -> None:
    """Read every plan file anew from now on, as a new process does (the benchmark's load of the plan)."""
    _loaded.cache_clear()
    _read_text.cache_clear()


# The same texts give the same plan, which no reader changes: make serve after a report is saved, a
# command's tests reading the real plan again.
@lru_cache(maxsize=4)
def _loaded(files: tuple[tuple[str, str, str], ...], read: tuple[Problem, ...]) -> tuple[Plan | None, tuple]:
    """The plan of the files (name, text, where it is said to be) and the problems of reading the others."""
    problems: list[Problem] = list(read)
    if not files and problems:
        return None, tuple(problems)
    sources, models, given = {}, {}, {name: (text, display) for name, text, display in files}
    for name in {**FILE_MODELS, **OPTIONAL_FILES}:
        if name in given:
            sources[name], model, read_problems = _read_file(name, *given[name])
            problems += read_problems
            if model is not None:
                models[name] = model
    if any(name not in models for name in FILE_MODELS) or problems:
        return None, tuple(problems)
    plan = Plan(**models, sources=sources)
    problems += check_plan(plan)
    return (plan if not problems else None), tuple(problems)
