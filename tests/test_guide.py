"""The staff guide (docs/huong-dan/): Vietnamese pages of the site itself, in its navigation and its search,
that say what the program does. The names they give (the form's columns, the statuses, the sections) are
read back against the program, so the guide cannot drift from it."""

import json
import re

from sitebuild import ROOT

from plannav import sitemap
from plannav.progress.form import READ_ONLY, TO_FILL
from plannav.progress.models import TYPED_STATUSES
from plannav.progress.status import STATUSES

GUIDE = ROOT / "docs" / "huong-dan"


def _text(src: str) -> str:
    return (ROOT / "docs" / src).read_text(encoding="utf-8")


def _title(src: str) -> str:
    return re.search(r"^title: (.+)$", _text(src), re.M).group(1)


def test_every_guide_page_is_listed_with_its_own_title():
    listed = [src for _, src in sitemap.GUIDE_PAGES]
    assert sorted([sitemap.GUIDE, *listed]) == sorted(str(p.relative_to(ROOT / "docs")) for p in GUIDE.glob("*.md"))
    for title, src in sitemap.GUIDE_PAGES:
        assert _title(src) == title, src
        assert f"]({src.removeprefix('huong-dan/')})" in _text(sitemap.GUIDE), src  # the guide's first page links it


def test_the_guide_is_on_the_site_in_its_navigation_and_its_search(site, page):
    home = page(site, "")
    nav = {a.get_text(" ", strip=True): a["href"] for a in home.select("nav.md-nav a.md-nav__link[href]")}
    assert "huong-dan/" in nav.values()
    for title, src in sitemap.GUIDE_PAGES:
        url = src.removesuffix(".md") + "/"
        assert (site / url / "index.html").is_file(), url
        assert page(site, url).h1.get_text(strip=True).removesuffix("¶") == title  # "¶": the heading's permalink
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"] for d in index["docs"]}
    assert {src.removesuffix(".md") + "/" for _, src in sitemap.GUIDE_PAGES} <= locations


def test_the_guide_names_the_forms_columns_and_the_statuses_as_the_program_does():
    form = _text("huong-dan/dien-bieu-mau.md")
    for header, _ in READ_ONLY + TO_FILL:
        assert f"**{header}**" in form or f"| {header} |" in form, header
    choices = re.search(r"\| Trạng thái \| chọn trong danh sách: ([^|]+) \|", form).group(1)
    assert [s.strip() for s in choices.split(",")] == list(TYPED_STATUSES)
    agency = _text("huong-dan/co-quan.md")
    named = re.findall(r"\*\*([^*]+)\*\*", agency.split("## Trạng thái", 1)[1].split("##", 1)[0])
    assert set(named) == set(STATUSES)  # the four typed and the three the site works out


def test_the_guides_section_table_names_every_section():
    guide = _text(sitemap.GUIDE)
    rows = re.findall(r"^\| ([^|]+?) \| ", guide, re.M)
    assert [s.label for s in sitemap.SECTIONS] == [r for r in rows if r not in ("Mục", "---")]
