"""Publishing the site safely: build into a fresh folder, then switch the published path to it at once.

The published path is a symbolic link to the current release; switching it is a single atomic
rename, so readers see the old site or the new one, never half of either. A failed build
leaves the published site untouched and removes its own partial output.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEEP_RELEASES = 3


def build(target: Path, base_url: str | None = None, offline: bool = False, plan_dir: str | os.PathLike | None = None,
          config_file: str | os.PathLike | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` into target; the result carries the build's output."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if base_url:
        env["PLANNAV_SITE_URL"] = base_url
    if offline:
        env["PLANNAV_OFFLINE"] = "true"
    if plan_dir:
        env["PLANNAV_PLAN_DIR"] = str(Path(plan_dir).resolve())
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)]
    if config_file:
        command += ["--config-file", str(config_file)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def switch(dest: Path, release: Path) -> None:
    """Point dest at release in one rename; a first publish over a real folder moves it aside first."""
    if dest.exists() and not dest.is_symlink():
        # Only the very first switch from a plain folder has a brief gap; every later one is atomic.
        dest.rename(release.parent / f"previous-{time.strftime('%Y%m%d-%H%M%S')}")
    link = dest.parent / f".{dest.name}.switch-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(os.path.relpath(release, dest.parent))
    os.replace(link, dest)


def prune(releases: Path, current: Path, keep: int = KEEP_RELEASES) -> None:
    entries = sorted((p for p in releases.iterdir() if p.is_dir() and p != current), key=lambda p: p.stat().st_mtime)
    for old in entries[: max(0, len(entries) - (keep - 1))]:
        shutil.rmtree(old, ignore_errors=True)


def publish(dest: Path, base_url: str | None = None, offline: bool = False, plan_dir: str | None = None) -> int:
    dest = dest.absolute()
    releases = dest.parent / f".{dest.name}.releases"
    releases.mkdir(parents=True, exist_ok=True)
    release = releases / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    result = build(release, base_url, offline, plan_dir)
    if result.returncode != 0:
        shutil.rmtree(release, ignore_errors=True)
        print(result.stdout + result.stderr, file=sys.stderr)
        print(f"publish: the build failed; {dest} is unchanged", file=sys.stderr)
        return 1
    switch(dest, release)
    prune(releases, release)
    print(f"publish: {dest} -> {release}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build the site and publish it atomically.")
    parser.add_argument("dest", type=Path, help="published path, e.g. /var/www/ke-hoach-06 (becomes a symbolic link)")
    parser.add_argument("--base-url", help="address it is served at, e.g. http://intranet.local/ke-hoach-06/")
    parser.add_argument("--offline", action="store_true", help="a copy to open from disk (file://), e.g. on a USB stick")
    parser.add_argument("--plan", help="plan folder (default: plan)")
    args = parser.parse_args(argv)
    return publish(args.dest, args.base_url, args.offline, args.plan)


if __name__ == "__main__":
    sys.exit(main())
