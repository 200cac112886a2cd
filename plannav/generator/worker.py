"""Work done beside the page build, in a second process when the machine has a core to spare.

The page build is single-threaded. The downloads need only the plan, and each written page can be
checked while the next is built, so both run meanwhile. The process comes from a fork server, a
single-threaded process started once: forking the build itself is unsafe once `mkdocs serve` runs its
watcher and server threads (a lock held by another thread stays held in the child for ever). With one
core, or where no process can be started, the same work runs in this process instead.
"""

import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable


def _spare_core() -> bool:
    # The cores this process may run on (taskset, container limits), not all the machine's.
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores > 1 and "forkserver" in multiprocessing.get_all_start_methods()


class WorkerFailed(Exception):
    """The work in the second process failed; the message says where."""


class BackgroundWorker:
    """An object made by `factory` in a second process: `add(...)` (or any `call`) is sent to it item by
    item while this process goes on, and `finish(...)` returns its result."""

    def __init__(self, factory: Callable):
        self._local = self._process = self._failed = None
        self._factory, self._starting = factory, None
        self._pending: list[tuple[str, tuple]] = []  # asked for while the process was starting
        if _spare_core():
            # Starting the process is mostly waiting (the fork server starts and imports the checks): it
            # happens in a thread, while this process goes on (it reads the plan meanwhile).
            self._starting = threading.Thread(target=self._start_beside, name="plannav-worker-start", daemon=True)
            self._starting.start()
        # With no core to spare the work is done here, when first asked for: by then the build has read and
        # checked the plan, and said what is wrong with it, itself.

    def _start_beside(self) -> None:
        try:
            self._start(self._factory)
        except OSError:  # no process or semaphore to be had (a locked-down container): work here
            self._process = None
        except BaseException as err:  # said where the work is next asked for, in the build's thread
            self._failed = err

    def _ready(self) -> None:
        """Wait for the start, if it is under way; work in this process if no second one could start."""
        if self._starting is None:
            if self._process is None and self._local is None:
                self._local = self._factory()
            return
        self._starting.join()
        self._starting = None
        if self._failed is not None:
            raise WorkerFailed(f"the second process could not start: {self._failed!r}")
        if self._process is None:
            self._local = self._factory()
        pending, self._pending = self._pending, []
        for method, args in pending:
            self._send(method, args)

    @property
    def process(self):
        """The second process, once started; None where the work runs in this one."""
        self._ready()
        return self._process

    def _start(self, factory: Callable) -> None:
        context = multiprocessing.get_context("forkserver")
        # The server imports the page checks and downloads once; each build's process forks from it.
        context.set_forkserver_preload(["plannav.generator.finishing"])
        # Items go through a queue, whose own thread writes them: `add` returns at once.
        self._items = context.Queue()
        self._connection, child_end = context.Pipe()
        process = context.Process(target=_serve, args=(factory, self._items, child_end), daemon=True)
        process.start()
        self._process = process
        child_end.close()

    def add(self, *args) -> None:
        self.call("add", *args)

    def call(self, method: str, *args) -> None:
        """Ask the object to run `method(*args)`, in order with the items, without waiting for it: not
        even for the process to start (it is sent then)."""
        if self._starting is not None and self._starting.is_alive():
            self._pending.append((method, args))
            return
        self._ready()
        self._send(method, args)

    def _send(self, method: str, args: tuple) -> None:
        if self._local is not None:
            getattr(self._local, method)(*args)
        else:
            self._items.put((method, args))

    def finish(self, *args):
        self._ready()
        if self._local is not None:
            return self._local.finish(*args)
        try:
            self._items.put(("finish", args))
            status, value = self._connection.recv()
        except (EOFError, OSError) as err:
            raise WorkerFailed(f"the second process stopped: {err or type(err).__name__}") from None
        finally:
            self._stop(wait=True)
        if status == "error":
            raise WorkerFailed(value)
        return value

    def cancel(self) -> None:
        """Stop the work, if any is under way (the build failed before its end)."""
        if self._starting is not None:
            self._starting.join()
            self._starting = None
        self._stop(wait=False)

    def _stop(self, wait: bool) -> None:
        if self._process is None:
            return
        self._connection.close()
        self._items.cancel_join_thread()
        self._items.close()
        if wait:
            self._process.join(timeout=5)  # it has sent its result and is exiting
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
        self._process = None


def _serve(factory: Callable, items, connection) -> None:
    try:
        consumer = factory()
        while True:
            command, args = items.get()
            if command == "finish":
                connection.send(("result", consumer.finish(*args)))
                return
            getattr(consumer, command)(*args)
    except Exception:
        connection.send(("error", traceback.format_exc()))
