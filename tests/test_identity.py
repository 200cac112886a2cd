"""The decision's identity (number, date, province, signer, years, counts) comes from plan/, never from
the code or the templates: replacing plan/ gives another plan's site."""

import ast
import re
from pathlib import Path

import pytest
from sitebuild import ROOT, copy_plan, edit_plan

from plannav.exports.icsfile import calendar_bytes
from plannav.sitemodel import SiteModel

# What this decision is: none of it may be written into code or templates.
IDENTITY_LITERALS = re.compile(
    r"468|Đắk Nông|Dak Nong|dak-nong|Hồ Văn Mười|01/0?3/2022|2022\s*[–-]\s*2030|\b25 thủ tục|Năm nhóm"
    r"|Hoàn thiện thể chế|Đề án 06"
)
IDENTITY_NUMBERS = {468, 2022, 2030}


def _code_literals(path: Path):
    """(line, value) of every string and number constant of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and id(node) not in docstrings and isinstance(node.value, (str, int)):
            yield node.lineno, node.value


def test_no_code_or_template_names_this_decision():
    found = []
    code = [*sorted((ROOT / "plannav").rglob("*.py")), ROOT / "hooks.py", ROOT / "macros.py"]
    for path in code:
        for line, value in _code_literals(path):
            if isinstance(value, str) and IDENTITY_LITERALS.search(value) or value in IDENTITY_NUMBERS:
                found.append(f"{path.relative_to(ROOT)}:{line}: {value!r}")
    texts = [*sorted((ROOT / "plannav").rglob("*.j2")), *sorted((ROOT / "docs" / "assets").glob("*.js"))]
    texts.append(ROOT / "mkdocs.yml")
    for path in texts:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if IDENTITY_LITERALS.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert found == []


@pytest.fixture(scope="module")
def other_plan(tmp_path_factory):
    """The same plan as another province's decision, of another number and date: only the identity changes."""

    plan_dir = copy_plan(tmp_path_factory.mktemp("other") / "plan")
    edit_plan(
        plan_dir,
        "decision.yaml",
        ("  number: 468/QĐ-UBND\n", "  number: 77/QĐ-UBND\n"),
        ("  place: Đắk Nông\n", "  place: Lâm Đồng\n"),
        ("  issued_date: '2022-03-01'\n", "  issued_date: '2026-09-15'\n"),
        ("  signer: Hồ Văn Mười\n", "  signer: Người Ký Thử\n"),
        ("  known_as: Đề án 06", "  known_as: Đề án thử"),
    )
    return SiteModel.from_folder(plan_dir)


def test_the_pages_name_the_plan_the_plan_files_describe(other_plan):
    url_for = lambda page, anchor="": page  # noqa: E731
    agency = other_plan.render("co-quan/cong-an-tinh.md", url_for)
    assert "Quyết định số 77/QĐ-UBND ngày 15/9/2026 của Ủy ban nhân dân tỉnh Lâm Đồng" in agency
    assert "Kế hoạch thực hiện Đề án thử" in agency
    assert "<h1>Toàn văn Quyết định 77/QĐ-UBND</h1>" in other_plan.render("toan-van.md", url_for)
    home = other_plan.render("index.md", url_for)
    assert "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng" in home and "trên địa bàn tỉnh Lâm Đồng Đề án thử" in home
    assert f"{len(other_plan.plan.procedures.procedures)} thủ tục thiết yếu" in home
    assert other_plan.views.identity.site_name == "Kế hoạch 77/QĐ-UBND — Đề án thử tỉnh Lâm Đồng"


def test_calendar_ids_and_stamps_come_from_the_plan(other_plan):
    data = calendar_bytes(other_plan.views.index, other_plan.views.identity.plan_name).decode("utf-8")
    assert "@ke-hoach-77.lam-dong" in data and "ke-hoach-468" not in data
    assert "DTSTAMP:20260915T000000Z" in data and "PRODID:-//Ke hoach 77/QD-UBND Lam Dong//plannav//VI" in data
