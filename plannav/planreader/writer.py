"""Writing a draft: every plan file, the schemas editors validate against, review.yaml and REVIEW.md,
into a new folder that takes OUT's place only once all of it is written."""

import os
import shutil
import tempfile
from pathlib import Path

import yaml

from plannav.planreader.draft import Draft
from plannav.schema import write_schemas

_ORDER = (
    "decision",
    "objectives",
    "requirements",
    "tasks",
    "funding",
    "responsibilities",
    "procedures",
    "appendix_tasks",
    "agencies",
    "documents",
    "abbreviations",
    "successors",
)


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def _review_markdown(draft: Draft, source: str) -> str:
    lines = [
        "# Readings to review",
        "",
        f"The draft read from `{source}`: {len(draft.notes)} readings it is not sure of, by plan file and by line "
        "of the decision's text. Fix each in its file, then delete its note from `review.yaml`; once no note is "
        'left, `make check` says OK with no warning and the site no longer says "Bản nháp".',
        "",
    ]
    for file in dict.fromkeys(
        n.file for n in sorted(draft.notes.notes, key=lambda n: _ORDER.index(n.file) if n.file in _ORDER else 99)
    ):
        lines += [f"## {file}.yaml", ""]
        for note in sorted((n for n in draft.notes.notes if n.file == file), key=lambda n: n.line):
            where = f"line {note.line}" + (f", `{note.as_data()['path']}`" if note.path else "")
            lines.append(f"- {where}: {note.why}" + (f". Read: “{note.read}”" if note.read else ""))
        lines.append("")
    return "\n".join(lines)


def file_texts(draft: Draft, source: str) -> dict[str, str]:
    """Each file of the draft (by name, without .yaml) as written: the plan files and review.yaml."""
    texts = {
        name: f"# yaml-language-server: $schema=schema/{name}.schema.json\n#\n# Drafted from {source}: see REVIEW.md.\n"
        + dump(draft.files[name])
        for name in _ORDER
    }
    review = {"source": source, "notes": [n.as_data() for n in draft.notes.notes]}
    texts["review"] = (
        "# The draft's readings to review: make check lists each note as a warning (REVIEW.md sorts them).\n" + dump(review)
    )
    return texts


def write_draft(draft: Draft, texts: dict[str, str], out: Path, source: str) -> None:
    """Write the files' texts (file_texts) into a fresh folder beside OUT, then put it in OUT's place: OUT is
    whole or untouched."""
    parent = out.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.draft-", dir=parent))
    try:
        for name, text in texts.items():
            (staging / f"{name}.yaml").write_text(text, encoding="utf-8")
        (staging / "REVIEW.md").write_text(_review_markdown(draft, source), encoding="utf-8")
        write_schemas(staging)
        if out.exists():
            old = parent / f".{out.name}.replaced-{os.getpid()}"
            out.rename(old)
            staging.rename(out)
            shutil.rmtree(old)
        else:
            staging.rename(out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
