"""The build's second process: the same results there or in this process, and failures reported."""

import multiprocessing
import os
import threading
import time

import pytest

from plannav.generator import worker
from plannav.generator.worker import BackgroundWorker, WorkerFailed


class Collect:
    def __init__(self):
        self.items = []

    def add(self, item):
        if item == "boom":
            raise ValueError("boom while adding")
        self.items.append(item)

    def finish(self, suffix):
        return [item + suffix for item in self.items], os.getpid()


@pytest.mark.parametrize("spare_core", [True, False], ids=["second-process", "same-process"])
def test_consumer_returns_what_the_object_made_of_every_item(monkeypatch, spare_core):
    monkeypatch.setattr(worker, "_spare_core", lambda: spare_core)
    consumer = BackgroundWorker(Collect)
    for item in ("a", "b", "c"):
        consumer.add(item)
    items, pid = consumer.finish("!")
    assert items == ["a!", "b!", "c!"]
    assert (pid != os.getpid()) == spare_core


@pytest.mark.skipif(not worker._spare_core(), reason="one core: the work runs in this process")
def test_a_failure_in_the_second_process_is_reported_with_its_cause():
    consumer = BackgroundWorker(Collect)
    consumer.add("boom")
    consumer.add("after")  # sent to a process that has stopped: no error here
    with pytest.raises(WorkerFailed, match="boom while adding"):
        consumer.finish("")


@pytest.mark.skipif(not worker._spare_core(), reason="one core: the work runs in this process")
def test_cancelled_work_stops_at_once():
    # mkdocs serve: a build failed halfway; the next build cancels what the last one left running.
    consumer = BackgroundWorker(Collect)
    consumer.add("a")
    started = time.perf_counter()
    consumer.cancel()
    assert time.perf_counter() - started < 2
    assert consumer.process is None


def test_work_runs_here_when_no_second_process_can_be_started(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(38, "Function not implemented")  # e.g. no /dev/shm for the queue's semaphore

    monkeypatch.setattr(worker, "_spare_core", lambda: True)
    monkeypatch.setattr(multiprocessing.context.ForkServerContext, "Queue", refuse)
    consumer = BackgroundWorker(Collect)
    consumer.add("a")
    items, pid = consumer.finish("!")
    assert items == ["a!"] and pid == os.getpid()


@pytest.mark.skipif(not worker._spare_core(), reason="one core: the work runs in this process")
def test_the_second_process_is_not_forked_from_a_threaded_build():
    # mkdocs serve runs a watcher and a server thread: a plain fork would copy locks they hold.
    import threading

    stop = threading.Event()
    watcher = threading.Thread(target=stop.wait, daemon=True)
    watcher.start()
    try:
        consumer = BackgroundWorker(Collect)
        assert consumer.process is not None
        assert consumer.process._start_method in ("forkserver", "spawn")
        consumer.add("a")
        items, pid = consumer.finish("!")
        assert items == ["a!"] and pid != os.getpid()
    finally:
        stop.set()


def test_what_is_asked_while_the_process_starts_is_sent_in_order_without_waiting(monkeypatch):
    """The build asks for the downloads before the second process is up: it goes on meanwhile."""
    started = threading.Event()
    real_start = BackgroundWorker._start

    def slow_start(self, factory):
        started.wait(5)  # the process comes up only when the test says so
        real_start(self, factory)

    monkeypatch.setattr(worker, "_spare_core", lambda: True)
    monkeypatch.setattr(BackgroundWorker, "_start", slow_start)
    consumer = BackgroundWorker(Collect)
    asked = time.perf_counter()
    consumer.add("a")
    consumer.add("b")
    assert time.perf_counter() - asked < 1  # not waiting for the start
    started.set()
    consumer.add("c")
    items, pid = consumer.finish("!")
    assert items == ["a!", "b!", "c!"] and pid != os.getpid()
