"""A page's view reads the reports only through Progress, which notes what it reads (pagereads): a build
after new reports takes from the cache every page that did not note a report that changed. So a change
to reports a page did not note must leave its view as it was."""

import re
import shutil
from functools import partial

import pytest
from sitebuild import PLAN_DIR, sample_reports

from plannav.buildcache import BuildCache
from plannav.loader import read_plan_files
from plannav.pagereads import PageReads
from plannav.progress.loader import read_progress_files
from plannav.progress.status import AS_OF, BODIES, MONTHS
from plannav.sitemodel import SiteModel


def _views(progress_dir):
    """Each page's view, and the reads noted while it was worked out (PageReads, with no cache)."""
    model = SiteModel.load(read_plan_files(PLAN_DIR), read_progress_files(progress_dir))
    reads = PageReads(BuildCache(None).results("pages"), "", model)
    return {spec.src: reads.view(spec.src, partial(model.view, spec.src)) for spec in model.pages}, reads


def _rewritten(source, target, agency_id, later=False):
    """A copy of the reports with every report of the agency saying otherwise: other statuses, other results,
    an item left blank; with `later`, its latest report sent after every other, which moves the as-of date."""
    shutil.copytree(source, target)
    paths = sorted(target.glob(f"*/{agency_id}.yaml"))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        swapped = (
            text.replace("Đang thực hiện", "@").replace("Chưa triển khai", "Đang thực hiện").replace("@", "Chưa triển khai")
        )
        lines = swapped.replace("result: ", "result: (báo cáo lại) ").splitlines()
        items = [i for i, line in enumerate(lines) if line.startswith("- item:")]
        if len(items) > 1:
            del lines[items[0] : items[1]]  # its first item left blank
        if later and path == paths[-1]:
            lines[0] = re.sub(r"-\d\d'$", "-28'", lines[0])  # the month's 28th: no one else sent so late
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def _compared(before, first, after, second) -> tuple[set[str], set[str]]:
    """Of what the pages noted, what changed between the two builds; and the pages that noted none of it.
    Every one of those shows what it showed, and some page that noted a change shows something else."""
    noted = set().union(*first.read.values())
    changed = {read for read in noted if first.digest_of(read) != second.digest_of(read)}
    unread = {src for src, read in first.read.items() if not read & changed}
    assert unread and {src for src in unread if after[src] != before[src]} == set()
    assert {src for src in before if src not in unread and after[src] != before[src]}
    return noted, changed


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pagereads")
    return sample_reports(3, folder / "progress"), folder


@pytest.mark.parametrize(
    "agency_id, later",
    [
        ("bo-chi-huy-quan-su-tinh", False),
        ("cong-an-tinh-lam-dong", False),  # its reports stand for Công an tỉnh's items (a line of work)
        ("so-tu-phap-lam-dong", False),
        ("trung-tam-phuc-vu-hanh-chinh-cong", True),  # read by the fewest pages
    ],
)
def test_a_change_to_what_a_page_did_not_read_leaves_its_view_as_it_was(reports, agency_id, later):
    progress, folder = reports
    assert list(progress.glob(f"*/{agency_id}.yaml"))  # it reports, every month
    before, first = _views(progress)
    after, second = _views(_rewritten(progress, folder / f"{agency_id}-{later}", agency_id, later))
    noted, changed = _compared(before, first, after, second)
    # What changed: the agency's reports, all reports, and with a later report the as-of date; not the months
    # the reports span, nor which bodies ceased or carry others' work (no succession took effect in between).
    assert agency_id in changed and MONTHS not in changed and BODIES not in changed
    assert (AS_OF in changed) == later and {MONTHS, BODIES, AS_OF} <= noted


def test_a_report_that_moves_the_as_of_date_past_a_succession_changes_only_what_read_the_bodies(tmp_path):
    """June 2025's reports, then one for July: the as-of date passes 01/07/2025, when the districts ended and
    the merged province's bodies took over (plan/successors.yaml)."""
    months = sample_reports(17, tmp_path / "sample")  # June 2025 to October 2026
    june = tmp_path / "june"
    june.mkdir()
    shutil.copytree(months / "2025-06", june / "2025-06")
    shutil.copy(months / "DU-LIEU-MAU", june)
    before, first = _views(june)
    report = (june / "2025-06" / "bo-chi-huy-quan-su-tinh.yaml").read_text(encoding="utf-8")
    (june / "2025-07").mkdir()
    (june / "2025-07" / "bo-chi-huy-quan-su-tinh.yaml").write_text(
        re.sub(r"date: '2025-06-\d\d'", "date: '2025-07-10'", report), encoding="utf-8"
    )
    after, second = _views(june)
    _, changed = _compared(before, first, after, second)
    assert {BODIES, AS_OF, MONTHS} <= changed
