"""Work beside the page build: the same results in a second process or in this one, and failures reported."""

import os

import pytest

from plannav import beside
from plannav.beside import BesideConsumer, BesideFailed, BesideJob


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
    monkeypatch.setattr(beside, "_spare_core", lambda: spare_core)
    consumer = BesideConsumer(Collect)
    for item in ("a", "b", "c"):
        consumer.add(item)
    items, pid = consumer.finish("!")
    assert items == ["a!", "b!", "c!"]
    assert (pid != os.getpid()) == spare_core


@pytest.mark.skipif(not beside._spare_core(), reason="one core: the work runs in this process")
def test_a_failure_in_the_second_process_is_reported_with_its_cause():
    consumer = BesideConsumer(Collect)
    consumer.add("boom")
    consumer.add("after")  # sent to a process that has stopped: no error here
    with pytest.raises(BesideFailed, match="boom while adding"):
        consumer.finish("")


def _square(n):
    return n * n, os.getpid()


@pytest.mark.parametrize("spare_core", [True, False], ids=["second-process", "same-process"])
def test_job_result_is_the_same_wherever_it_ran(monkeypatch, spare_core):
    monkeypatch.setattr(beside, "_spare_core", lambda: spare_core)
    value, pid = BesideJob(_square, 7).result()
    assert value == 49
    assert (pid != os.getpid()) == spare_core


def _fail():
    raise ValueError("no downloads today")


@pytest.mark.skipif(not beside._spare_core(), reason="one core: the work runs in this process")
def test_a_failed_job_is_reported_with_its_cause():
    with pytest.raises(BesideFailed, match="no downloads today"):
        BesideJob(_fail).result()
