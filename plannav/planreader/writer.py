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
        "# Danh sách cần rà soát",
        "",
        f"Bản nháp đọc từ `{source}`: {len(draft.notes)} chỗ chưa chắc chắn, theo tệp và theo dòng của văn bản.",
        "Sửa từng chỗ trong tệp của bản nháp, rồi xóa ghi chú tương ứng trong `review.yaml`; "
        "khi không còn ghi chú nào, trang web thôi hiện dòng “Bản nháp”.",
        "",
    ]
    for file in dict.fromkeys(
        n.file for n in sorted(draft.notes.notes, key=lambda n: _ORDER.index(n.file) if n.file in _ORDER else 99)
    ):
        lines += [f"## {file}.yaml", ""]
        for note in sorted((n for n in draft.notes.notes if n.file == file), key=lambda n: n.line):
            where = f"dòng {note.line} của văn bản" + (f", `{note.as_data()['path']}`" if note.path else "")
            lines.append(f"- {where}: {note.why}" + (f" — đọc được: “{note.read}”" if note.read else ""))
        lines.append("")
    return "\n".join(lines)


def write_draft(draft: Draft, out: Path, source: str) -> None:
    """Write into a fresh folder beside OUT, then put it in OUT's place: OUT is whole or untouched."""
    parent = out.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.draft-", dir=parent))
    try:
        for name in _ORDER:
            header = (
                f"# yaml-language-server: $schema=schema/{name}.schema.json\n#\n# Bản nháp đọc từ {source}: xem REVIEW.md.\n"
            )
            (staging / f"{name}.yaml").write_text(header + dump(draft.files[name]), encoding="utf-8")
        review = {"source": source, "notes": [n.as_data() for n in draft.notes.notes]}
        (staging / "review.yaml").write_text(
            "# Ghi chú rà soát của bản nháp: make check báo từng ghi chú là một cảnh báo.\n" + dump(review), encoding="utf-8"
        )
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
