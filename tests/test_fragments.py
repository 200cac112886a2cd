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
