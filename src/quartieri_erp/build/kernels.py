"""Warm Jupyter kernels shared by the chapters of one build.

Starting a kernel and importing pandas, matplotlib, seaborn and pandera costs about two seconds; a
chapter itself runs in a fraction of that. The build starts one kernel per worker, preloads those
modules once, and lets papermill execute each notebook in a kernel whose namespace has been reset
(new IPython session: empty namespace, execution count back to 1, figures closed, default rcParams)
and a fresh log of the input files the notebook reads (see ``readlog``).
"""

from __future__ import annotations

import queue
import sys
from contextlib import contextmanager
from pathlib import Path

from jupyter_client.manager import KernelManager

from ..readlog import ENV as READ_LOG_ENV

PRELOAD = """
import matplotlib
matplotlib.use("Agg")
import pandas, seaborn, scipy.stats, pandera.pandas, IPython.display
import quartieri_erp.chapter, quartieri_erp.charts
"""

RESET = """
get_ipython().reset(new_session=True, aggressive=False)
import os as _o, matplotlib as _m, matplotlib.pyplot as _p
_p.close("all"); _m.rcdefaults(); _m.use("Agg")
_o.environ[{env!r}] = {log!r}
del _o, _m, _p
"""


def _execute(km: KernelManager, code: str, timeout: float = 120) -> None:
    client = km.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=timeout)
        reply = client.execute_interactive(code, timeout=timeout, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            content = reply["content"]
            raise RuntimeError(f"kernel set-up failed: {content.get('ename')}: {content.get('evalue')}")
    finally:
        client.stop_channels()


class KernelPool:
    """``size`` warm kernels whose working directory is ``cwd``; use as a context manager."""

    def __init__(self, size: int, cwd: Path, log: Path) -> None:
        self._free: queue.Queue[KernelManager] = queue.Queue()
        self._all: list[KernelManager] = []
        self._log = log.open("a", encoding="utf-8")
        try:
            for _ in range(size):
                km = KernelManager(kernel_name="python3")
                km.start_kernel(cwd=str(cwd), stdout=self._log, stderr=self._log)
                self._all.append(km)
            for km in self._all:  # the kernels start concurrently; preload once each is up
                _execute(km, PRELOAD)
                self._free.put(km)
        except BaseException:  # Ctrl-C or a failed start: leave no kernel running
            self.close()
            raise

    @contextmanager
    def kernel(self, read_log: Path):
        """A reset kernel recording its file reads in ``read_log``, exclusively yours until the block ends."""
        km = self._free.get()
        try:
            _execute(km, RESET.format(env=READ_LOG_ENV, log=str(read_log)))
            yield km
        finally:
            self._free.put(km)

    def interrupt(self) -> None:
        """Interrupt whatever the kernels are executing (their cells raise KeyboardInterrupt)."""
        for km in self._all:
            km.interrupt_kernel()

    def close(self) -> None:
        for km in self._all:
            try:
                km.shutdown_kernel(now=True)
            except Exception as err:  # noqa: BLE001 - a kernel that is already gone is fine
                print(f"warning: kernel shutdown: {err}", file=sys.stderr)
        self._log.close()

    def __enter__(self) -> KernelPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
