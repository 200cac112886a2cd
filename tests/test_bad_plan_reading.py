"""Reading a plan file: a file missing, empty, too large or something else than a file; text that is not
UTF-8 or holds characters editors do not show; YAML that does not parse or uses what plan files refuse
(anchors, tags, deep nesting, a key twice, numbers YAML reads otherwise than written, pasted rows).

Each case breaks a copy of the real plan in one way and lists every problem it must give (badplan.py).
"""

import pytest
from badplan import At, Case, assert_reported, check_in_process
from sitebuild import PLAN_DIR, ROOT, edit_plan

from plannav import loader
from plannav.loader import load_plan, read_plan_files
from plannav.sitemodel import SiteModel

CASES = [
    Case(
        "yaml-syntax-unclosed-bracket",
        "tasks.yaml",
        "      lead: [cong-an-tinh]\n",
        "      lead: [cong-an-tinh\n",
        "YAML syntax error",
        at="lead: [cong-an-tinh",
        slack=2,
        # The parser finds the missing ']' where the next key begins.
        problems=[("yaml-syntax", At("lead: [cong-an-tinh", below=1))],
    ),
    Case(
        "yaml-tab-indentation",
        "requirements.yaml",
        "- letter: b\n",
        "- letter: b\n\ttext: x\n",
        "YAML syntax error",
        at="\ttext: x",
        hint="tabs",
        slack=1,
        problems=[("yaml-syntax", "\ttext: x")],
    ),
    Case(
        "duplicate-key",
        "procedures.yaml",
        "  level: 4\n",
        "  level: 4\n  level: 3\n",
        "duplicate key 'level'",
        at="level: 3",
        hint="silently keep only the last",
        problems=[("duplicate-key", "level: 3")],
    ),
    Case("missing-file", "requirements.yaml", None, None, "file is missing", problems=[("file-missing", 0)]),
    Case("empty-file", "funding.yaml", None, "", "file is empty", problems=[("file-empty", 1)]),
    Case("only-comments", "funding.yaml", None, "# nothing here\n", "file is empty", problems=[("file-empty", 1)]),
    Case(
        "top-level-list",
        "requirements.yaml",
        None,
        "- a\n- b\n",
        "expected a mapping of keys at the top",
        problems=[("not-a-mapping", 1)],
    ),
    Case(
        "not-utf8",
        "decision.yaml",
        "header:\n",
        b"header:\n  # \xff\xfe\n",
        "not UTF-8",
        at="  # \ufffd",
        problems=[("not-utf8", "  # \ufffd")],
    ),
    Case(
        "yaml-alias",
        "requirements.yaml",
        "heading: {text: 3. Yêu cầu}\n",
        "heading: &h {text: 3. Yêu cầu}\nagain: *h\n",
        "anchors (&name) are not allowed",
        at="heading: &h",
        problems=[("yaml-alias", "heading: &h")],
    ),
    Case(
        "yaml-alias-bomb",
        "requirements.yaml",
        None,
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
        "not allowed",
        at="a: &a",
        problems=[("yaml-alias", "a: &a")],
    ),
    Case(
        "deeply-nested",
        "requirements.yaml",
        None,
        "x: " + "[" * 60 + "]" * 60 + "\n",
        "nested more than 40 levels",
        problems=[("too-deep", 1)],
    ),
    Case(
        "huge-file",
        "objectives.yaml",
        None,
        "# padding\n" + "x: " + "y" * (3 * 1024 * 1024) + "\n",
        "over the 2,097,152-byte limit",
        problems=[("file-too-large", 0)],
    ),
    Case(
        "python-tag",
        "requirements.yaml",
        "heading: {text: 3. Yêu cầu}\n",
        "heading: !!python/object:os.system {text: 3. Yêu cầu}\n",
        "unsupported YAML tag !!python/object:os.system",
        at="!!python",
        hint="remove '!!python/object:os.system'",
        problems=[("yaml-tag", "!!python")],
    ),
    # What an adversarial probe found (each used to give a traceback, pass unnoticed or point elsewhere).
    Case(
        "only-a-null",
        "requirements.yaml",
        None,
        "~\n",
        "file holds no values, only a null ('~')",
        at="~",
        problems=[("file-empty", "~")],
    ),
    Case(
        "nul-character",
        "requirements.yaml",
        "Phải xác định",
        "Phải\x00 xác định",
        "column 13: forbidden character U+0000 NULL",
        at="Phải\x00",
        column=13,
        hint="control character",
        problems=[("forbidden-character", "Phải\x00")],
    ),
    Case(
        "escape-sequence-raw",
        "requirements.yaml",
        "- letter: b\n",
        "- letter: b\n  x\x1b[2J: 1\n",
        "forbidden character U+001B ESCAPE",
        at="x\x1b[2J",
        column=4,
        problems=[("forbidden-character", "x\x1b[2J")],
    ),
    Case(
        "escape-sequence-quoted",
        "requirements.yaml",
        "heading: {text: 3. Yêu cầu}\n",
        'heading: {text: "3. Yêu cầu\\e[2J"}\n',
        "forbidden character U+001B ESCAPE (written as an escape)",
        at="heading:",
        hint="escape sequence",
        problems=[("forbidden-character", "heading:")],
    ),
    Case(
        "line-separator",
        "requirements.yaml",
        "Phải xác định",
        "Phải\u2028 xác định",
        "column 13: forbidden character U+2028 LINE SEPARATOR",
        at="Phải\u2028",
        column=13,
        hint="line break",
        problems=[("forbidden-character", "Phải\u2028")],
    ),
    Case(
        "next-line-character",
        "tasks.yaml",
        "Hoàn thiện thể chế",
        "Hoàn thiện\u0085 thể chế",
        "forbidden character U+0085 NEXT LINE",
        at="Hoàn thiện\u0085",
        problems=[("forbidden-character", "Hoàn thiện\u0085")],
    ),
    Case(
        "bidi-override-in-name",
        "agencies.yaml",
        "    name: Sở Y tế\n",
        "    name: Sở Y\u202e tế\n",
        "column 15: forbidden character U+202E RIGHT-TO-LEFT OVERRIDE",
        at="Sở Y\u202e",
        column=15,
        hint="invisible",
        problems=[("forbidden-character", "Sở Y\u202e")],
    ),
    Case(
        "zero-width-space-in-wording",
        "agencies.yaml",
        "      - Sở Y tế\n",
        "      - Sở\u200b Y tế\n",
        "forbidden character U+200B ZERO WIDTH SPACE",
        at="Sở\u200b",
        problems=[("forbidden-character", "Sở\u200b")],
    ),
    Case(
        "octal-number",
        "procedures.yaml",
        "- number: 10\n",
        "- number: 010\n",
        "'010' is not a plain decimal number (YAML reads it as 8)",
        at="number: 010",
        hint="e.g. 10",
        problems=[("not-decimal", "number: 010")],
    ),
    Case(
        "pasted-rows",
        "requirements.yaml",
        None,
        "requirements:\n" + "- {letter: a, text: x}\n" * 50_000,
        "more than 250,000 values in one file",
        hint="pasted data",
        # Said where the 250,001st YAML event is read: 5 open the file, each row gives 6 (row 41,666, line 41,667).
        problems=[("too-many-values", 41_667)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_broken_plan_reports_the_problem(plan_copy, case):
    assert_reported(plan_copy, case)


@pytest.mark.parametrize(
    ("make", "message", "code"),
    [
        (lambda path: (path.unlink(), path.mkdir()), "is a folder, not a file", "file-unreadable"),
        (
            lambda path: (path.unlink(), path.symlink_to("gone.yaml")),
            "is a symbolic link to 'gone.yaml', which does not exist",
            "file-missing",
        ),
        (
            lambda path: (path.unlink(), path.symlink_to(path.name)),
            "cannot be read: Too many levels of symbolic links",
            "file-unreadable",
        ),
        (lambda path: path.rename(path.with_suffix(".yml")), "file is missing", "file-missing"),
    ],
    ids=["folder", "dangling-link", "link-loop", "yml-extension"],
)
def test_something_else_in_place_of_a_plan_file_is_named(plan_copy, make, message, code):
    make(plan_copy / "tasks.yaml")
    _, problems = load_plan(plan_copy)
    found = [p for p in problems if p.file.endswith("tasks.yaml")]
    assert len(found) == 1 and message in found[0].message, problems
    assert [(p.code, p.line) for p in problems] == [(code, 0)], problems
    if message == "file is missing":
        assert found[0].hint == "found tasks.yml: rename it tasks.yaml"


def test_a_plan_file_of_gigabytes_is_refused_without_reading_it(plan_copy):
    path = plan_copy / "objectives.yaml"
    with path.open("r+b") as handle:
        handle.truncate(1536 * 1024 * 1024)  # sparse: 1.5 GB that take no disk
    _, problems = load_plan(plan_copy)
    assert [p.message for p in problems if p.file.endswith("objectives.yaml")] == [
        "file is 1,610,612,736 bytes, over the 2,097,152-byte limit"
    ]
    assert [(p.code, p.line) for p in problems] == [("file-too-large", 0)]


def test_an_editors_lock_file_among_the_plan_files_is_ignored(plan_copy, capsys):
    (plan_copy / ".#tasks.yaml").symlink_to("root@host.4242:1764000000")  # what Emacs leaves while editing
    status, _, said = check_in_process(capsys, "--plan", str(plan_copy), "--progress", str(ROOT / "progress"))
    assert status == 0, said
    # The build reads the folder through read_plan_files, in both its processes (plugin.on_config), then the
    # model; what it makes of the pages from there on does not depend on the folder.
    pages = [page.src for page in SiteModel.load(read_plan_files(plan_copy)).pages]
    assert pages == [page.src for page in SiteModel.load(read_plan_files(PLAN_DIR)).pages]


def test_a_plan_read_again_parses_only_the_files_whose_text_changed(plan_copy, monkeypatch):
    """make serve reads the plan after every save: the files not saved are taken as read before, and a
    file saved is read anew, its problems and all."""
    parsed = []
    real = loader.parse_source
    monkeypatch.setattr(loader, "parse_source", lambda text, display: parsed.append(display) or real(text, display))
    loader.forget_read_plans()
    first, problems = load_plan(plan_copy)
    assert not problems and len(parsed) == len(list(plan_copy.glob("*.yaml")))
    parsed.clear()
    edit_plan(plan_copy, "agencies.yaml", ("    name: Sở Y tế\n", "    name: Sở Y tế mới\n"))
    again, problems = load_plan(plan_copy)
    assert not problems and [p.rsplit("/", 1)[-1] for p in parsed] == ["agencies.yaml"]
    assert "Sở Y tế mới" in {a.name for a in again.agencies.agencies} - {a.name for a in first.agencies.agencies}
    assert load_plan(plan_copy) == (again, []) and len(parsed) == 1  # the same texts: the same plan, checked once
    edit_plan(plan_copy, "agencies.yaml", ("    name: Sở Y tế mới\n", "    name: [Sở Y tế\n"))
    assert load_plan(plan_copy)[1][0].code == "yaml-syntax"
