"""JSON Schemas of the plan files, generated from the models, for editors to validate against.

Each plan file starts with ``# yaml-language-server: $schema=schema/<name>.schema.json`` so the
common YAML extension of VS Code checks keys, types and deadline kinds while staff type.
"""

import json
from pathlib import Path

from plannav.models import FILE_MODELS, OPTIONAL_FILES
from plannav.progress.models import REPORT_SCHEMA, ReportFile

SCHEMA_DIR = "schema"
# Beside the plan files' schemas: the monthly progress report's (progress/<YYYY-MM>/<agency-id>.yaml).
SCHEMAS = {**FILE_MODELS, **OPTIONAL_FILES, REPORT_SCHEMA: ReportFile}
_TITLES = {REPORT_SCHEMA: "progress/<YYYY-MM>/<agency-id>.yaml"}


def schema_for(name: str) -> dict:
    schema = SCHEMAS[name].model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = _TITLES.get(name, f"plan/{name}.yaml")
    return schema


def rendered(name: str) -> str:
    return json.dumps(schema_for(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(plan_dir: Path) -> list[Path]:
    out = plan_dir / SCHEMA_DIR
    out.mkdir(exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = out / f"{name}.schema.json"
        path.write_text(rendered(name), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(plan_dir: Path) -> list[str]:
    """Schema files that differ from what the models generate (missing ones included)."""
    stale = []
    for name in SCHEMAS:
        path = plan_dir / SCHEMA_DIR / f"{name}.schema.json"
        try:
            current = path.read_bytes() if path.is_file() else None
        except OSError:
            current = None
        # Compared as bytes: a file that is not UTF-8 is simply out of date, and rewritten by `schema`.
        if current != rendered(name).encode("utf-8"):
            stale.append(path.as_posix())
    return stale
