"""What a build keeps from one build to the next: what it made of files that did not change.

Two years of monthly reports are 700 files, and only the month's new ones change from one build to the
next; reading and checking each again is a tenth of a build. A finished result is kept under a key
made of everything it was made from: the file's name and text, the plan (the reports are checked
against it) and this package's own code. A changed file, plan or program gives another key, so a kept
result is never out of date; only results without problems are kept. The cache is a convenience:
a folder that cannot be written, a full disk or a damaged entry mean the work is done again, never
that the build fails.
"""

import hashlib
import os
import pickle
import shutil
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DEFAULT_FOLDER = PACKAGE.parent / ".cache" / "plannav"
OFF = "off"  # PLANNAV_CACHE_DIR=off: every build reads everything
KEPT_STATES = 4  # of each kind of result kept by the state of the data: a few builds' (keep_recent)


# The libraries that print what the cache keeps (pages, Word, Excel, calendars): another version may print
# the same data otherwise. Their versions are pinned in requirements.txt.
PRINTERS = ("jinja2", "markupsafe", "python-docx", "openpyxl", "icalendar")


@cache
def _program() -> str:
    """A digest of this package's Python source, read once (the code this process runs), and of the
    versions of the libraries that print what the cache keeps."""
    digest = hashlib.sha256(" ".join(f"{name} {version(name)}" for name in PRINTERS).encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def code_fingerprint() -> str:
    """A digest of the program: its Python source, and its page templates, which each build reads again
    (a build calls code_fingerprint.cache_clear() first: mkdocs serve may run after a template changed).
    Another program may read the same file differently, or print the same page otherwise."""
    digest = hashlib.sha256(_program().encode())
    for path in sorted(PACKAGE.rglob("*.j2")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def digest(*parts: str) -> str:
    out = hashlib.sha256()
    for part in parts:
        encoded = part.encode("utf-8", "surrogatepass")
        out.update(len(encoded).to_bytes(8, "big") + encoded)  # lengths first: ("ab", "c") is not ("a", "bc")
    return out.hexdigest()


class BuildCache:
    """Results kept between builds, each under its key, in one folder per kind of result."""

    def __init__(self, folder: str | os.PathLike | None):
        self.folder = Path(folder) if folder else None

    @classmethod
    def from_setting(cls, setting: str | None) -> "BuildCache":
        """The folder PLANNAV_CACHE_DIR names, `off` for none, by default .cache/plannav beside the package."""
        if setting == OFF:
            return cls(None)
        return cls(setting or DEFAULT_FOLDER)

    def __bool__(self) -> bool:
        """A cache turned off (PLANNAV_CACHE_DIR=off) is no cache: nothing is hashed for it."""
        return self.folder is not None

    def key(self, *parts: str) -> str:
        return digest(code_fingerprint(), *parts)

    def get(self, kind: str, key: str, touch: bool = False):
        """The result kept under the key, or None (never kept, unreadable or damaged). touch: mark it
        as just used (keep_recent)."""
        if self.folder is None:
            return None
        path = self.folder / kind / key
        try:
            value = pickle.loads(path.read_bytes())
            if touch:
                os.utime(path)
            return value
        except Exception:  # noqa: BLE001 (a damaged entry is work to do again, whatever the damage)
            return None

    def put(self, kind: str, key: str, value) -> None:
        """Keep a result, written whole or not at all; a cache that cannot be written is no cache."""
        if self.folder is None:
            return
        folder = self.folder / kind
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".part-")
            try:
                with os.fdopen(handle, "wb") as out:
                    pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, folder / key)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            return

    def keep_recent(self, kind: str, keep: int | None = None, current: str | None = None) -> None:
        """Forget all but the `keep` results of a kind used last, so that its folder stays the size of a
        few builds': files (`kind/<key>`) or folders of one state each (`kind/<state>`, `current` being
        marked as just used first). By default KEPT_STATES."""
        if self.folder is None:
            return
        keep = KEPT_STATES if keep is None else keep
        try:
            if current and (self.folder / kind / current).exists():
                os.utime(self.folder / kind / current)
            kept = sorted((self.folder / kind).iterdir(), key=lambda p: p.stat().st_mtime)
            for old in kept[:-keep]:
                if old.name == current:
                    continue
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
                else:
                    old.unlink(missing_ok=True)
        except OSError:
            return
