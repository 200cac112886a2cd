"""The appendix tables (procedures.yaml, appendix_tasks.yaml): rows split into cells whatever separates
them ('|' from a web page, tabs from Word, columns aligned with spaces), group rows (one cell across
the table), rows a copy broke in two, and each column known by its header's words."""

import difflib
import re

from plannav.planreader import deadline_phrases
from plannav.planreader.bodies import BodyRegistry, split_names
from plannav.planreader.notes import Notes
from plannav.planreader.outline import Appendix
from plannav.planreader.source import Line
from plannav.planreader.work import group_of
from plannav.textnorm import match_key

_COLUMNS = (
    ("number", re.compile(r"^(s?tt|số tt|số thứ tự)$", re.IGNORECASE)),
    ("level", re.compile(r"(cấp độ|mức độ)", re.IGNORECASE)),
    ("lead", re.compile(r"chủ trì", re.IGNORECASE)),
    ("coordinators", re.compile(r"phối hợp", re.IGNORECASE)),
    ("deadline", re.compile(r"(thời gian|thời hạn)", re.IGNORECASE)),
)


def split_row(text: str, aligned: bool) -> list[str]:
    if "|" in text:
        # A row the copy broke in two goes on in a line that starts with '|': its first cell is empty.
        cells = [c.strip() for c in text.strip().split("|")]
        return cells[:-1] if cells and not cells[-1] and text.rstrip().endswith("|") else cells
    if "\t" in text:
        return [c.strip() for c in text.split("\t")]
    return [c.strip() for c in re.split(r"\s{2,}", text)] if aligned else [text.strip()]


def columns_of(header: list[str]) -> list[str]:
    names = []
    for cell in header:
        name = next((n for n, pattern in _COLUMNS if pattern.search(cell)), "text")
        names.append(name if name not in names else "text")
    return names


def _rows(appendix: Appendix, raw_lines: dict[int, str]) -> tuple[list[str], list[tuple[Line, list[str]]]]:
    """The header's cells and each row's, from lines split as written (tabs and runs of spaces kept)."""
    aligned = not any("|" in ln.text or "\t" in raw_lines.get(ln.number, "") for ln in appendix.rows)
    split = [(ln, split_row(raw_lines.get(ln.number, ln.text), aligned)) for ln in appendix.rows]
    if not split:
        return [], []
    header_at = next((i for i, (_, cells) in enumerate(split) if columns_of(cells).count("text") < len(cells) - 1), 0)
    return split[header_at][1], split[header_at + 1 :]


def is_procedures(appendix: Appendix, raw_lines: dict[int, str]) -> bool:
    return "level" in columns_of(_rows(appendix, raw_lines)[0])


def table(appendix: Appendix, raw_lines: dict[int, str], registry: BodyRegistry, file: str, notes: Notes):
    """The columns' header words and the rows as {column: text}, each with its line, in groups."""
    header, rows = _rows(appendix, raw_lines)
    names = columns_of(header)
    width = len(names)
    groups: list[dict] = []
    for line, cells in rows:
        filled = [c for c in cells if c]
        if len(filled) == 1 and not re.match(r"^\d", filled[0]) and cells and cells[0] == filled[0]:
            groups.append({"heading": line, "rows": []})
            continue
        if cells and not cells[0] and groups and groups[-1]["rows"]:
            previous = groups[-1]["rows"][-1]
            previous["broken"] = line
            previous["cells"] = previous["cells"] + filled
            continue
        if not groups:
            groups.append({"heading": None, "rows": []})
        groups[-1]["rows"].append({"line": line, "cells": cells})
    for group in groups:
        for row in group["rows"]:
            row["by"] = _by_column(row, names, width, file, notes)
            for column in ("lead", "coordinators"):
                for name in split_names(row["by"].get(column, "")):
                    registry.add(name, row["line"].number)
    return header, groups


def _by_column(row: dict, names: list[str], width: int, file: str, notes: Notes) -> dict:
    cells = list(row["cells"])
    if len(cells) < width:
        # a row broken in two, or a cell left out: the last cell read is the last column (the deadline)
        cells = cells[:-1] + [""] * (width - len(cells)) + cells[-1:]
        notes.add(
            file,
            (),
            row["line"].number,
            " | ".join(row["cells"])[:100],
            f"a row of {len(row['cells'])} cells in a table of {width} columns"
            + (" (broken over two lines in the copy)" if row.get("broken") else "")
            + ": the last cell is read as the last column and the missing ones left empty",
        )
    return {name: cells[i] for i, name in enumerate(names) if i < len(cells)}


def cell(text: str, registry: BodyRegistry, line: int) -> dict:
    return {"text": text, "agencies": list(dict.fromkeys(registry.add(n, line) for n in split_names(text)))}


def deadline_cell(text: str, path: tuple, file: str, line: int, notes: Notes) -> dict:
    fields, doubt = deadline_phrases.reading(text)
    if doubt:
        notes.add(file, path, line, text, doubt)
    if fields:
        return fields
    notes.add(file, path, line, text or "(trống)", "read as a standing task ('Thường xuyên'): write the deadline")
    return {"text": text or "Thường xuyên", "kind": "continuous"}


def restated_task(text: str, tasks: list[tuple[str, str]]) -> tuple[str | None, float]:
    """The Part II task ('section.letter') whose wording a row restates, and how close the two are."""
    scored = [(difflib.SequenceMatcher(None, match_key(t), match_key(text)).ratio(), key) for key, t in tasks]
    best = max(scored, default=(0.0, None))
    return (best[1], best[0]) if best[0] >= 0.6 else (None, best[0])


def procedures_file(appendix: Appendix, raw_lines, registry: BodyRegistry, notes: Notes) -> dict:
    header, groups = table(appendix, raw_lines, registry, "procedures", notes)
    out = []
    for row in (r for g in groups for r in g["rows"]):
        by, number = row["by"], row["line"].number
        path = ("procedures", len(out))
        level = re.sub(r"\D", "", by.get("level", ""))
        if level not in ("3", "4"):
            notes.add(
                "procedures",
                path + ("level",),
                number,
                by.get("level", ""),
                "the level is not 3 or 4: written as 4; write the level the decision gives",
            )
        out.append(
            {
                "number": int(re.sub(r"\D", "", by.get("number", "")) or len(out) + 1),
                "name": by.get("text", "") or "Không ghi trong văn bản",
                "level": int(level) if level in ("3", "4") else 4,
                "lead": cell(by.get("lead", ""), registry, number),
                "coordinators": cell(by.get("coordinators", ""), registry, number),
                "deadline": deadline_cell(by.get("deadline", ""), path + ("deadline",), "procedures", number, notes),
            }
        )
    return _appendix_head(appendix, header, notes, "procedures") | {"procedures": out}


def appendix_tasks_file(appendix, raw_lines, registry, tasks: list[tuple[str, str]], groups_of_plan, notes) -> dict:
    header, groups = table(appendix, raw_lines, registry, "appendix_tasks", notes)
    out, count, restated = [], 0, set()
    for gi, group in enumerate(groups):
        rows = []
        for row in group["rows"]:
            by, number = row["by"], row["line"].number
            path = ("groups", gi, "tasks", len(rows))
            count += 1
            entry = {
                "number": int(re.sub(r"\D", "", by.get("number", "")) or count),
                "tt": by.get("number", "") or str(count),
                "text": by.get("text", "") or "Không ghi trong văn bản",
                "lead": cell(by.get("lead", ""), registry, number),
                "coordinators": cell(by.get("coordinators", ""), registry, number),
                "deadline": deadline_cell(by.get("deadline", ""), path + ("deadline",), "appendix_tasks", number, notes),
            }
            key, closeness = restated_task(entry["text"], tasks)
            if key and key not in restated:
                entry["restates"] = key
                restated.add(key)
                if closeness < 0.8:
                    notes.add(
                        "appendix_tasks",
                        path + ("restates",),
                        number,
                        key,
                        f"read as restating Part II task {key}, whose wording is only {closeness:.0%} alike",
                    )
            rows.append(entry)
        if not rows:
            continue
        heading = group["heading"]
        title = split_row(heading.text, False)[0] if heading else "(Nhóm không có tiêu đề trong văn bản)"
        if heading is None:
            notes.add(
                "appendix_tasks",
                ("groups", gi, "heading"),
                rows and group["rows"][0]["line"].number,
                title,
                "rows before any group heading: the first group's heading is missing; write it",
            )
        out.append(
            {
                "heading": {"text": title, **({} if heading else {"supplied": True})},
                "group": group_of(title, groups_of_plan),
                "tasks": rows,
            }
        )
    return _appendix_head(appendix, header, notes, "appendix_tasks") | {"groups": out}


def _appendix_head(appendix: Appendix, header: list[str], notes: Notes, file: str) -> dict:
    label = appendix.label.text if appendix.label else ("PHỤ LỤC I" if file == "procedures" else "PHỤ LỤC II")
    if not appendix.label:
        notes.add(
            file,
            ("label",),
            appendix.title.number,
            label,
            "the appendix's label ('PHỤ LỤC …') is not in the text: supplied from its place",
        )
    return {
        "label": {"text": label, **({} if appendix.label else {"supplied": True})},
        "title": appendix.title.text,
        "subtitle": appendix.subtitle.text if appendix.subtitle else "Không ghi trong văn bản",
        "columns": [c for c in header if c] or ["TT"],
    }


def no_appendix(file: str, notes: Notes) -> dict:
    """The file of an appendix the decision does not have: its table empty, which the site shows as none."""
    notes.add(file, (), 0, "", "the decision has no such appendix table: the file is written empty; check the text")
    rows = {"procedures": []} if file == "procedures" else {"groups": []}
    return {
        "label": {"text": "PHỤ LỤC", "supplied": True},
        "title": "Không có trong văn bản",
        "subtitle": "Không có trong văn bản",
        "columns": ["TT"],
        **rows,
    }
