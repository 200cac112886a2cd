"""Snapshots of representative pages (the article only, normalised) to catch accidental changes.

After an intended change, refresh them with `UPDATE_SNAPSHOTS=1 make test` and review the diff.
"""

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SNAPSHOTS = Path(__file__).parent / "snapshots"
PAGES = {
    "agency-dien-luc": "co-quan/dien-luc-dak-nong/",
    "procedure-15": "thu-tuc/15/",
    "task-2-d": "nhiem-vu/2-d/",
    "deadline-2022-04": "thoi-han/2022-04/",
    "objective-cong-dan-so": "muc-tieu/cong-dan-so/",
}


def normalised_article(html: str) -> str:
    article = BeautifulSoup(html, "html.parser").select_one("article")
    return article.prettify()


@pytest.mark.parametrize("name", list(PAGES))
def test_page_matches_its_snapshot(site, name):
    actual = normalised_article((site / PAGES[name] / "index.html").read_text(encoding="utf-8"))
    snapshot = SNAPSHOTS / f"{name}.html"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(actual, encoding="utf-8")
    assert snapshot.is_file(), f"no snapshot yet: run UPDATE_SNAPSHOTS=1 pytest {__file__}"
    assert actual == snapshot.read_text(encoding="utf-8"), f"{PAGES[name]} changed; if intended, UPDATE_SNAPSHOTS=1"
