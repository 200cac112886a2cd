"""The build cache: reports read and found clean by one build are taken from it by the next, unless
their text, the plan or the program changed; a damaged or unwritable cache only means reading again."""

import os
import pickle
import shutil
import subprocess
import sys
import textwrap
from types import SimpleNamespace

import pytest
from sitebuild import PLAN_DIR, ROOT

from plannav import buildcache, keys, pagebodies, sitemap
from plannav.buildcache import BuildCache
from plannav.loader import read_plan_files
from plannav.progress import reportcheck
from plannav.progress.loader import read_progress_files
from plannav.sitemodel import PlanProblems, SiteModel

REPORT = """
    date: '2026-10-18'
    entries:
    - item: appendix-task:34
      status: {status}
      result: DỮ LIỆU MẪU, không có thật
    """
DONE = "Hoàn thành\n      completed: '2026-10-01'"  # what a new October report of Sở Tư pháp tỉnh Lâm Đồng says


def _write(folder, period, agency, status="Đang thực hiện"):
    path = folder / period / f"{agency}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(REPORT.format(status=status)).lstrip().replace("10-18", f"{period[5:]}-18"), "utf-8")
    return path


def _reports(folder):
    for period in ("2026-09", "2026-10"):
        for agency in ("so-tu-phap-lam-dong", "cong-an-tinh-lam-dong"):
            _write(folder, period, agency)
    return folder


@pytest.fixture
def reports(tmp_path):
    return _reports(tmp_path / "progress")


@pytest.fixture
def parses(monkeypatch):
    """Counts the report files actually read (not taken from the cache)."""
    counted = []
    real = reportcheck.parse_source

    def counting(text, display):
        counted.append(display)
        return real(text, display)

    monkeypatch.setattr(reportcheck, "parse_source", counting)
    return counted


def _load(reports, cache, plan_files=None):
    model = SiteModel.load(plan_files or read_plan_files(PLAN_DIR), read_progress_files(reports), cache=cache)
    return {(r.agency, r.period): r for r in model.progress.reports}


def test_a_second_build_takes_unchanged_reports_from_the_cache(tmp_path, reports, parses):
    cache = BuildCache(tmp_path / "cache")
    first = _load(reports, cache)
    assert len(parses) == 4 and len(list((tmp_path / "cache" / "reports" / buildcache.RESULTS).iterdir())) == 4
    parses.clear()
    again = _load(reports, cache)
    assert parses == [] and again == first  # the same reports, none read again
    _write(reports, "2026-10", "so-tu-phap-lam-dong", status="Chưa triển khai")  # one report edited
    edited = _load(reports, cache)
    assert [p.rsplit("/", 2)[-2:] for p in parses] == [["2026-10", "so-tu-phap-lam-dong.yaml"]]
    assert edited[("so-tu-phap-lam-dong", "2026-10")].entries["appendix-task:34"].status == "Chưa triển khai"


def test_a_plan_edit_reads_again_the_reports_it_concerns_and_another_program_all(tmp_path, reports, parses, monkeypatch):
    cache = BuildCache(tmp_path / "cache")
    first = _load(reports, cache)
    plan = read_plan_files(PLAN_DIR)

    def edited(name, old, new):
        assert old in plan.texts[name]
        return type(plan)(plan.folder, {**plan.texts, name: plan.texts[name].replace(old, new, 1)}, plan.problems)

    # A note in the registry changes nothing a report's check asks: no report is read again.
    parses.clear()
    assert _load(reports, cache, edited("agencies", "\n", "\n# sửa\n")) == first and parses == []
    # The day the plan was decided is asked of every report (no work is done before it): all are read again.
    parses.clear()
    _load(reports, cache, edited("decision", "issued_date: '2022-03-01'", "issued_date: '2022-03-02'"))
    assert len(parses) == 4
    parses.clear()
    monkeypatch.setattr(buildcache, "code_fingerprint", lambda: "another program")
    _load(reports, cache)
    assert len(parses) == 4


def test_a_damaged_or_unwritable_cache_only_means_reading_again(tmp_path, reports, parses):
    cache = BuildCache(tmp_path / "cache")
    first = _load(reports, cache)
    kept = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]  # each report, and the manifest naming them
    assert sorted(p.relative_to(tmp_path / "cache").parts[:2] for p in kept) == [("reports", "results")] * 4 + [
        ("reports", "states")
    ]
    for path in kept:
        path.write_bytes(b"\x80\x04 not a pickle")
    parses.clear()
    assert _load(reports, cache) == first and parses == []  # the last build's, kept by this process: not read
    buildcache.forget_recent()  # read as a new process reads: from the damaged folder
    assert _load(reports, cache) == first and len(parses) == 4
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache's folder would be", encoding="utf-8")
    assert _load(reports, BuildCache(blocked)) == first


def test_a_report_with_a_problem_is_never_kept(tmp_path, reports):
    cache = BuildCache(tmp_path / "cache")
    _write(reports, "2026-10", "so-tu-phap-lam-dong", status="xong")
    with pytest.raises(PlanProblems, match="xong"):
        _load(reports, cache)
    kept = list((tmp_path / "cache" / "reports" / buildcache.RESULTS).iterdir())
    assert len(kept) == 3  # the three clean ones
    with pytest.raises(PlanProblems, match="xong"):  # and the next build says so again
        _load(reports, cache)


def test_the_cache_can_be_turned_off():
    assert BuildCache.from_setting("off").folder is None
    assert BuildCache.from_setting(None).folder == buildcache.DEFAULT_FOLDER
    made = []
    results = BuildCache(None).results("reports", "a state")
    assert results.memo("a", lambda: ("inputs",), lambda: made.append(1) or "made") == "made" and made == [1]
    results.save()  # nothing to write, nowhere


def test_a_page_whose_view_equals_the_last_builds_in_this_process_is_not_written_out_again(tmp_path):
    """mkdocs serve: after an edit, a page showing what it showed before is found by its view alone (==),
    with the key the last build gave it; a page showing something else is made anew, and its view written
    out for its key only when the build is saved, where another process finds it."""
    from plannav.views import Link

    cache, made = BuildCache(tmp_path / "cache"), []

    def build(state, text, recent=True, writer=None):
        results = cache.results("pages", state, recent=recent)
        if writer:
            results.canonical = writer
        body = results.memo("co-quan/a.md", lambda: (Link(text, "co-quan/b.md"),), lambda: made.append(text) or text)
        return body, results

    def unwritten(value):
        raise AssertionError(f"{value!r} was written out for its key")

    body, first = build("before the edit", "Sở Tư pháp")
    _, second = build("after an edit elsewhere", "Sở Tư pháp", writer=unwritten)
    assert _ == body and second.used == first.used and made == ["Sở Tư pháp"]
    body, third = build("after an edit of the page", "Sở Tư pháp mới", writer=unwritten)
    assert body == "Sở Tư pháp mới" and made == ["Sở Tư pháp", "Sở Tư pháp mới"]
    with pytest.raises(AssertionError, match="written out"):
        third.save()
    third.canonical = keys.canonical
    third.save()
    buildcache._RECENT.clear()  # another process: the page is found in the folder by its view
    assert build("another process", "Sở Tư pháp mới")[0] == body and len(made) == 2
    with pytest.raises(AssertionError, match="written out"):  # without `recent`, every build writes its inputs out
        build("another build", "Sở Tư pháp mới", recent=False, writer=unwritten)


def _downloads(reports, cache):
    return dict(SiteModel.load(read_plan_files(PLAN_DIR), read_progress_files(reports), cache=cache).downloads())


def _manifests(cache_folder, kind):
    return sorted((cache_folder / kind / buildcache.STATES).iterdir(), key=lambda p: p.stat().st_mtime)


@pytest.fixture(scope="module")
def two_states(tmp_path_factory):
    """The downloads of the reports above made with an empty cache; then, once Sở Tư pháp tỉnh Lâm Đồng's
    October report says done, from the cache the first left; then those of the same data with no cache.
    What each of the first two made is counted: the Word documents, the workbooks and report forms, the
    drafted reports. Made once for the tests below, which read it: the slowest work of this module."""
    from plannav.exports import catalog
    from plannav.progress import monthly

    root = tmp_path_factory.mktemp("two-states")
    folder = _reports(root / "progress")
    made = {"documents": [], "workbooks": [], "drafted": [], "calendars": []}
    with pytest.MonkeyPatch.context() as patch:
        real_docx = catalog.agency_docx
        patch.setattr(
            catalog,
            "agency_docx",
            lambda report, stamp: made["documents"].append(report.agency.text) or real_docx(report, stamp),
        )
        real_ics = catalog.calendar_bytes
        patch.setattr(catalog, "calendar_bytes", lambda *a, **k: made["calendars"].append(a[1]) or real_ics(*a, **k))
        for name in ("write_xlsx", "write_form"):
            real = getattr(catalog, name)
            patch.setattr(catalog, name, lambda content, real=real: made["workbooks"].append(content) or real(content))
        for name in ("agency_report", "month_summary"):
            real = getattr(monthly, name)
            patch.setattr(monthly, name, lambda *args, real=real: made["drafted"].append(args[2]) or real(*args))
        cache = BuildCache(root / "cache")
        first = _downloads(folder, cache)  # a cache with nothing: every document is made
        first_made = {kind: list(what) for kind, what in made.items()}
        shutil.copytree(root / "cache", root / "cache-after-first")
        for what in made.values():
            what.clear()
        _write(folder, "2026-10", "so-tu-phap-lam-dong", status=DONE)
        changed = _downloads(folder, cache)
        changed_made = {kind: list(what) for kind, what in made.items()}
    return SimpleNamespace(
        first=first,
        first_made=first_made,
        cache_after_first=root / "cache-after-first",
        changed=changed,
        changed_made=changed_made,
        uncached=_downloads(folder, None),
    )


def test_downloads_of_the_same_data_are_taken_from_the_cache_and_a_few_states_are_kept(
    tmp_path, reports, two_states, monkeypatch
):
    # The same reports as the first state of two_states, and the cache its first build left.
    shutil.copytree(two_states.cache_after_first, tmp_path / "cache")
    cache = BuildCache(tmp_path / "cache")
    first = two_states.first
    (state,) = _manifests(tmp_path / "cache", "downloads")
    named = pickle.loads(state.read_bytes())
    assert set(named) == set(first) and "tai-ve/bao-cao/2026-10/so-tu-phap-lam-dong.docx" in first
    # Mark every kept file: a build of the same plan and reports takes them by name, as they are.
    results = tmp_path / "cache" / "downloads" / buildcache.RESULTS
    for path in results.iterdir():
        path.write_bytes(pickle.dumps(b"kept"))
    assert set(_downloads(reports, cache).values()) == {b"kept"}
    # Another report's text is another state: what does not print the same is made again, the rest taken.
    _write(reports, "2026-10", "so-tu-phap-lam-dong", status=DONE)
    changed = _downloads(reports, cache)
    assert set(changed) == set(first) and changed["tai-ve/bao-cao/2026-10/so-tu-phap-lam-dong.docx"] != b"kept"
    assert changed["tai-ve/co-quan/so-y-te.xlsx"] == b"kept" and changed["tai-ve/ke-hoach.json"] != b"kept"
    assert len(_manifests(tmp_path / "cache", "downloads")) == 2
    # One rule for every kind: the manifests used last, and the results they name.
    monkeypatch.setattr(buildcache, "KEPT_STATES", 1)
    _downloads(reports, cache)
    (kept,) = _manifests(tmp_path / "cache", "downloads")
    assert kept.name != state.name
    assert {p.name for p in results.iterdir()} == set(pickle.loads(kept.read_bytes()).values())


def test_the_program_s_digest_covers_its_page_templates(tmp_path, monkeypatch):
    """The drafted reports' pages are kept with the downloads: a changed template must make them again."""
    import shutil

    copy = tmp_path / "plannav"
    shutil.copytree(buildcache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(buildcache, "PACKAGE", copy)
    buildcache.code_fingerprint.cache_clear()
    buildcache._program.cache_clear()
    try:
        before = buildcache.code_fingerprint()
        template = copy / "render" / "templates" / "report_agency.html.j2"
        template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        buildcache.code_fingerprint.cache_clear()  # as each build does: the templates are read again
        edited = buildcache.code_fingerprint()
        assert edited != before
        # The Python source is the code this process runs: read once, not at each build.
        (copy / "sitemodel.py").write_text("# another program\n", encoding="utf-8")
        buildcache.code_fingerprint.cache_clear()
        assert buildcache.code_fingerprint() == edited
        buildcache._program.cache_clear()  # another process, running the other program
        buildcache.code_fingerprint.cache_clear()
        assert buildcache.code_fingerprint() != edited
    finally:
        buildcache.code_fingerprint.cache_clear()
        buildcache._program.cache_clear()


def test_page_bodies_of_the_same_data_are_rendered_once(tmp_path, reports, monkeypatch):
    """A second build of the same plan and reports (mkdocs serve after a change of style, a second publish)
    takes every page's body from the cache; a changed report works out again only the pages that read
    it, and renders again only those that show something else; nothing is kept for a failed build."""
    from plannav.render import PageRenderer

    rendered, viewed = [], []
    real, real_view = PageRenderer.render, SiteModel.view

    def counting(self, template, page, url_for):
        rendered.append(template)
        return real(self, template, page, url_for)

    monkeypatch.setattr(PageRenderer, "render", counting)
    monkeypatch.setattr(SiteModel, "view", lambda self, src: viewed.append(src) or real_view(self, src))
    cache = BuildCache(tmp_path / "cache")

    def build(keep=True):
        model = SiteModel.load(read_plan_files(PLAN_DIR), read_progress_files(reports), cache=cache)
        bodies = model.page_bodies()
        out = {spec.src: bodies.body(spec.src, lambda p, a="": p) for spec in model.pages}
        if keep:
            bodies.save()
        return out

    failed = build(keep=False)  # a build that stops before its end keeps nothing
    assert rendered and not (tmp_path / "cache" / pagebodies.BODIES).exists()
    first = build()
    assert first == failed
    rendered.clear()
    assert build() == first and rendered == []
    viewed.clear()
    _write(reports, "2026-10", "so-tu-phap-lam-dong", status=DONE)
    changed = build()
    # Worked out: the pages that read the reports of Sở Tư pháp tỉnh Lâm Đồng (pagereads), not the court's.
    assert sitemap.agency("so-tu-phap-lam-dong") in viewed and sitemap.agency("toa-an-nhan-dan-tinh-lam-dong") not in viewed
    assert len(viewed) < len(first)
    assert changed[sitemap.agency("so-tu-phap-lam-dong")] != first[sitemap.agency("so-tu-phap-lam-dong")]
    assert changed[sitemap.agency("so-y-te")] == first[sitemap.agency("so-y-te")]
    # Only the pages that show something else: Sở Tư pháp tỉnh Lâm Đồng's, its items', the month's, the dashboard...
    pages_rendered = [template for template in rendered if template != "_trail.html.j2"]
    assert 0 < sum(changed[src] != first[src] for src in first) <= len(pages_rendered) < len(first) / 4
    assert len(_manifests(tmp_path / "cache", pagebodies.BODIES)) == 2
    # The bodies taken from the cache by their view are those a build with no cache renders.
    fresh = SiteModel.load(read_plan_files(PLAN_DIR), read_progress_files(reports))
    assert changed == {spec.src: fresh.render(spec.src, lambda p, a="": p) for spec in fresh.pages}
    # ... and a build of the same data with no manifest renders none again.
    rendered.clear()
    shutil.rmtree(tmp_path / "cache" / pagebodies.BODIES / buildcache.STATES)
    assert build() == changed and rendered == []


def test_a_word_document_that_prints_the_same_is_not_made_again(two_states):
    """A new report changes the state of the data, and so every download of that state; but the other
    agencies' drafted reports print what they printed, and are taken as they were made."""
    first, changed = two_states.first, two_states.changed
    assert sorted(two_states.first_made["documents"]) == ["Công an tỉnh Lâm Đồng", "Sở Tư pháp tỉnh Lâm Đồng"]
    # Công an tỉnh Lâm Đồng's report prints what it printed
    assert two_states.changed_made["documents"] == ["Sở Tư pháp tỉnh Lâm Đồng"]
    police = "tai-ve/bao-cao/2026-10/cong-an-tinh-lam-dong.docx"
    assert changed[police] == first[police]
    assert (
        changed["tai-ve/bao-cao/2026-10/so-tu-phap-lam-dong.docx"]
        != first["tai-ve/bao-cao/2026-10/so-tu-phap-lam-dong.docx"]
    )


def test_a_workbook_that_prints_the_same_is_not_made_again(two_states):
    """So with the Excel files: the extracts and report forms of the agencies a new report leaves as they
    were are taken as they were made; the reporting agency's are made again."""
    first, changed = two_states.first, two_states.changed
    workbooks = [path for path in first if path.endswith(".xlsx")]
    assert len(two_states.first_made["workbooks"]) == len(workbooks) > 40
    remade = sorted(path for path in workbooks if changed[path] != first[path])
    assert "tai-ve/co-quan/so-tu-phap-lam-dong.xlsx" in remade and "tai-ve/bao-cao/so-tu-phap-lam-dong.xlsx" in remade
    made = two_states.changed_made["workbooks"]
    assert len(made) == len(remade) < 6, remade  # only the files that print something else
    assert changed["tai-ve/co-quan/so-y-te.xlsx"] == first["tai-ve/co-quan/so-y-te.xlsx"]
    # The files taken by what they print are those a build with no cache makes, byte for byte.
    assert changed == two_states.uncached


def test_a_calendar_made_from_the_plan_alone_is_not_made_again_after_a_report(two_states):
    calendars = [path for path in two_states.first if path.endswith(".ics")]
    assert len(two_states.first_made["calendars"]) == len(calendars) > 40
    assert two_states.changed_made["calendars"] == []
    assert all(two_states.changed[path] == two_states.uncached[path] for path in calendars)


def test_each_drafted_report_is_worked_out_once_for_its_cache_key_its_document_and_its_page(two_states):
    made = two_states.first  # made with a cache with nothing: every document is made
    assert (
        "thuc-hien/2026-10/so-tu-phap-lam-dong/index.html" in made
        and "tai-ve/bao-cao/2026-10/so-tu-phap-lam-dong.docx" in made
    )
    drafted = [w if isinstance(w, str) else w.agency for w in two_states.first_made["drafted"]]
    assert sorted(drafted) == ["2026-10", "cong-an-tinh-lam-dong", "so-tu-phap-lam-dong"]


def test_the_manifests_used_last_and_the_results_they_name_are_kept(tmp_path, monkeypatch):
    import os

    monkeypatch.setattr(buildcache, "KEPT_STATES", 2)
    cache = BuildCache(tmp_path / "cache")
    for n in range(4):
        results = cache.results("documents", f"state {n}")
        results.memo("shared", lambda: ("the same",), lambda: b"shared")
        results.memo("own", lambda n=n: (f"state {n}",), lambda n=n: f"own {n}".encode())
        results.save()
        for manifest in _manifests(tmp_path / "cache", "documents"):
            os.utime(manifest, (manifest.stat().st_mtime - 10,) * 2)  # each build ten seconds after the last
    assert cache.results("documents", "state 2").memo("own", lambda: ("never asked",), lambda: b"remade") == b"own 2"
    again = cache.results("documents", "state 0")  # forgotten already (two are kept): made again
    assert again.memo("own", lambda: ("state 0",), lambda: b"remade") == b"remade"
    again.save()
    # state 2 was used last, then state 0 was made again; 1 and 3 are forgotten, and what they alone named.
    values = {pickle.loads(p.read_bytes()) for p in (tmp_path / "cache" / "documents" / buildcache.RESULTS).iterdir()}
    assert len(_manifests(tmp_path / "cache", "documents")) == 2 and values == {b"shared", b"own 2", b"remade"}


def test_the_notes_used_last_are_kept_and_a_file_another_process_is_writing_is_left_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(buildcache, "KEPT_STATES", 2)
    cache = BuildCache(tmp_path / "cache")
    results = cache.results("pages", "a state")
    for where in (buildcache.STATES, buildcache.NOTES):  # another build's files, half written
        (tmp_path / "cache" / "pages" / where).mkdir(parents=True, exist_ok=True)
        (tmp_path / "cache" / "pages" / where / f"{buildcache.PART}4242-x").write_bytes(b"half")
    for n in range(4):
        results.keep_note(f"note {n}", {"page": n})
        notes = tmp_path / "cache" / "pages" / buildcache.NOTES
        for note in notes.iterdir():
            os.utime(note, (note.stat().st_mtime - 10,) * 2)  # each note ten seconds after the last
    results.memo("page", lambda: ("inputs",), lambda: b"body")
    results.save()
    assert results.note("note 3") == {"page": 3} and results.note("note 2") == {"page": 2}
    assert results.note("note 1") is None and results.note("note 0") is None
    for where in (buildcache.STATES, buildcache.NOTES):
        assert (tmp_path / "cache" / "pages" / where / f"{buildcache.PART}4242-x").read_bytes() == b"half"


def test_the_inputs_of_a_result_are_written_out_whole():
    from dataclasses import replace
    from datetime import date

    from markupsafe import Markup

    from plannav.views.rows import SiteFacts

    canonical = keys.canonical
    assert canonical(("a", 1, None, date(2026, 10, 1))) == canonical(("a", 1, None, date(2026, 10, 1)))
    # Values a template prints otherwise have other keys.
    assert len({canonical(v) for v in ("<b>", Markup("<b>"), ["<b>"], ("<b>",), {"<b>": 1}, {"<b>"})}) == 6
    assert canonical(date(2026, 10, 1)) != canonical("2026-10-01") and canonical(1) != canonical(True)
    facts = SiteFacts(*(None for _ in SiteFacts.__dataclass_fields__))
    assert canonical(facts) != canonical(replace(facts, reports_exist=True))
    with pytest.raises(TypeError, match="not plain data.*a bare object"):
        canonical({"view": object()})
    with pytest.raises(TypeError, match="not plain data"):
        canonical((lambda: "a function prints as what it returns",))


def test_records_shared_or_not_give_one_key_and_values_that_differ_anywhere_another():
    from plannav.views import Link

    first, second = Link("Sở Tư pháp", "co-quan/so-tu-phap.md"), Link("Sở Tư pháp", "co-quan/so-tu-phap.md", "x")
    shared = keys.canonical((first, (first, second)))
    # The same records, or equal ones made apart (with texts of their own), give the same key.
    equal = Link("".join(["Sở ", "Tư pháp"]), "co-quan/so-tu-phap.md")
    assert keys.canonical((equal, (Link(first.text, first.page), second))) == shared
    # A record that differs in one field, however deep, gives another key; so does its type.
    assert keys.canonical((first, (first, first))) != shared
    assert keys.canonical(((first,), (first, second))) != shared
    assert keys.canonical(first) != keys.canonical(("Link", [first.text, first.page, first.anchor]))


def test_a_page_s_key_is_the_same_in_another_process():
    """The plan's models are written by their fields in order: pydantic would write the set of fields given,
    in an order each process draws (PYTHONHASHSEED), and a new process would find no page in the cache."""
    script = (
        "from plannav.sitemodel import SiteModel; from plannav.keys import canonical; "
        "m = SiteModel.from_folder('plan'); "
        "print(*(canonical(m.view(src)) for src in ('co-quan/so-tu-phap.md', 'nhiem-vu/index.md', 'index.md')))"
    )
    keys_by_seed = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(keys_by_seed) == 1 and len(keys_by_seed.pop().split()) == 3
