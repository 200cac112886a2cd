"""A page's view reads the reports only through Progress, which notes what it reads (pagereads): a build
after new reports takes from the cache every page that did not note a report that changed. So a change
to reports a page did not note must leave its view as it was."""

import shutil

import pytest
from sitebuild import PLAN_DIR, sample_reports

from plannav.loader import read_plan_files
from plannav.progress.loader import read_progress_files
from plannav.progress.status import EVERY_REPORT, MONTHS
from plannav.sitemodel import SiteModel


def _views(progress_dir):
    """Each page's view, and what it noted reading of the reports."""
    model = SiteModel.load(read_plan_files(PLAN_DIR), read_progress_files(progress_dir))
    views, reads = {}, {}
    for spec in model.pages:
        model.progress.reading = set()
        views[spec.src], reads[spec.src] = model.view(spec.src), model.progress.reading
    return views, reads


def _rewritten(source, target, agency_id):
    """A copy of the reports with every report of the agency saying otherwise: other statuses, other results,
    an item left blank; the same dates, so that the site's day and months stay."""
    shutil.copytree(source, target)
    for path in sorted(target.glob(f"*/{agency_id}.yaml")):
        text = path.read_text(encoding="utf-8")
        swapped = (
            text.replace("Đang thực hiện", "@").replace("Chưa triển khai", "Đang thực hiện").replace("@", "Chưa triển khai")
        )
        lines = swapped.replace("result: ", "result: (báo cáo lại) ").splitlines()
        items = [i for i, line in enumerate(lines) if line.startswith("- item:")]
        if len(items) > 1:
            del lines[items[0] : items[1]]  # its first item left blank
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pagereads")
    return sample_reports(3, folder / "progress"), folder


@pytest.mark.parametrize("agency_id", ["bo-chi-huy-quan-su-tinh", "cong-an-tinh-lam-dong", "so-tu-phap-lam-dong"])
def test_a_change_to_reports_a_page_did_not_read_leaves_its_view_as_it_was(reports, agency_id):
    progress, folder = reports
    assert list(progress.glob(f"*/{agency_id}.yaml"))  # it reports, every month
    before, reads = _views(progress)
    after, _ = _views(_rewritten(progress, folder / agency_id, agency_id))
    # Of what a page may note, only these changed: the months the reports span did not (the same dates).
    noted = {src for src, read in reads.items() if read & {agency_id, EVERY_REPORT}}
    assert any(MONTHS in read for read in reads.values())
    assert noted and len(noted) < len(before)
    assert {src for src in before if src not in noted and after[src] != before[src]} == set()
    # The change shows: on the agency's page at least, which noted its reports.
    assert {src for src in noted if after[src] != before[src]}
