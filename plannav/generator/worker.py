"""Work done beside the page build, in a second process when the machine has a core to spare.

The page build is single-threaded. The downloads need only the plan, and each written page can be
checked while the next is built, so both run meanwhile, in a pool of one process, which runs what it
is asked in the order asked. The process comes from a fork server, a single-threaded process started
once, which has imported the checks and downloads: forking the build itself is unsafe once `mkdocs
serve` runs its watcher and server threads (a lock held by another thread stays held in the child for
ever), and each rebuild's process starts warm. With one core, or where no process can be started, the
same work runs in this process instead.
"""

import multiprocessing
import os
import signal
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from multiprocessing import forkserver


def _spare_core() -> bool:
    # The cores this process may run on (taskset, container limits), not all the machine's.
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores > 1 and "forkserver" in multiprocessing.get_all_start_methods()


class WorkerFailed(Exception):
    """The work in the second process failed; the message says where."""


_consumer = None  # in the second process: the object the factory made


def _make(factory: Callable) -> None:
    global _consumer
    _consumer = factory()


def _call(method: str, *args):
    return getattr(_consumer, method)(*args)


def _run(function: Callable, *args):
    """In the second process: a failure comes back as the text of its traceback."""
    try:
        return function(*args)
    except Exception:
        raise WorkerFailed(traceback.format_exc()) from None


class BackgroundWorker:
    """An object made by `factory` in a second process: `add(...)` (or any `call`) is sent to it item by
    item while this process goes on, and `finish(...)` returns its result."""

    def __init__(self, factory: Callable):
        self._factory, self._pool, self._local = factory, None, None
        self._asked: list[Future] = []  # every call sent, in order
        if _spare_core():
            # The fork server starts now, without waiting: it imports the checks and downloads while this
            # process reads the plan, and the first call, later, finds it ready.
            multiprocessing.get_context("forkserver").set_forkserver_preload(["plannav.generator.finishing", __name__])
            with suppress(OSError):  # met again, and worked around, when the process is asked for
                forkserver.ensure_running()

    def _ready(self) -> None:
        if self._pool is not None or self._local is not None:
            return
        if _spare_core():
            try:
                # Ctrl-C reaches the whole process group: the build stops this process itself (cancel).
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("forkserver"),
                    initializer=signal.signal,
                    initargs=(signal.SIGINT, signal.SIG_IGN),
                )
                self._asked.append(self._pool.submit(_run, _make, self._factory))
                return
            except OSError:  # no process or semaphore to be had (a locked-down container): work here
                self.cancel()
        # Here the object is made when first asked for: by then the build has read and checked the plan, and
        # said what is wrong with it, itself.
        self._local = self._factory()

    def add(self, *args) -> None:
        self.call("add", *args)

    def call(self, method: str, *args) -> None:
        """Ask the object to run `method(*args)`, in order with the items, without waiting for it."""
        self._ready()
        if self._local is not None:
            getattr(self._local, method)(*args)
        else:
            with suppress(BrokenProcessPool):  # the process has died: finish says so
                self._asked.append(self._pool.submit(_run, _call, method, *args))

    def finish(self, *args):
        self._ready()
        if self._local is not None:
            return self._local.finish(*args)
        try:
            result = self._pool.submit(_run, _call, "finish", *args)
            for asked in self._asked:  # the first failure, in the order asked
                asked.result()
            return result.result()
        except BrokenProcessPool as err:
            raise WorkerFailed(f"the second process stopped: {err}") from None
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop the work at once, if any is under way (the build failed before its end)."""
        if self._pool is None:
            return
        # shutdown() lets a call under way run to its end; ending the process stops it (Python 3.14: terminate_workers).
        for process in list(self._pool._processes.values()):
            process.terminate()
        self._pool.shutdown(cancel_futures=True)
        self._pool, self._asked = None, []
