"""The site's search index, as built: abbreviations staff type (plan/abbreviations.yaml) lead to the
pages that write them out, and the other way round, within the index's size budget."""

import json
import re

import pytest

from plannav.generator.searchindex import add_abbreviations


@pytest.fixture(scope="module")
def index(site):
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def _doc(index, location):
    return next(doc for doc in index["docs"] if doc["location"] == location)


def test_an_abbreviation_is_indexed_beside_the_full_form_it_stands_for(index):
    assert {"abbr_title", "abbr_text"} <= set(index["config"]["fields"])
    agency = _doc(index, "co-quan/so-lao-dong-thuong-binh-xa-hoi/")  # its title writes the name out
    assert {"lđtbxh", "ldtbxh", "lđ-tb&xh", "ld-tb&xh"} <= set(agency["abbr_title"].split())
    procedure = _doc(index, "thu-tuc/2/")  # a procedure about Căn cước công dân, in its text
    assert "cccd" in procedure["abbr_text"].split()


def test_a_short_form_in_the_decision_finds_its_full_form_typed(index):
    # The decision writes only "THPT": its page is found by "trung hoc pho thong" too.
    with_thpt = [doc for doc in index["docs"] if "THPT" in doc["text"]]
    assert with_thpt and all("trung hoc pho thong" in doc["abbr_text"] for doc in with_thpt)


def test_pages_without_any_form_get_nothing(index):
    assert _doc(index, "co-quan/dien-luc-dak-nong/")["abbr_title"] == ""


def test_forms_are_matched_as_whole_words():
    index = {
        "config": {"fields": {"title": {"boost": 1000}, "text": {"boost": 1}}},
        "docs": [
            {"location": "a/", "title": "Một trang", "text": "Dịch vụ công trực tuyến mức độ 4"},
            {"location": "b/", "title": "Trang khác", "text": "Dịch vụ công cộng"},
        ],
    }
    entries = [("DVCTT", "dịch vụ công trực tuyến"), ("CCCD", "Căn cước công dân")]
    docs = {doc["location"]: doc for doc in add_abbreviations(index, entries)["docs"]}
    assert docs["a/"]["abbr_text"].split()[:1] == ["dvctt"]
    assert docs["b/"]["abbr_text"] == ""  # "dịch vụ công cộng" is not "dịch vụ công trực tuyến"


def test_the_index_stays_within_its_budget(site):
    assert (site / "search" / "search_index.json").stat().st_size < 1.5 * 1024 * 1024


def test_the_pages_staff_look_for_by_name_weigh_more(index):
    # The theme's per-page search boost (front matter), from sitemap.SEARCH_BOOSTS.
    boost = {doc["location"]: doc.get("boost", 1) for doc in index["docs"]}
    assert boost["thoi-han/2022-03/"] > boost["co-quan/so-tu-phap/"] == boost["nhiem-vu/2-dd/"] > 1
    assert boost["thu-tuc/10/"] > 1 and boost["toan-van/"] == boost["nhiem-vu/"] == 1  # long pages that mention


def test_a_month_page_is_also_found_by_the_forms_staff_write_it_in(index):
    assert index["config"]["fields"]["aliases"] == index["config"]["fields"]["title"]
    assert _doc(index, "thoi-han/2022-03/")["aliases"] == "T3/2022 · 03/2022"
    assert "aliases" not in _doc(index, "thoi-han/2022/")  # "Năm 2022" is what staff type
    assert "aliases" not in _doc(index, "thoi-han/2022-03/#danh-sach")  # the page, not its sections


def test_every_month_page_has_its_other_names(index):
    months = [doc for doc in index["docs"] if re.fullmatch(r"thoi-han/\d{4}-\d{2}/", doc["location"])]
    assert months
    for doc in months:
        year, month = doc["location"].split("/")[1].split("-")
        assert doc["aliases"] == f"T{int(month)}/{year} · {month}/{year}", doc["location"]


def test_initials_are_derived_as_administrative_writing_forms_them():
    from plannav.initials import initials

    assert initials("Ngân hàng Nhà nước tỉnh") == ["NHNN", "NHNN tỉnh", "NHNN tinh"]
    assert {"SLĐTBXH", "SLDTBXH", "SLĐ-TB&XH"} <= set(initials("Sở Lao động - Thương binh và Xã hội"))
    assert initials("Ủy ban nhân dân tỉnh Đắk Nông")[:2] == ["UBND", "UBND tỉnh Đắk Nông"]
    assert initials("Sở Y tế") == ["SYT"] and initials("Bộ") == []


def test_make_check_reports_initials_two_names_share(plan_copy):
    from sitebuild import edit_plan

    from plannav.loader import load_plan

    edit_plan(
        plan_copy,
        "successors.yaml",
        (
            "  - id: bo-khoa-hoc-cong-nghe\n",
            "  - id: so-thu-phu\n    name: Sở Thương phố\n    kind: provincial-agency\n    since: '2025-07-01'\n"
            "  - id: bo-khoa-hoc-cong-nghe\n",
        ),
    )
    _, problems = load_plan(plan_copy)
    shared = [p for p in problems if p.code == "initials-shared"]
    assert shared and "'STP'" in shared[0].message and "Sở Tư pháp" in shared[0].message, problems
