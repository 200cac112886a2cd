"""The JSON Schemas editors validate against are generated from the models and stay in sync."""

import json

import jsonschema
import pytest
from sitebuild import PLAN_DIR

from plannav.models import FILE_MODELS
from plannav.schema import rendered, stale_schemas
from plannav.yamlsource import read_source


def test_committed_schemas_match_the_models():
    assert stale_schemas(PLAN_DIR) == [], "run `make schema` (python -m plannav schema) and commit the result"


@pytest.mark.parametrize("name", list(FILE_MODELS))
def test_plan_file_names_its_schema_for_the_editor(name):
    first_line = (PLAN_DIR / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=schema/{name}.schema.json"
    assert (PLAN_DIR / "schema" / f"{name}.schema.json").is_file()


@pytest.mark.parametrize("name", list(FILE_MODELS))
def test_plan_file_validates_against_its_schema(name):
    source, problems = read_source(PLAN_DIR / f"{name}.yaml", name)
    assert not problems
    jsonschema.Draft202012Validator(json.loads(rendered(name))).validate(source.data)


def test_schema_rejects_what_the_loader_rejects():
    validator = jsonschema.Draft202012Validator(json.loads(rendered("procedures")))
    source, _ = read_source(PLAN_DIR / "procedures.yaml", "procedures")
    broken = json.loads(json.dumps(source.data))
    broken["procedures"][0]["levle"] = 4
    broken["procedures"][1]["deadline"]["kind"] = "sometime"
    broken["procedures"][2]["deadline"]["month"] = "2022-3"
    messages = [e.message for e in validator.iter_errors(broken)]
    assert any("levle" in m for m in messages)
    assert any("sometime" in m for m in messages)
    assert any("2022-3" in m for m in messages)
