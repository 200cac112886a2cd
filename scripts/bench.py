#!/usr/bin/env python3
"""Benchmark: what the site costs to build, against a plain mkdocs-material site of the same pages.

Prints, in one run on this machine (wall time, and CPU time where it says):
  (a) the real site's build with no build cache (all its work), and a plain mkdocs-material build of
      a page for each of its pages, at the same paths, with as many table rows of the plan's texts (as
      Markdown tables) and the same navigation, but no macros, hooks, checks or downloads; their ratio;
  (b) load + check time of the real plan, in process and as the `check` command;
  (c) build time and per-page cost for synthetic plans 1x, 10x (and 50x with --full), with no build cache;
  (d) search index size and median page weight of the real build;
  (e) the real site with 24 months of made-up progress reports against the same site with none, with
      the build cache an earlier build of the same data left (pairs of builds, one after the other), and
      both without any cache;
  (f) a build after one agency's latest report changed, against a build of the same data just before it
      (the build cache holds what the last build made; then the reports change and the site is built
      again), and against the build with no report of (e); then with the report dated after every other,
      as a new report usually is (the as-of date moves);
  (g) importing a report form: wall time and peak memory of `python -m plannav import-report` (interpreter
      start and the plan's loading included) for the real form, a form padded to 1,000 rows, and the two
      "huge extent" forms (an empty cell on the sheet's last row, a merge to the sheet's end).
  (h) `make serve` as an editor uses it: a real `mkdocs serve` process on a copy of the plan and two months of
      made-up reports; a file is edited on disk and the page that shows the edit is loaded over HTTP as a
      browser with it open loads it (once livereload answers that a newer build is shown, and again at each
      newer build until it shows the edit), ten times for each kind of edit (a task's wording, an agency's
      name, a report's status); the median, and the rebuilds each save started (livereload should fire once
      per save). The downloads and page checks follow the shown pages, beside them: each save waits until
      the last build's are done, as an editor reading the page would, and their end is timed too.
  (i) the floor under (h): the plain site of (a) rebuilt as `make serve` rebuilds (mkdocs serve --dirty),
      with as many of its pages changed as each kind of edit in (h) wrote again (the plugin logs it).
  (j) `make test`, as a developer runs it (the virtual environment in place): its wall time and the test
      files that took longest (scripts/suitetimes.py); with --tests, `make test-all` too (Chromium, nginx and
      the rest installed, as .ci/run installs them).
Usage: python scripts/bench.py [--full] [--imports] [--reports] [--serve] [--tests]
       (--imports: (g) alone; --reports: (e) and (f) alone; --serve: (h) alone; --tests: (j) alone, both suites)
"""

import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAIRS = 11  # (e): builds with and without reports, one after the other
sys.path.insert(0, str(ROOT))

from sample_progress import write_sample  # noqa: E402
from serving import edited, fetch, served, shown_after_save  # noqa: E402
from serving import edits as edits_to_make  # noqa: E402
from suitetimes import time_suite  # noqa: E402
from synthetic_plan import scale  # noqa: E402

from plannav import sitemap  # noqa: E402
from plannav.generator.plugin import FOLLOWED  # noqa: E402
from plannav.loader import forget_read_plans, load_plan  # noqa: E402
from plannav.sitemodel import SiteModel  # noqa: E402


@dataclass
class Timing:
    wall: float  # seconds, as a person waits
    cpu: float  # seconds of processor time, the build's second process included


def run(command: list[str], env: dict | None = None) -> Timing:
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"bench: {' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    wall, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timing(wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)


def build(
    site_dir: Path,
    plan_dir: Path | None = None,
    config: Path | None = None,
    progress: Path | None = None,
    cache: str | None = None,
) -> Timing:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if cache:
        env["PLANNAV_CACHE_DIR"] = cache
    if plan_dir:
        env["PLANNAV_PLAN_DIR"] = str(plan_dir)
    if progress:
        env["PLANNAV_PROGRESS_DIR"] = str(progress)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site_dir)]
    if config:
        command += ["--config-file", str(config)]
    return run(command, env)


def median(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings))


def pages(site_dir: Path) -> list[Path]:
    return [p for p in site_dir.rglob("*.html") if p.name != "404.html"]


def plain_site(folder: Path, real_site: Path) -> Path:
    """A plain mkdocs-material project shaped like the real site: a page for each of its pages, at
    the same path, holding as many table rows of the plan's texts (as Markdown tables) as that page
    holds rows, and the same navigation (the section pages). No macros, no hooks, no checks."""
    docs = folder / "docs"
    model = SiteModel.from_folder(ROOT / "plan")
    items = model.views.index.items
    for n, spec in enumerate(model.pages):
        page, source = real_site / sitemap.permalink(spec.src).lstrip("/") / "index.html", docs / spec.src
        html = page.read_text(encoding="utf-8")
        count = max(1, html.count("<tr") - 1)
        rows = [items[(n + k) % len(items)] for k in range(count)]
        cells = lambda i: [
            i.uid,
            i.text,
            ", ".join(i.lead),
            ", ".join(i.coordinators),
            "; ".join(d.text for d in i.deadlines),
        ]
        table = "\n".join("| " + " | ".join(c.replace("|", "/") for c in cells(i)) + " |" for i in rows)
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(
            f"# Trang {n + 1}\n\n{rows[0].text}\n\n## Bảng\n\n| Mục | Nội dung | Chủ trì | Phối hợp | Thời hạn |\n"
            f"| --- | --- | --- | --- | --- |\n{table}\n",
            encoding="utf-8",
        )
    nav = "\n".join(f"  - '{section.title}': {section.src}" for section in model.sections())
    (folder / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme:\n  name: material\n  language: vi\n  font: false\n"
        "markdown_extensions:\n  - tables\n  - toc:\n      permalink: true\n"
        "plugins:\n  - search:\n      lang: vi\nnav:\n" + nav + "\n",
        encoding="utf-8",
    )
    return folder / "mkdocs.yml"


def plain_rebuilds(plain_config: Path, pages_written: dict[str, int], repeats: int = 5) -> None:
    """(i) mkdocs-material alone, rebuilt as `make serve` rebuilds (mkdocs serve --dirty, in this process),
    with as many of its pages changed as each edit of (h) wrote again on the real site."""
    import logging
    import random

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    changed = {"no edit": 0, **pages_written}
    site, docs = plain_config.parent / "site-dirty", sorted((plain_config.parent / "docs").rglob("*.md"))

    def rebuild(dirty: bool) -> float:
        config = load_config(str(plain_config), site_dir=str(site))
        started = time.perf_counter()
        mkdocs_build(config, dirty=dirty)
        return time.perf_counter() - started

    rebuild(False)
    said = []
    for kind, count in changed.items():
        timings = []
        for n in range(repeats):
            for page in random.Random(n).sample(docs, count):
                page.write_text(page.read_text(encoding="utf-8") + f"\n{kind} {n}\n", encoding="utf-8")
            timings.append(rebuild(True))
        said.append(f"{kind}: {count} pages, {statistics.median(timings):.2f} s")
    print(f"(i) mkdocs-material alone, rebuilt as make serve rebuilds, median of {repeats}: " + "; ".join(said))


# Runs import-report in this interpreter's child and prints its own peak resident memory, in KB, last.
_MEASURED_IMPORT = (
    "import resource, sys\n"
    "from plannav.__main__ import main\n"
    "code = main(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)


def imports(tmp: Path, repeats: int = 5) -> None:
    import hostile_forms

    reporters = hostile_forms.reporters_of()
    form = hostile_forms.filled_form(reporters)
    forms = {
        "the real form": form,
        "1,000 rows": hostile_forms.many_rows(form),
        "empty cell on row 1,048,576": hostile_forms.empty_cell_on_last_row(form),
        "merge to the sheet's end": hostile_forms.merge_to_sheet_end(form),
    }
    said = []
    for name, data in forms.items():
        path = tmp / "form.xlsx"
        path.write_bytes(data)
        walls, peaks = [], []
        for n in range(repeats):
            progress = tmp / f"progress-{name}-{n}".replace(" ", "-")
            command = [
                sys.executable,
                "-c",
                _MEASURED_IMPORT,
                "import-report",
                str(path),
                "2026-10",
                "--progress",
                str(progress),
            ]
            started = time.perf_counter()
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
            walls.append(time.perf_counter() - started)
            peaks.append(int(result.stdout.strip().splitlines()[-1]) / 1024)
        outcome = "written" if result.returncode == 0 else "refused"
        said.append(f"{name} {statistics.median(walls):.2f} s, {max(peaks):.0f} MB ({outcome})")
    print(f"(g) import-report, median of {repeats} (peak memory: the largest): " + "; ".join(said))


def _followed(log: Path) -> float:
    """When every build the log shows has its downloads written and its pages checked (they follow the shown
    pages, beside them): waits for it, and gives the clock's time then."""
    started = time.perf_counter()
    while log.read_text().count(FOLLOWED) < log.read_text().count("Documentation built in"):
        if time.perf_counter() - started > 120:
            sys.exit(f"bench: a build's downloads and checks did not end:\n{log.read_text()[-3000:]}")
        time.sleep(0.05)
    return time.perf_counter()


def serve(tmp: Path, edits: int = 10) -> dict[str, int]:
    """(h); returns, for each kind of edit, the median number of the plan's pages a save wrote again."""
    import shutil

    plan, reports = tmp / "serve-plan", write_sample(2, tmp / "serve-progress")
    shutil.copytree(ROOT / "plan", plan)
    log = tmp / "serve.log"
    try:
        with served(plan, reports, tmp / "serve-cache", log) as base:
            said, pages_written = [], {}
            for kind, path, anchor, page in edits_to_make(plan, reports):
                waits, rebuilds, follows, written = [], [], [], []
                for n in range(edits):
                    _followed(log)  # an editor saves again once the last build's downloads are written
                    marker = f"Zq{n}x{time.monotonic_ns() % 100000}"
                    text = path.read_text(encoding="utf-8")
                    changed = edited(text, anchor, marker)
                    assert changed != text, (kind, anchor)
                    before = log.read_text().count("Building documentation")
                    path.write_text(changed, encoding="utf-8")
                    started = time.perf_counter()
                    if not shown_after_save(base + page, marker):
                        sys.exit(f"bench: {kind} did not reach {page}:\n{log.read_text()[-3000:]}")
                    waits.append(time.perf_counter() - started)
                    follows.append(_followed(log) - started)
                    written.append(int(re.findall(r"(\d+) of the \d+ plan pages written again", log.read_text())[-1]))
                    time.sleep(1.5)  # any further rebuild the save started shows in the log by now
                    rebuilds.append(log.read_text().count("Building documentation") - before)
                    path.write_text(text, encoding="utf-8")  # put back, and wait for that build too
                    while marker in fetch(base + page):
                        time.sleep(0.05)
                    time.sleep(0.5)
                pages_written[kind] = round(statistics.median(written))
                said.append(
                    f"{kind} {statistics.median(waits):.2f} s ({min(waits):.2f}–{max(waits):.2f}), "
                    f"{pages_written[kind]} pages written again, "
                    f"{statistics.median(rebuilds):.0f} rebuild(s) per save, "
                    f"downloads and checks done beside after {statistics.median(follows):.2f} s"
                )
    except RuntimeError as err:
        sys.exit(f"bench: {err}")
    print(f"(h) make serve, from saving a file to the page showing it, median of {edits}: " + "; ".join(said))
    return pages_written


def paired(before: list[Timing], after: list[Timing]) -> str:
    """The ratio of each build to the one just before it (the machine's speed drifts within minutes): their
    median, and the lowest and highest."""
    ratios = sorted(x.wall / b.wall for b, x in zip(before, after, strict=True))
    return f"ratio {statistics.median(ratios):.2f}, the median of the {len(ratios)} pairs ({ratios[0]:.2f}–{ratios[-1]:.2f})"


def report_builds(tmp: Path, repeats: int) -> None:
    """(e) and (f): the site with 24 months of reports, cached and not; then as one report changes."""
    # (e) The same site with 24 months of made-up reports from every reporting agency, alternated with
    # the site with none: as a build after an earlier one finds them (the build cache holds what it
    # made of the same data). Then, apart (their writing would slow the build after them), with no
    # cache at all, as the first build of a fresh clone.
    reports = write_sample(24, tmp / "progress-24")
    cache = str(tmp / "cache")
    build(tmp / "reports", progress=reports, cache=cache)  # the builds before
    build(tmp / "real", cache=cache)
    # The machine's own speed drifts within minutes: each build with reports is compared with the build
    # without just before it, and the ratio is the median of those pairs.
    with_reports, cold, empty, cold_empty = [], [], [], []
    for _ in range(PAIRS):
        empty.append(build(tmp / "real", cache=cache))
        with_reports.append(build(tmp / "reports", progress=reports, cache=cache))
    for _ in range(repeats):
        cold_empty.append(build(tmp / "real", cache="off"))
        cold.append(build(tmp / "reports", progress=reports, cache="off"))
    ratio = paired(empty, with_reports)
    empty, with_reports, cold, cold_empty = median(empty), median(with_reports), median(cold), median(cold_empty)
    print(
        f"(e) 24 months of reports from every agency: {with_reports.wall:.2f} s against {empty.wall:.2f} s with no "
        f"report (medians of {PAIRS}); {ratio}; with no build cache {cold.wall:.2f} s against {cold_empty.wall:.2f} s, "
        f"ratio {cold.wall / cold_empty.wall:.2f}"
    )

    # (f) As reports come in during a month: one agency's latest report changes (a status and a result's
    # text, new each time) between a build of the reports and the next; each build after the change is
    # paired with the build of the same data just before it, and with the build without reports before that.
    changing = sorted((reports / max(p.name for p in reports.iterdir() if p.is_dir())).glob("*.yaml"))[0]
    text, after_change, same, empty = changing.read_text(encoding="utf-8"), [], [], []
    for n in range(PAIRS):
        first, second = ("Đang thực hiện", "Chưa triển khai") if n % 2 == 0 else ("Chưa triển khai", "Đang thực hiện")
        text = text.replace(f"status: {first}", f"status: {second}", 1).replace("result: ", f"result: ({n}) ", 1)
        empty.append(build(tmp / "real", cache=cache))
        same.append(build(tmp / "reports", progress=reports, cache=cache))
        changing.write_text(text, encoding="utf-8")
        after_change.append(build(tmp / "reports", progress=reports, cache=cache))
    print(
        f"(f) after one new report ({changing.parent.name}/{changing.name} changed before each build): "
        f"{median(after_change).wall:.2f} s against {median(same).wall:.2f} s for the same data before the change "
        f"(medians of {PAIRS}); {paired(same, after_change)}; against the build with no report, "
        f"{median(empty).wall:.2f} s: {paired(empty, after_change)}"
    )
    # (f) again, the report dated after every other each time, as a new report usually is: the as-of date moves.
    later, same = [], []
    for n in range(PAIRS):
        same.append(build(tmp / "reports", progress=reports, cache=cache))
        text = re.sub(r"^date: '(\d{4}-\d\d)-\d\d'", rf"date: '\g<1>-{21 + n:02d}'", text)
        changing.write_text(text.replace("result: ", f"result: (ngày {21 + n}) ", 1), encoding="utf-8")
        later.append(build(tmp / "reports", progress=reports, cache=cache))
    print(
        f"(f) the same, the report dated after every other (the as-of date moves): {median(later).wall:.2f} s "
        f"against {median(same).wall:.2f} s; {paired(same, later)}"
    )


def suites(targets: tuple[str, ...]) -> None:
    for target in targets:
        for line in time_suite(target).lines():
            print(f"(j) {line}")


def main() -> None:
    if "--tests" in sys.argv:
        suites(("test", "test-all"))
        return
    if "--serve" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            serve(Path(tmp))
        return
    if "--imports" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            imports(Path(tmp))
        return
    if "--reports" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            build(Path(tmp) / "real", cache="off")  # warm the file cache
            report_builds(Path(tmp), 5)
        return
    factors = [1, 10, 50] if "--full" in sys.argv else [1, 10]
    repeats = 5
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; medians of {repeats} runs unless said")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build(tmp / "real", cache="off")  # warm the file cache
        plain_config = plain_site(tmp / "plain", tmp / "real")
        real, plain = [], []
        for _ in range(repeats):  # alternated, so that both see the same machine
            real.append(build(tmp / "real", cache="off"))  # all the work, as the plain site does it
            plain.append(build(tmp / "plain-site", config=plain_config))
        real, plain, real_pages = median(real), median(plain), pages(tmp / "real")
        print(
            f"(a) site build {real.wall:.2f} s for {len(real_pages)} pages ({real.cpu:.2f} s of CPU); plain "
            f"mkdocs-material build of the same pages {plain.wall:.2f} s ({plain.cpu:.2f} s of CPU); "
            f"ratio {real.wall / plain.wall:.2f} ({real.cpu / plain.cpu:.2f} in CPU time)"
        )

        timings = []
        for _ in range(5):
            forget_read_plans()  # each load reads and checks every file, as a new process does
            started = time.perf_counter()
            load_plan(ROOT / "plan")
            timings.append(time.perf_counter() - started)
        command = median([run([sys.executable, "-m", "plannav", "check"]) for _ in range(repeats)])
        print(
            f"(b) load + check of the real plan: {statistics.median(timings) * 1000:.0f} ms in process (median of 5); "
            f"`python -m plannav check` {command.wall:.2f} s, interpreter start and imports included"
        )

        per_page = {}
        for factor in factors:
            plan_dir = scale(factor, tmp / f"plan-{factor}x")
            runs = repeats if factor == 1 else 1
            timing = median([build(tmp / f"site-{factor}x", plan_dir=plan_dir, cache="off") for _ in range(runs)])
            count = len(pages(tmp / f"site-{factor}x"))
            per_page[factor] = timing.wall / count
            how = f"median of {runs}" if runs > 1 else "one run"
            print(
                f"(c) {factor:>2}x plan: {count} pages in {timing.wall:.1f} s ({how}), "
                f"{per_page[factor] * 1000:.1f} ms per page ({per_page[factor] / per_page[1]:.2f}x the 1x cost)"
            )

        report_builds(tmp, repeats)
        imports(tmp)
        plain_rebuilds(plain_config, serve(tmp))

        index = tmp / "real" / "search" / "search_index.json"
        weights = sorted(p.stat().st_size for p in real_pages)
        print(
            f"(d) search index {index.stat().st_size / 1024:.0f} KB; median page {statistics.median(weights) / 1024:.0f} KB"
        )
    suites(("test",))


if __name__ == "__main__":
    main()
