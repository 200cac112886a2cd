"""`make serve` as an editor uses it: a real `mkdocs serve --dirty` on a copy of the plan and two months of
made-up reports. After each kind of edit saved on disk (a task's wording, an agency's name, a report's status),
the served site is the one a cold build of the same files makes: every page, whether the rebuild wrote it again
or not, the search index and the sitemap.
(The figures of how long each takes are the benchmark's, (h): `scripts/bench.py --serve`.)"""

import re
import sys
import time

import pytest
from sitebuild import ROOT, build_site, copy_plan

pytestmark = pytest.mark.browser  # a real server for a minute and more, as the nginx tests: `make test-all`

sys.path.insert(0, str(ROOT / "scripts"))
from sample_progress import write_sample  # noqa: E402
from serving import edited, edits, fetch, fetch_bytes, served  # noqa: E402

from plannav.generator.plugin import FOLLOWED  # noqa: E402

# What mkdocs serve adds or changes by being a server: the canonical address (its own URL), and the
# livereload script it puts before </body> as it serves a page.
_CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*">')
_LIVERELOAD = re.compile(r"<script>(?:(?!</script>).)*livereload(?:(?!</script>).)*</script>(?=</body>)", re.S)


def _compared(html: str) -> str:
    """A page as compared: without what serving adds, and with the space between two tags (the head's
    indentation, which the canonical line changes) made one."""
    return re.sub(r">\s+<", "> <", _CANONICAL.sub("", _LIVERELOAD.sub("", html)))


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    plan, progress = copy_plan(root / "plan"), write_sample(2, root / "progress")
    log = root / "serve.log"
    with served(plan, progress, root / "cache", log) as base:
        yield base, plan, progress, root, log


_WRITTEN = re.compile(r"(\d+) of the (\d+) plan pages written again")


def _built(log) -> int:
    return log.read_text(encoding="utf-8").count("Documentation built in")


def _followed(log) -> int:
    """The builds whose downloads and page checks, done beside the shown pages, are over."""
    return log.read_text(encoding="utf-8").count(FOLLOWED)


def test_after_each_kind_of_edit_the_served_site_is_what_a_cold_build_makes(served_site):
    base, plan, progress, root, log = served_site
    for number, (kind, path, anchor, page) in enumerate(edits(plan, progress)):
        marker = f"Zq{number}edit"
        text = path.read_text(encoding="utf-8")
        changed = edited(text, anchor, marker)
        assert changed != text, kind
        builds = _built(log)
        path.write_text(changed, encoding="utf-8")
        deadline = time.monotonic() + 120
        while _built(log) == builds or marker not in fetch(base + page):
            assert time.monotonic() < deadline, (kind, log.read_text(encoding="utf-8")[-3000:])
            time.sleep(0.1)
        while _followed(log) < _built(log):  # the downloads follow the pages
            assert time.monotonic() < deadline and "ERROR" not in log.read_text(encoding="utf-8"), kind
            time.sleep(0.1)
        # Only the pages that show the edit are written again, and the log says how many.
        written, total = map(int, _WRITTEN.findall(log.read_text(encoding="utf-8"))[-1])
        assert 0 < written < total, (kind, written, total)
        cold = root / f"cold-{number}"
        result = build_site(cold, base_url=base, plan_dir=plan, progress_dir=progress)  # the address serve gives
        assert result.returncode == 0, result.stdout + result.stderr
        assert marker in (cold / page / "index.html").read_text(encoding="utf-8"), kind
        _same_site(base, cold, kind)


def _same_site(base: str, cold, kind: str) -> None:
    """Every page and drafted page the cold build wrote is served as it wrote it; so are the search index
    (the pages a serve rebuild did not write again keep their entries, in their place) and the sitemap
    (every page's last change, whether written again or not)."""
    pages = sorted(path.relative_to(cold).as_posix() for path in cold.rglob("*.html"))
    assert len(pages) > 200
    for name in pages:
        url = name.removesuffix("index.html")
        served_page, built_page = _compared(fetch(base + url)), _compared((cold / name).read_text(encoding="utf-8"))
        if served_page != built_page:  # the first lines that differ, to read in the failure
            differ = [(a, b) for a, b in zip(served_page.splitlines(), built_page.splitlines(), strict=False) if a != b]
            pytest.fail(f"{kind}: {url or 'home'} served differs from a cold build: {differ[:3]}")
    for name in ("search/search_index.json", "sitemap.xml"):
        served_file = fetch(base + name)
        built_file = (cold / name).read_text(encoding="utf-8")
        assert served_file == built_file, f"{kind}: {name} served differs from a cold build"
    downloads = [p for p in (cold / "tai-ve").rglob("*") if p.is_file() and p.suffix != ".html"]
    assert len(downloads) > 100
    for path in downloads:  # written beside the shown pages, after them
        name = path.relative_to(cold).as_posix()
        assert fetch_bytes(base + name) == path.read_bytes(), f"{kind}: {name} served differs from a cold build"
