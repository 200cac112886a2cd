"""Publishing replaces the published site in one step, only when the build succeeded, and never loses
a release to roll back to, nor anything the tool did not make: under failed builds, killed builds,
Ctrl-C, a full disk and a read-only file system."""

import datetime
import os
import re
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from sitebuild import ROOT, build_site, edit_plan, synthetic_plan

from plannav.generator import publish as publishing
from plannav.generator.publish import MARKER, main, publish
from plannav.sitemodel import SiteModel

SCRIPT = [sys.executable, str(ROOT / "scripts" / "publish.py")]


def _break_plan(plan_dir):
    edit_plan(plan_dir, "tasks.yaml", ("lead: [cong-an-tinh]", "lead: [cong-an-tinhh]"))


def _complete(release: Path) -> bool:
    return (release / MARKER).is_file() and (release / "index.html").is_file()


@pytest.fixture
def quick_build(monkeypatch):
    """Release handling without the minute of real builds it would take: a build that writes a
    two-file site (or fails, when asked)."""
    outcome = {"fail": False}

    def fake_build(target, *args, **kwargs):
        if outcome["fail"]:
            return subprocess.CompletedProcess([], 1, "", "ERROR - a plan problem\n")
        target.mkdir(parents=True, exist_ok=True)
        (target / "index.html").write_text(f"<p>{target.name}</p>", encoding="utf-8")
        return subprocess.CompletedProcess([], 0, "", "")

    monkeypatch.setattr(publishing, "build", fake_build)
    return outcome


@pytest.fixture
def build_here(monkeypatch):
    """Real builds, run in this process (sitebuild.build_site) rather than as the command: for the tests of
    what publishing does with a build's result, not of the command that builds."""
    monkeypatch.setattr(publishing, "build", build_site)


def test_publish_switches_atomically_and_a_failed_build_changes_nothing(tmp_path, plan_copy, capsys, build_here):
    dest = tmp_path / "www" / "ke-hoach-06"
    assert publish(dest, base_url="http://intranet.local/ke-hoach-06/") == 0
    assert dest.is_symlink() and (dest / "co-quan" / "cong-an-tinh" / "index.html").is_file()
    sitemap = (dest / "sitemap.xml").read_text()
    assert "http://intranet.local/ke-hoach-06/" in sitemap
    # Each page's last change is the day of the latest fact the plan holds, not the day of the build.
    latest = SiteModel.from_folder(ROOT / "plan", ROOT / "progress").updated
    assert latest < str(datetime.date.today())
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {latest}
    releases = dest.parent / ".ke-hoach-06.releases"
    first = os.path.realpath(dest)

    # A failed build prints its problems, leaves the published site as it was and no partial folder.
    _break_plan(plan_copy)
    before = sorted(p.name for p in releases.iterdir())
    assert publish(dest, plan_dir=str(plan_copy)) == 1
    err = capsys.readouterr().err
    assert "unknown agency 'cong-an-tinhh'" in err and "is unchanged" in err
    assert os.path.realpath(dest) == first
    assert sorted(p.name for p in releases.iterdir()) == before


def test_a_folder_the_tool_did_not_make_is_refused_then_moved_aside_never_deleted(tmp_path, quick_build, capsys):
    dest = tmp_path / "www" / "ke-hoach-06"
    dest.mkdir(parents=True)
    (dest / "other-site.html").write_text("not ours")
    assert main([str(dest)]) == 2
    err = capsys.readouterr().err
    assert "did not make" in err and "--replace" in err and "nothing was built" in err
    assert (dest / "other-site.html").read_text() == "not ours" and not dest.is_symlink()

    assert main([str(dest), "--replace"]) == 0
    out = capsys.readouterr().out
    aside = next(tmp_path.joinpath("www").glob("ke-hoach-06.before-publish-*"))
    assert f"is now at {aside}" in out and (aside / "other-site.html").read_text() == "not ours"
    for _ in range(4):  # more publishes than releases kept: what was moved aside stays
        assert publish(dest) == 0
    assert (aside / "other-site.html").read_text() == "not ours"


def test_a_link_to_somewhere_else_is_refused(tmp_path, quick_build, capsys):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    dest = tmp_path / "ke-hoach-06"
    dest.symlink_to(elsewhere)
    assert main([str(dest)]) == 2
    assert "symbolic link to somewhere else" in capsys.readouterr().err
    assert os.readlink(dest) == str(elsewhere)


def test_only_complete_releases_are_kept_and_leftovers_of_killed_runs_are_cleared(tmp_path, quick_build):
    dest = tmp_path / "ke-hoach-06"
    releases = tmp_path / ".ke-hoach-06.releases"
    releases.mkdir()
    for name in ("20250101-000000-1", "20250201-000000-1", "20250301-000000-1"):  # complete, older
        (releases / name).mkdir()
        (releases / name / "index.html").write_text(name)
        (releases / name / MARKER).write_text("")
    finished = subprocess.Popen(["true"])
    finished.wait()
    dead = finished.pid  # a process that has ended, as a killed build's has
    (releases / f"20991231-235959-{dead}.partial").mkdir()  # a killed build's, newer than all
    (releases / "20250401-000000-1.deleting").mkdir()  # a killed prune's
    assert publish(dest) == 0
    kept = sorted(p.name for p in releases.iterdir())
    current = os.path.basename(os.path.realpath(dest))
    assert kept == ["20250201-000000-1", "20250301-000000-1", current]
    assert all(_complete(releases / name) for name in kept)


def test_a_failed_build_leaves_no_partial_release(tmp_path, quick_build):
    dest = tmp_path / "ke-hoach-06"
    assert publish(dest) == 0
    quick_build["fail"] = True
    assert publish(dest) == 1
    assert [p.name for p in (tmp_path / ".ke-hoach-06.releases").iterdir()] == [os.path.basename(os.path.realpath(dest))]


def _start(dest: Path, *extra, env=None) -> subprocess.Popen:
    # A session of its own, so that signals reach the build's own processes too, as Ctrl-C does in a terminal.
    return subprocess.Popen(
        [*SCRIPT, str(dest), *extra],
        cwd=ROOT,
        env=env,
        # Ctrl-C as in a terminal, even when the tests run where SIGINT is ignored (a background job).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def test_builds_killed_at_any_point_leave_every_kept_release_complete(tmp_path, quick_build):
    dest = tmp_path / "ke-hoach-06"
    assert publish(dest) == 0  # a release to keep (quick_build); the builds killed below are the command's own
    published = os.path.realpath(dest)
    for delay in (0.3, 1.2, 2.2):
        process = _start(dest)
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        releases = dest.parent / ".ke-hoach-06.releases"
        assert _complete(Path(os.path.realpath(dest)))
        for release in releases.iterdir():
            assert release.name.endswith((".partial", ".deleting")) or _complete(release), release
    # The next publish clears what the killed ones left and keeps only complete releases.
    assert publish(dest) == 0
    names = [p.name for p in (dest.parent / ".ke-hoach-06.releases").iterdir()]
    assert not [n for n in names if n.endswith((".partial", ".deleting"))], names
    assert os.path.realpath(dest) != published and len(names) <= publishing.KEEP_RELEASES


def test_ctrl_c_stops_the_build_with_a_message_and_changes_nothing(tmp_path, quick_build):
    dest = tmp_path / "ke-hoach-06"
    assert publish(dest) == 0  # the site published before (quick_build); the build interrupted is the command's
    published = os.path.realpath(dest)
    # The release folder is made as the build starts; a plan four times the real one keeps the build going
    # for seconds after it, so the interrupt, a second later, lands mid-build however fast the machine is.
    plan_dir = synthetic_plan(4, tmp_path / "plan")
    process = _start(dest, env={**os.environ, "PLANNAV_PLAN_DIR": str(plan_dir)})
    releases = dest.parent / ".ke-hoach-06.releases"
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".partial") for p in releases.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(1)
    assert process.poll() is None, "the build ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    assert os.path.realpath(dest) == published
    assert not [p for p in (dest.parent / ".ke-hoach-06.releases").iterdir() if p.name.endswith(".partial")]


@contextmanager
def _mounted(folder: Path, options: str):
    folder.mkdir(parents=True, exist_ok=True)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("a small file system is mounted for this test, which needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_full_disk_fails_within_a_minute_with_a_clear_message(tmp_path, quick_build):
    with _mounted(tmp_path / "small", "size=3m") as small:
        dest = small / "ke-hoach-06"
        assert publish(dest) == 0  # a small site is published first
        published = os.path.realpath(dest)
        started = time.monotonic()
        result = subprocess.run([*SCRIPT, str(dest)], cwd=ROOT, capture_output=True, text=True, timeout=90)
        assert time.monotonic() - started < 60
        assert result.returncode == 1
        assert "No space left on device" in result.stderr and "Traceback" not in result.stderr
        assert "is unchanged" in result.stderr
        assert os.path.realpath(dest) == published and _complete(Path(published))
        assert [p.name for p in (small / ".ke-hoach-06.releases").iterdir()] == [os.path.basename(published)]


def test_a_read_only_file_system_is_said_in_one_line(tmp_path):
    with _mounted(tmp_path / "readonly", "ro,size=1m") as readonly:
        result = subprocess.run(
            [*SCRIPT, str(readonly / "new" / "ke-hoach-06")], cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 1
        assert "Read-only file system" in result.stderr and "Traceback" not in result.stderr
        assert "is unchanged" in result.stderr


def test_the_offline_copy_is_a_plain_folder_replaced_only_by_a_complete_build(tmp_path, plan_copy, build_here):
    dest = tmp_path / "usb" / "ke-hoach-06"
    assert publish(dest, offline=True) == 0
    assert dest.is_dir() and not dest.is_symlink() and _complete(dest)
    stamp = (dest / "index.html").stat().st_mtime_ns
    _break_plan(plan_copy)
    assert publish(dest, offline=True, plan_dir=str(plan_copy)) == 1
    assert (dest / "index.html").stat().st_mtime_ns == stamp
    assert sorted(p.name for p in dest.parent.iterdir()) == ["ke-hoach-06"]
