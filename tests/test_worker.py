"""The build's second process: the same results there or in this process, and failures reported."""

import multiprocessing.synchronize
import os
import threading
import time
from functools import partial

import pytest

from plannav.generator import worker
from plannav.generator.worker import BackgroundWorker, WorkerFailed

beside = pytest.mark.skipif(not worker._spare_core(), reason="one core: the work runs in this process")


class Collect:
    def __init__(self, pid_file=None):
        self.items = []
        if pid_file:
            pid_file.write_text(str(os.getpid()))

    def add(self, item):
        if item == "boom":
            raise ValueError("boom while adding")
        if item == "die":
            os._exit(1)  # as when the system kills it for its memory
        if item.startswith("sleep "):
            time.sleep(float(item.split()[1]))
        self.items.append(item)

    def finish(self, suffix):
        return [item + suffix for item in self.items], os.getpid(), os.getppid()


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize("spare_core", [True, False], ids=["second-process", "same-process"])
def test_consumer_returns_what_the_object_made_of_every_item(monkeypatch, spare_core):
    monkeypatch.setattr(worker, "_spare_core", lambda: spare_core)
    consumer = BackgroundWorker(Collect)
    for item in ("a", "b", "c"):
        consumer.add(item)
    items, pid, _ = consumer.finish("!")
    assert items == ["a!", "b!", "c!"]
    assert (pid != os.getpid()) == spare_core
    assert _gone(pid) == spare_core  # nothing left running after the build


@beside
def test_items_are_sent_without_waiting_and_taken_in_order():
    consumer = BackgroundWorker(Collect)
    consumer.add("first")  # the process is up from here on
    asked = time.perf_counter()
    items = ["sleep 0.5", "sleep 0.5", *map(str, range(300))]
    for item in items:
        consumer.add(item)
    assert time.perf_counter() - asked < 0.5  # not waiting for the slow items
    assert consumer.finish("")[0] == ["first", *items]


@beside
def test_a_failure_in_the_second_process_is_reported_with_its_cause():
    consumer = BackgroundWorker(Collect)
    consumer.add("boom")
    consumer.add("after")
    with pytest.raises(WorkerFailed, match="boom while adding") as failed:
        consumer.finish("")
    assert 'test_worker.py", line' in str(failed.value)  # where


@beside
def test_a_second_process_that_died_is_reported_at_the_end():
    consumer = BackgroundWorker(Collect)
    consumer.add("die")
    time.sleep(0.5)
    consumer.add("after")  # the build goes on, and hears of it once
    with pytest.raises(WorkerFailed, match="the second process stopped"):
        consumer.finish("")


@beside
def test_cancelled_work_stops_at_once(tmp_path):
    # mkdocs serve: a build failed halfway; the next build cancels what the last one left running.
    consumer = BackgroundWorker(partial(Collect, tmp_path / "pid"))
    consumer.add("sleep 60")
    deadline = time.monotonic() + 30
    while not (tmp_path / "pid").is_file():
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.2)  # an item under way
    started = time.perf_counter()
    consumer.cancel()
    assert time.perf_counter() - started < 2
    assert _gone(int((tmp_path / "pid").read_text()))


def test_work_runs_here_when_no_second_process_can_be_started(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(38, "Function not implemented")  # e.g. no /dev/shm for the queue's semaphore

    monkeypatch.setattr(worker, "_spare_core", lambda: True)
    monkeypatch.setattr(multiprocessing.synchronize.SemLock, "__init__", refuse)
    consumer = BackgroundWorker(Collect)
    consumer.add("a")
    items, pid, _ = consumer.finish("!")
    assert items == ["a!"] and pid == os.getpid()


@beside
def test_the_second_process_is_not_forked_from_a_threaded_build():
    # mkdocs serve runs a watcher and a server thread: a plain fork would copy locks they hold.
    stop = threading.Event()
    watcher = threading.Thread(target=stop.wait, daemon=True)
    watcher.start()
    try:
        consumer = BackgroundWorker(Collect)
        consumer.add("a")
        items, pid, parent = consumer.finish("!")
        assert items == ["a!"] and pid != os.getpid()
        assert parent != os.getpid()  # the fork server's child, not this process's
    finally:
        stop.set()


class _Finished:
    """A second process's work as `make serve` waits for it beside the shown pages: what finish gives."""

    def __init__(self, problems=None, failure=None):
        self.problems, self.failure = problems or [], failure

    def finish(self):
        from plannav.generator.finishing import SiteProblems

        if self.failure:
            raise WorkerFailed(self.failure)
        return SiteProblems(self.problems, [])


class _Bodies:
    saved = 0

    def save(self):
        self.saved += 1


@pytest.mark.parametrize(
    ("finished", "said", "kept"),
    [
        (_Finished(), "INFO", 1),
        (_Finished(problems=["co-quan/x/index.html:3: ../y/ -> no such page"]), "1 broken internal links", 0),
        (_Finished(failure="Traceback: the disk is full"), "the disk is full", 0),
    ],
)
def test_make_serve_says_what_the_work_beside_the_shown_pages_found(finished, said, kept, caplog):
    """The downloads and page checks that follow the shown pages say their problems as errors, and the page
    bodies are kept only when the pages were found sound."""
    from plannav.generator.plugin import FOLLOWED, SiteBuild

    bodies = _Bodies()
    with caplog.at_level("INFO", logger="mkdocs.plugins.plannav"):
        SiteBuild()._follow(finished, bodies)
    (record,) = [r for r in caplog.records if r.name == "mkdocs.plugins.plannav"]
    if kept:
        assert record.levelname == "INFO" and record.getMessage() == FOLLOWED
    else:
        assert record.levelname == "ERROR" and said in record.getMessage()
    assert bodies.saved == kept


def test_a_rebuild_of_make_serve_waits_for_the_work_beside_the_last_one():
    from plannav.generator.plugin import SiteBuild

    build, done = SiteBuild(), threading.Event()
    build._following = threading.Thread(target=lambda: (time.sleep(0.3), done.set()))
    build._following.start()
    build._await_following()
    assert done.is_set() and build._following is None
