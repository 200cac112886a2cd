"""What a build keeps from one build to the next: what it made of data that did not change.

Two years of monthly reports are 700 files and some 240 pages, and a month's new reports change a few
of them. Every result (a report read and checked, a page's body, a download) is kept once, under a
digest of what it was made from (its inputs, written out by `canonical`) and of this program: a changed
input or program gives another key, so a kept result is never out of date. Each build also writes a
manifest of the results it used, by name, under the state of its data: a build of the same data takes
them by name without working out any input. One rule keeps the store the size of a few builds: the
manifests used last (KEPT_STATES of each kind) and the results they name; the rest is removed.

The cache is a convenience: a folder that cannot be written, a full disk or a damaged entry mean the
work is done again, never that the build fails; a result is written whole or not at all, and only when
its build says so (Results.save), so that a failed build keeps nothing.
"""

import contextlib
import hashlib
import os
import pickle
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import TypeVar

from plannav.keys import canonical, digest

PACKAGE = Path(__file__).resolve().parent
DEFAULT_FOLDER = PACKAGE.parent / ".cache" / "plannav"
OFF = "off"  # PLANNAV_CACHE_DIR=off: every build reads everything
KEPT_STATES = 4  # manifests of each kind kept: a few builds' (a build of the reports, one without, ...)
STATES, RESULTS = "states", "results"  # under each kind's folder: the manifests, and the results they name
NOTES = "notes"  # and what its builds noted of a state of part of the data (pagereads)
PART = ".part-"  # a file being written
RECENT_KINDS = 4  # folders whose last build's inputs this process keeps (a few sites')

# The libraries that print what the cache keeps (pages, Word, Excel, calendars): another version may print
# the same data otherwise. Their versions are pinned in requirements.txt.
PRINTERS = ("jinja2", "markupsafe", "python-docx", "openpyxl", "icalendar")

T = TypeVar("T")


def _files_digest(start: str, pattern: str) -> str:
    digest = hashlib.sha256(start.encode())
    for path in sorted(PACKAGE.rglob(pattern)):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@cache
def _program() -> str:
    """A digest of this package's Python source, read once (the code this process runs), and of the
    versions of the libraries that print what the cache keeps."""
    return _files_digest(" ".join(f"{name} {version(name)}" for name in PRINTERS), "*.py")


@cache
def code_fingerprint() -> str:
    """A digest of the program: its Python source, and its page templates, which each build reads again
    (a build calls code_fingerprint.cache_clear() first: mkdocs serve may run after a template changed).
    Another program may read the same file differently, or print the same page otherwise."""
    return _files_digest(_program(), "*.j2")


class BuildCache:
    """The results kept between builds: under the cache's folder, one folder per kind of result."""

    def __init__(self, folder: str | os.PathLike | None):
        self.folder = Path(folder) if folder else None

    @classmethod
    def from_setting(cls, setting: str | None) -> "BuildCache":
        """The folder PLANNAV_CACHE_DIR names, `off` for none, by default .cache/plannav beside the package."""
        return cls(None if setting == OFF else setting or DEFAULT_FOLDER)

    def __bool__(self) -> bool:
        """A cache turned off (PLANNAV_CACHE_DIR=off) is no cache: nothing is hashed for it."""
        return self.folder is not None

    def results(self, kind: str, *state, recent: bool = False) -> "Results":
        """One build's results of a kind, for the state of its data (plain data, as `canonical` writes it);
        recent: a result whose inputs equal those of the last build of this kind in this process is that build's."""
        return Results(self, kind, self.state(*state), recent)

    def state(self, *state) -> str:
        """The key of a state of the data (plain data), for this program; "" with no cache."""
        return digest(code_fingerprint(), *map(canonical, state)) if self else ""


# The inputs this process gave each result of the last build of a kind, with its key and value, by folder:
# mkdocs serve's next build finds a page whose view is equal (==) to the last one's without writing that
# view out for its key. Equal inputs are inputs `canonical` writes alike: records compare by their type
# and fields, and no input holds Markup, which is equal to a str of the same text (page views hold none).
# A result shown otherwise than by the last build (its page changed) is made without looking for it in the
# folder, and its key is worked out when the build is saved: for make serve, after the page is shown.
_RECENT: OrderedDict[Path, tuple[str, dict[str, tuple[tuple, str | None, object]]]] = OrderedDict()


def forget_recent() -> None:
    """Forget the last builds' results kept in this process (_RECENT): the next build looks for them in the
    cache's folder, as a new process does."""
    _RECENT.clear()


class Results:
    """The results of one kind a build uses, by name, each kept under its inputs; see the module's docstring."""

    def __init__(self, cache: BuildCache, kind: str, state: str, recent: bool = False):
        self.folder = cache.folder / kind if cache.folder else None
        self.state = state
        self.named: dict[str, str] = (self._read(STATES, state, touch=True) or {}) if self.folder else {}
        self.used: dict[str, str | None] = {}  # name: key, this build's manifest (None: worked out on saving)
        self.made: dict[str, object] = {}  # key: result, to write when the build says so
        self.values: dict[str, object] = {}  # name: result, this build's
        self.canonical = canonical  # how the inputs of this build's results are written out for their keys
        # the last build's inputs in this process (mkdocs serve), and this one's
        self.recent, self.given = self._recent() if self.folder and recent else ({}, None)

    def memo(
        self,
        name: str,
        inputs: Callable[[], tuple],
        make: Callable[[], T],
        keep: Callable[[T], bool] | None = None,
        kept: Callable[[], str | None] | None = None,
    ) -> T:
        """The result named `name`: as a build of the same data kept it, or under the key `kept` knows for it
        without its inputs (pagereads), or as kept under its inputs, or made now by `make` (and kept if
        `keep` says so: a report with a problem is never kept)."""
        if name in self.values:  # asked twice in one build (mkdocs serve asks whether a page changed first)
            return self.values[name]
        key = self.named.get(name)
        last = self.recent.get(name)  # (inputs or None where not worked out, key, value)
        given = None
        if key and last and last[1] == key:  # as the last build of this process had it: not read again
            given, value = last[0], last[2]
        else:
            value = self._read(RESULTS, key) if key else None
        if value is None and self.folder and kept is not None and (key := kept()):
            value = last[2] if last and last[1] == key else self._read(RESULTS, key)
        if value is None and self.folder:  # with no cache, nothing is worked out to find it: "" names no entry
            given = inputs()
            if last is None or last[0] is None:
                key = digest(code_fingerprint(), *map(self.canonical, given))
                value = self._read(RESULTS, key)
            elif last[0] == given:
                _, key, value = last
            else:  # shown otherwise by the last build: made now, its inputs written out for its key on saving
                key = None
        if value is None:
            value = make()
            if keep and not keep(value):
                return value
            if key is not None:
                self.made[key] = value
        if self.given is not None:
            self.given[name] = (given, key, value)
        self.used[name], self.values[name] = key, value
        return value

    def _recent(self) -> tuple[dict, dict]:
        """The inputs, keys and values of the last build of this kind in this process, made by this program;
        and this build's, where the next one will find them."""
        program, last = _RECENT.pop(self.folder, ("", {}))
        given: dict[str, tuple[tuple, str | None, object]] = {}
        _RECENT[self.folder] = (code_fingerprint(), given)
        while len(_RECENT) > RECENT_KINDS:
            _RECENT.popitem(last=False)
        return (last if program == code_fingerprint() else {}), given

    def save(self) -> None:
        """Write the results this build made and its manifest, then forget what no kept manifest names."""
        if self.folder is None:
            return
        for name in [name for name, key in self.used.items() if key is None]:
            given, _, value = self.given[name]
            key = self.used[name] = digest(code_fingerprint(), *map(self.canonical, given))
            self.made[key], self.given[name] = value, (given, key, value)
        for key, value in self.made.items():
            self._write(RESULTS, key, value)
        if self.used != self.named or self.made:
            self._write(STATES, self.state, self.used)
        self._prune()

    def note(self, state: str):
        """What a build of this kind noted for a state of part of its data (BuildCache.state), or None."""
        return self._read(NOTES, state, touch=True) if self.folder and state else None

    def keep_note(self, state: str, value) -> None:
        """Keep a note for the state, in place of the one before; the notes of the KEPT_STATES states used
        last are kept."""
        if not (self.folder and state):
            return
        self._write(NOTES, state, value)
        with contextlib.suppress(OSError):
            self._keep_newest(NOTES)

    def _read(self, where: str, key: str, touch: bool = False):
        path = self.folder / where / key
        try:
            value = pickle.loads(path.read_bytes())
            if touch:
                os.utime(path)  # a manifest used now: kept the longest
            return value
        except Exception:  # noqa: BLE001 (a damaged or missing entry is work to do again, whatever the damage)
            return None

    def _write(self, where: str, key: str, value) -> None:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        temporary = self.folder / where / f"{PART}{os.getpid()}-{key}"  # written whole, then given its name
        try:
            temporary.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, temporary.parent / key)
        except OSError:  # a cache that cannot be written is no cache
            with contextlib.suppress(OSError):
                temporary.unlink()

    def _keep_newest(self, where: str) -> list[Path]:
        """Remove all but the KEPT_STATES files of `where` used last (not those another process is writing);
        the kept ones."""
        files = [p for p in (self.folder / where).iterdir() if not p.name.startswith(PART)]
        files.sort(key=lambda p: p.stat().st_mtime)
        for old in files[:-KEPT_STATES]:
            old.unlink(missing_ok=True)
        return files[-KEPT_STATES:]

    def _prune(self) -> None:
        try:
            states = self._keep_newest(STATES)
            named = {key for path in states for key in (self._read(STATES, path.name) or {}).values()}
            for result in (self.folder / RESULTS).iterdir():
                if result.name not in named and not result.name.startswith(PART):
                    result.unlink(missing_ok=True)
        except OSError:
            return
