"""Publishing replaces the published site in one step, and only when the build succeeded."""

import os

from plannav.publish import publish


def _break_plan(plan_dir):
    tasks = plan_dir / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("lead: [cong-an-tinh]", "lead: [cong-an-tinhh]", 1),
                     encoding="utf-8")


def test_publish_switches_atomically_and_a_failed_build_changes_nothing(tmp_path, plan_copy, capsys):
    dest = tmp_path / "www" / "ke-hoach-06"
    assert publish(dest) == 0
    assert dest.is_symlink() and (dest / "co-quan" / "cong-an-tinh" / "index.html").is_file()
    first = os.path.realpath(dest)

    _break_plan(plan_copy)
    assert publish(dest, plan_dir=str(plan_copy)) == 1
    err = capsys.readouterr().err
    assert "unknown agency 'cong-an-tinhh'" in err and "is unchanged" in err
    assert os.path.realpath(dest) == first
    releases = dest.parent / ".ke-hoach-06.releases"
    assert [p.name for p in releases.iterdir()] == [os.path.basename(first)]  # the failed build left nothing


def test_first_publish_over_a_plain_folder_keeps_it_aside(tmp_path):
    dest = tmp_path / "ke-hoach-06"
    dest.mkdir()
    (dest / "old.html").write_text("old site")
    assert publish(dest, base_url="http://intranet.local/ke-hoach-06/") == 0
    assert dest.is_symlink() and (dest / "index.html").is_file()
    kept = [p for p in (tmp_path / ".ke-hoach-06.releases").iterdir() if p.name.startswith("previous-")]
    assert len(kept) == 1 and (kept[0] / "old.html").read_text() == "old site"
    assert "http://intranet.local/ke-hoach-06/" in (dest / "sitemap.xml").read_text()
