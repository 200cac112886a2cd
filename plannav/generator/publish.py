"""Publishing the site safely: build into a fresh folder, then switch the published path to it at once.

The published path is a symbolic link to the current release; switching it is a single atomic
rename, so readers see the old site or the new one, never half of either. Releases live beside it
in `.<name>.releases/`:

- a release is built as `<time>-<pid>.partial` and renamed to `<time>-<pid>` only once complete, so
  a killed build never leaves anything that looks like a release;
- old releases are renamed `….deleting` before they are removed, so a prune killed half-way never
  leaves a half-deleted folder that looks complete;
- only complete releases count among the ones kept for rollback, newest first by name.

An offline copy (`--offline`, for a USB stick or a shared drive, whose file systems often have no
symbolic links) is a plain folder instead: built beside it, then swapped in with two renames.

The tool deletes only what it made: a published path that is a folder or a link of someone else's
is refused, unless `replace` is asked for; then it is moved aside, never deleted, and the message
says where. Every folder it builds holds a MARKER file that says so.
"""

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from plannav.makeflags import flag_option, make_flag
from plannav.textnorm import visible

ROOT = Path(__file__).resolve().parents[2]
KEEP_RELEASES = 3
# <date>-<time>[-<microseconds>]-<pid>: names sort in time order (releases before microseconds had none).
_RELEASE = re.compile(r"^\d{8}-\d{6}(-\d{6})?-\d+$")
_PARTIAL = re.compile(r"^\d{8}-\d{6}(?:-\d{6})?-(\d+)\.partial$")
MARKER = ".plannav-release"  # in every folder a publish built: what the tool may later remove


class PublishRefused(Exception):
    """The published path is not ours to replace; the message says why and what to do."""


def build_settings(base_url=None, offline=False, plan_dir=None, progress_dir=None, cache_dir=None) -> dict[str, str]:
    """The environment a build reads its settings from (generator/settings.py), for what is given."""
    given = {
        "PLANNAV_SITE_URL": base_url or "",
        "PLANNAV_OFFLINE": "true" if offline else "",
        "PLANNAV_PLAN_DIR": str(Path(plan_dir).resolve()) if plan_dir else "",
        "PLANNAV_PROGRESS_DIR": str(Path(progress_dir).resolve()) if progress_dir else "",
        "PLANNAV_CACHE_DIR": str(Path(cache_dir).resolve()) if cache_dir else "",
    }
    return {"NO_MKDOCS_2_WARNING": "1", **{name: value for name, value in given.items() if value}}


def build(
    target: Path,
    base_url: str | None = None,
    offline: bool = False,
    plan_dir: str | os.PathLike | None = None,
    config_file: str | os.PathLike | None = None,
    progress_dir: str | os.PathLike | None = None,
) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` into target; the result carries the build's output."""
    env = dict(os.environ, **build_settings(base_url, offline, plan_dir, progress_dir))
    command = [sys.executable, "-m", "plannav.generator.buildrun", "build", "--strict", "--site-dir", str(target)]
    if config_file:
        command += ["--config-file", str(config_file)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def releases_of(dest: Path) -> Path:
    return dest.parent / f".{dest.name}.releases"


def _ours(dest: Path) -> bool:
    """Whether dest is what an earlier publish left: a link to one of its releases, or an offline folder."""
    if not dest.is_symlink():
        return dest.is_dir() and (dest / MARKER).is_file()
    target = Path(os.path.normpath(dest.parent / os.readlink(dest)))
    return target.parent == releases_of(dest) and _RELEASE.match(target.name) is not None


def check_destination(dest: Path, replace: bool) -> None:
    """Refuse, before building, a published path that is neither free nor ours."""
    if not (dest.exists() or dest.is_symlink()) or _ours(dest):
        return
    if dest.is_dir() and not dest.is_symlink() and not any(dest.iterdir()):
        return  # an empty folder: nothing to lose
    if not replace:
        what = (
            "a symbolic link to somewhere else"
            if dest.is_symlink()
            else ("a folder that an earlier publish did not make" if dest.is_dir() else "a file")
        )
        raise PublishRefused(
            f"{dest} is {what}; nothing was built or changed. Check the path; to publish "
            f"there anyway, moving what is there aside, add --replace (make publish ... REPLACE=1)"
        )


def _clear_foreign(dest: Path) -> Path | None:
    """Make way at dest for what is not ours: an empty folder goes, anything else is moved aside (never
    deleted). Returns where it went."""
    if not (dest.exists() or dest.is_symlink()) or _ours(dest):
        return None
    if dest.is_dir() and not dest.is_symlink() and not any(dest.iterdir()):
        dest.rmdir()
        return None
    moved = dest.parent / f"{dest.name}.before-publish-{time.strftime('%Y%m%d-%H%M%S')}"
    dest.rename(moved)
    return moved


def switch(dest: Path, release: Path) -> Path | None:
    """Point dest at release in one rename. What was at dest, if not ours, is moved aside (never deleted):
    returns where it went."""
    # Only the very first switch from a plain folder has a brief gap; every later one is atomic.
    moved = _clear_foreign(dest)
    link = dest.parent / f".{dest.name}.switch-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(os.path.relpath(release, dest.parent))
    os.replace(link, dest)
    return moved


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove(folder: Path) -> None:
    """Rename, then delete: a removal cut short leaves a `.deleting` folder, never a half release."""
    doomed = folder.with_name(folder.name + ".deleting") if not folder.name.endswith(".deleting") else folder
    if doomed != folder:
        folder.rename(doomed)
    shutil.rmtree(doomed, ignore_errors=True)


def prune(releases: Path, current: Path, keep: int = KEEP_RELEASES) -> None:
    """Keep the current release and the newest complete others, up to `keep`; clear what builds and
    prunes that were killed left behind."""
    for entry in releases.iterdir():
        partial = _PARTIAL.match(entry.name)
        if entry.name.endswith(".deleting") or partial and not _alive(int(partial.group(1))):
            _remove(entry)
    complete = sorted((p for p in releases.iterdir() if _RELEASE.match(p.name) and p != current), key=lambda p: p.name)
    for old in complete[: max(0, len(complete) - (keep - 1))]:
        _remove(old)


def _built(partial: Path, dest: Path, base_url, offline, plan_dir) -> bool:
    """Build into `partial` and mark it ours; on failure or Ctrl-C remove it and say so."""
    try:
        partial.mkdir()  # the release's name is taken before the build starts; a killed run's is cleared later
        result = build(partial, base_url, offline, plan_dir)
        if result.returncode != 0:
            print(result.stdout + result.stderr, file=sys.stderr)
            print(f"publish: the build failed; {dest} is unchanged", file=sys.stderr)
            return False
        (partial / MARKER).write_text("Made by `make publish`; replaced by the next one.\n", encoding="utf-8")
        return True
    except KeyboardInterrupt:
        print(f"publish: interrupted; {dest} is unchanged", file=sys.stderr)
        raise
    finally:
        if not (partial / MARKER).is_file():
            shutil.rmtree(partial, ignore_errors=True)


def publish(
    dest: Path, base_url: str | None = None, offline: bool = False, plan_dir: str | None = None, replace: bool = False
) -> int:
    dest = dest.absolute()
    check_destination(dest, replace)
    stamp = f"{dt.datetime.now():%Y%m%d-%H%M%S-%f}-{os.getpid()}"
    if offline:
        return _publish_folder(dest, stamp, base_url, plan_dir)
    releases = releases_of(dest)
    releases.mkdir(parents=True, exist_ok=True)
    partial, release = releases / f"{stamp}.partial", releases / stamp
    if not _built(partial, dest, base_url, offline, plan_dir):
        return 1
    partial.rename(release)
    moved = switch(dest, release)
    if moved:
        print(f"publish: what was at {dest} is now at {moved}")
    prune(releases, release)
    print(f"publish: {dest} -> {release}")
    return 0


def _publish_folder(dest: Path, stamp: str, base_url, plan_dir) -> int:
    """The offline copy: a plain folder, built beside dest and swapped in with two renames."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    for leftover in dest.parent.glob(f".{dest.name}.*-*"):  # left by a build or swap that was killed
        kind, _, pid = leftover.name[len(dest.name) + 2 :].partition("-")
        if kind in ("partial", "old") and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)
    partial = dest.parent / f".{dest.name}.partial-{os.getpid()}"
    if not _built(partial, dest, base_url, True, plan_dir):
        return 1
    moved = _clear_foreign(dest)
    old = dest.parent / f".{dest.name}.old-{os.getpid()}"
    if _ours(dest):
        dest.rename(old)
    partial.rename(dest)
    shutil.rmtree(old, ignore_errors=True)
    if moved:
        print(f"publish: what was at {dest} is now at {moved}")
    print(f"publish: {dest} (offline copy, {stamp})")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build the site and publish it atomically.")
    parser.add_argument("dest", type=Path, help="published path, e.g. /var/www/ke-hoach-06 (becomes a symbolic link)")
    parser.add_argument("--base-url", help="address it is served at, e.g. http://intranet.local/ke-hoach-06/")
    flag_option(parser, "--offline", "a copy to open from disk (file://), e.g. on a USB stick")
    parser.add_argument("--plan", help="plan folder (default: plan)")
    flag_option(parser, "--replace", "publish over a folder or link an earlier publish did not make, moving it aside")
    args = parser.parse_args(argv)
    flags = {name: make_flag(getattr(args, name)) for name in ("offline", "replace")}
    for name, value in flags.items():
        if value is None:
            said = f"{name.upper()}='{visible(getattr(args, name))}' is neither yes nor no"
            print(
                f"publish: {said}\n    hint: write {name.upper()}=1 to ask for it; leave it out otherwise", file=sys.stderr
            )
            return 2
    if not str(args.dest).strip():
        print("publish: say where, e.g. make publish DEST=/var/www/ke-hoach-06", file=sys.stderr)
        return 2
    try:
        return publish(args.dest, args.base_url or None, flags["offline"], args.plan, flags["replace"])
    except KeyboardInterrupt:
        return 130
    except PublishRefused as err:
        print(f"publish: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # a read-only or full file system, a path we may not write
        where = f" {err.filename}:" if err.filename else ""
        print(f"publish:{where} {err.strerror or err}; {args.dest} is unchanged", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
