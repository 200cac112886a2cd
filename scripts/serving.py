"""A real `mkdocs serve`, for the benchmark's (h) and tests/test_serve.py: started on a free port with a plan
folder, a reports folder and a build cache of its own; the kinds of edit an editor saves; a page fetched over
HTTP as a browser would."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fetch(url: str) -> str:
    """The page's text; "" while the server cannot answer."""
    return fetch_bytes(url).decode("utf-8")


def fetch_bytes(url: str) -> bytes:
    """The file as served; empty while the server cannot answer."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.read()
    except OSError:
        return b""


_LIVERELOAD = re.compile(r"livereload\((\d+), (\d+)\)")  # the call mkdocs serve writes into every page it serves


def shown_after_save(url: str, marker: str, timeout: float = 120) -> bool:
    """As a browser with the page open sees a save: it waits on mkdocs serve's livereload for a newer build
    (a long poll, the page's own script), then loads the page once; until the marker is on it, it waits
    for the next build. Whether the marker was shown within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    origin = urllib.parse.urljoin(url, "/")
    while time.monotonic() < deadline:
        if not (called := _LIVERELOAD.search(page := fetch(url))):
            time.sleep(0.05)  # the server is not answering yet
            continue
        if marker in page:
            return True
        epoch, request = called.groups()
        newer = fetch(f"{origin}livereload/{epoch}/{request}")  # returns at a newer build, or after a minute
        if not newer:
            time.sleep(0.05)
    return False


def edits(plan: Path, progress: Path) -> tuple[tuple[str, Path, str, str], ...]:
    """(kind, file, where in it the marker goes, the page that shows it): a task's wording, an agency's name
    (which many pages show), a report's status line (its result)."""
    latest = progress / max(p.name for p in progress.iterdir() if p.is_dir())
    report = sorted(latest.glob("*.yaml"))[0]
    return (
        (
            "a task's wording",
            plan / "tasks.yaml",
            "    text: Triển khai thực hiện Nghị định Chính phủ về định danh",
            "nhiem-vu/1-dd/",
        ),
        ("an agency's name", plan / "agencies.yaml", "    name: Sở Tư pháp\n", "co-quan/so-tu-phap/"),
        ("a report's status", report, "  result: ", f"co-quan/{report.stem}/"),
    )


def edited(text: str, anchor: str, marker: str) -> str:
    """The text with the marker put at the anchor: at the end of a name, or at the start of a text."""
    if anchor.endswith("\n"):
        return text.replace(anchor, anchor[:-1] + f" {marker}\n", 1)
    return text.replace(anchor, f"{anchor}{marker} ", 1)


@contextmanager
def served(plan: Path, progress: Path, cache: Path, log: Path) -> Iterator[str]:
    """`mkdocs serve --livereload` on those folders, its output in `log`; yields its base URL once the home
    page answers, and stops it after."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PLANNAV_PLAN_DIR=str(plan), PLANNAV_PROGRESS_DIR=str(progress))
    env["PLANNAV_CACHE_DIR"] = str(cache)
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "--dev-addr", f"127.0.0.1:{port}"]
    with open(log, "w") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while "Kế hoạch" not in fetch(base):
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"mkdocs serve did not start:\n{log.read_text(encoding='utf-8')[-3000:]}")
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
