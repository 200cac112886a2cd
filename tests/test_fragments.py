"""The rows `make serve` keeps across its rebuilds (render.fragments): a kept row is the row a fresh render
prints, whatever changed in between."""

from sitebuild import ROOT

from plannav import sitemap
from plannav.render import fragments
from plannav.render.fragments import Fragments
from plannav.sitemodel import SiteModel

PAGE = "co-quan/so-tu-phap.md"


def _rendered(model: SiteModel) -> str:
    return model.render(PAGE, sitemap.links_from(sitemap.page_url(PAGE)))


def test_a_piece_is_kept_while_its_answers_hold_and_the_store_keeps_the_latest_used():
    store, made = Fragments(kept=2), []

    def make(text):
        return lambda: (made.append(text) or text, {"answer": text})

    assert store.piece("a", lambda answers: True, make("A")) == "A"
    assert store.piece("a", lambda answers: True, make("other")) == "A" and made == ["A"]
    assert store.piece("a", lambda answers: answers["answer"] == "no", make("A2")) == "A2"
    store.piece("b", lambda answers: True, make("B"))
    store.piece("a", lambda answers: True, make("unused"))  # "a" used last: "b" goes first
    store.piece("c", lambda answers: True, make("C"))
    assert store.piece("b", lambda answers: True, make("B2")) == "B2"
    assert made == ["A", "A2", "B", "C", "B2"]


def test_a_row_kept_from_an_earlier_build_is_printed_anew_when_its_text_links_otherwise(monkeypatch):
    monkeypatch.setattr(fragments, "PIECES", Fragments())
    monkeypatch.setattr("plannav.render.PIECES", fragments.PIECES)
    first = _rendered(SiteModel.from_folder(ROOT / "plan"))
    kept = len(fragments.PIECES._pieces)
    assert kept > 20  # the page's rows, kept
    again = SiteModel.from_folder(ROOT / "plan")  # the next build: new objects, the same rows
    assert _rendered(again) == first and len(fragments.PIECES._pieces) == kept

    # The next build's plan links no name in any text (as if every agency had been renamed).
    unlinked = SiteModel.from_folder(ROOT / "plan")
    monkeypatch.setattr(unlinked.views, "text_links", lambda text: [])
    shown = _rendered(unlinked)
    monkeypatch.setattr("plannav.render.PIECES", Fragments())
    assert shown == _rendered(unlinked) != first


def test_no_row_is_kept_across_an_edit_of_the_templates(monkeypatch):
    """make serve reads an edited template again: the rows it printed before are not taken."""
    monkeypatch.setattr(fragments, "PIECES", Fragments())
    monkeypatch.setattr("plannav.render.PIECES", fragments.PIECES)
    _rendered(SiteModel.from_folder(ROOT / "plan"))
    kept = len(fragments.PIECES._pieces)
    monkeypatch.setattr("plannav.render.code_fingerprint", lambda: "the templates, edited")
    _rendered(SiteModel.from_folder(ROOT / "plan"))
    assert len(fragments.PIECES._pieces) == 2 * kept


def test_page_views_hold_plain_data_that_compares_as_it_prints(tmp_path):
    """make serve takes a page or a row as printed before when its view or row is equal (==) to the one
    before: that is exact only if views hold no Markup (equal to a str of the same text, printed otherwise),
    and a row must be hashable. Every page's view of a site with reports is walked."""
    import dataclasses

    from markupsafe import Markup
    from pydantic import BaseModel
    from sitebuild import PLAN_DIR, sample_reports

    from plannav.views.rows import ItemRow

    model = SiteModel.from_folder(PLAN_DIR, sample_reports(2, tmp_path / "progress"))
    seen, rows, markup = set(), 0, []

    def walk(value, where):
        nonlocal rows
        if id(value) in seen or isinstance(value, str | int | float | bool | type(None)):
            if isinstance(value, Markup):
                markup.append(where)
            return
        seen.add(id(value))
        if isinstance(value, ItemRow):
            hash(value)  # a TypeError here: a row holds something the kept rows cannot be keyed by
            rows += 1
        if dataclasses.is_dataclass(value) or isinstance(value, BaseModel):  # the views' records, the plan's
            names = type(value).model_fields if isinstance(value, BaseModel) else [f.name for f in dataclasses.fields(value)]
            for name in names:
                walk(getattr(value, name), f"{where}.{name}")
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key, where)
                walk(item, f"{where}[{key!r}]")
        elif isinstance(value, list | tuple | set | frozenset):
            for item in value:
                walk(item, f"{where}[]")

    views = {spec.src: model.view(spec.src) for spec in model.pages}  # all held: an id names one object
    for src, view in views.items():
        walk(view, src)
    assert rows > 1000 and markup == []
