"""Running a job beside the page build: in a second process when the machine has a core to spare.

The page build is single-threaded; the downloads (Excel workbooks above all) need only the plan,
so they can be made meanwhile. The job's process is forked, so it starts with the plan loaded.
"""

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable


class BesideJob:
    def __init__(self, job: Callable, *args):
        self._job, self._args = job, args
        self._pool = self._future = None
        if (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods():
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
            self._future: Future = self._pool.submit(job, *args)

    def result(self):
        """The job's result: waited for, or computed here when there was no second process."""
        if self._pool is None:
            return self._job(*self._args)
        try:
            return self._future.result()
        finally:
            self.cancel()

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
