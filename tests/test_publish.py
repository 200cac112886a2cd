"""Publishing replaces the published site in one step, and only when the build succeeded."""

import os

from plannav.publish import publish


def _break_plan(plan_dir):
    tasks = plan_dir / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("lead: [cong-an-tinh]", "lead: [cong-an-tinhh]", 1),
                     encoding="utf-8")


def test_publish_switches_atomically_and_a_failed_build_changes_nothing(tmp_path, plan_copy, capsys):
    # A first publish over a plain folder keeps that folder aside, as a release to roll back to.
    dest = tmp_path / "www" / "ke-hoach-06"
    dest.mkdir(parents=True)
    (dest / "old.html").write_text("old site")
    assert publish(dest, base_url="http://intranet.local/ke-hoach-06/") == 0
    assert dest.is_symlink() and (dest / "co-quan" / "cong-an-tinh" / "index.html").is_file()
    assert "http://intranet.local/ke-hoach-06/" in (dest / "sitemap.xml").read_text()
    releases = dest.parent / ".ke-hoach-06.releases"
    kept = [p for p in releases.iterdir() if p.name.startswith("previous-")]
    assert len(kept) == 1 and (kept[0] / "old.html").read_text() == "old site"
    first = os.path.realpath(dest)

    # A failed build prints its problems, leaves the published site as it was and no partial folder.
    _break_plan(plan_copy)
    before = sorted(p.name for p in releases.iterdir())
    assert publish(dest, plan_dir=str(plan_copy)) == 1
    err = capsys.readouterr().err
    assert "unknown agency 'cong-an-tinhh'" in err and "is unchanged" in err
    assert os.path.realpath(dest) == first
    assert sorted(p.name for p in releases.iterdir()) == before
