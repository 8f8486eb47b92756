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
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from jupyter_client.manager import KernelManager

from quartieri_erp.inputs.readlog import ENV as READ_LOG_ENV

PRELOAD = """
import matplotlib
matplotlib.use("Agg")
import pandas, seaborn, scipy.stats, pandera.pandas, IPython.display
import quartieri_erp.presentation.context, quartieri_erp.presentation.charts, quartieri_erp.inputs.curated, quartieri_erp.indicators
import quartieri_erp.chapters.appendices, quartieri_erp.chapters.call, quartieri_erp.chapters.cases
import quartieri_erp.chapters.indicators, quartieri_erp.chapters.method, quartieri_erp.chapters.policy
import quartieri_erp.chapters.reconciliation, quartieri_erp.chapters.summary
import quartieri_erp.presentation.display, quartieri_erp.presentation.figure_style
_f, _a = matplotlib.pyplot.subplots()  # loads the fonts once, not in the first chapter
_a.bar([0], [1]); quartieri_erp.presentation.display.figure_png(_f); matplotlib.pyplot.close(_f); del _f, _a
"""

RESET = """
get_ipython().reset(new_session=True, aggressive=False)
import os as _o, matplotlib as _m, matplotlib.pyplot as _p
_p.close("all"); _m.rcdefaults(); _m.use("Agg")
_o.environ[{env!r}] = {log!r}
del _o, _m, _p
"""


POLL = 0.5  # seconds between checks that the kernel is still alive
RELEASE_WAIT = 10  # seconds ``KernelPool.close`` waits for jupyter_client to release killed kernels


def _execute(km: KernelManager, code: str, timeout: float = 120, handshake: bool = True) -> None:
    """Run set-up ``code`` in the kernel; fails at once if the kernel dies (or is killed) meanwhile.

    ``handshake`` waits until the kernel answers first (needed right after it starts; a kernel known to
    be ready queues the request anyway).
    """
    deadline = time.monotonic() + timeout

    def check() -> None:
        if not km.is_alive():
            raise RuntimeError("the kernel stopped")
        if time.monotonic() > deadline:
            raise TimeoutError(f"the kernel did not answer in {timeout:.0f} s")

    client = km.client()
    client.start_channels()
    try:
        while handshake:
            check()
            try:
                client.wait_for_ready(timeout=POLL)
                break
            except RuntimeError:
                continue
        msg_id = client.execute(code, silent=True, store_history=False)
        while True:
            check()
            try:
                reply = client.get_shell_msg(timeout=POLL)
            except queue.Empty:
                continue
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        content = reply["content"]
        if content["status"] != "ok":
            raise RuntimeError(f"kernel set-up failed: {content.get('ename')}: {content.get('evalue')}")
    finally:
        client.stop_channels()


class KernelPool:
    """``size`` warm kernels whose working directory is ``cwd``; use as a context manager.

    Creating the pool only spawns the kernel processes (fast); ``preload`` waits for them and imports
    the heavy modules, and can run in the background while the build validates its inputs. ``close``
    kills the kernels at any stage.
    """

    def __init__(self, size: int, cwd: Path, log: Path) -> None:
        self._free: queue.Queue[KernelManager] = queue.Queue()
        self._all: list[KernelManager] = []
        self._log = log.open("a", encoding="utf-8")
        try:
            for _ in range(size):
                km = KernelManager(kernel_name="python3")
                km.start_kernel(cwd=str(cwd), stdout=self._log, stderr=self._log)
                self._all.append(km)
        except BaseException:  # Ctrl-C or a failed start: leave no kernel running
            self.close()
            raise

    def preload(self) -> None:
        """Wait for every kernel and import the heavy modules in it; then the kernels can be used."""
        for km in self._all:  # the kernels start concurrently; preload once each is up
            _execute(km, PRELOAD)
            self._free.put(km)

    @contextmanager
    def kernel(self, read_log: Path):
        """A reset kernel recording its file reads in ``read_log``, exclusively yours until the block ends."""
        km = self._free.get()
        try:
            _execute(km, RESET.format(env=READ_LOG_ENV, log=str(read_log)), handshake=False)
            yield km
        finally:
            self._free.put(km)

    def __len__(self) -> int:
        return len(self._all)

    def interrupt(self) -> None:
        """Interrupt whatever the kernels are executing (their cells raise KeyboardInterrupt)."""
        for km in self._all:
            km.interrupt_kernel()

    def close(self) -> None:
        """Kill every kernel at once (idempotent), then release what jupyter_client holds for them.

        The processes get SIGKILL first, which cannot block; jupyter_client's own shutdown, which can block
        while a chapter's client still talks to the kernel (seen after Ctrl-C under load), runs in a daemon
        thread given ``RELEASE_WAIT`` seconds: the process is leaving anyway."""
        kernels, self._all = self._all, []
        for km in kernels:
            _kill(km)
        if kernels:
            release = threading.Thread(target=_shut_down, args=(kernels,), daemon=True)
            release.start()
            release.join(RELEASE_WAIT)
        self._log.close()

    def __enter__(self) -> KernelPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _kill(km: KernelManager) -> None:
    """SIGKILL the kernel's process, if it has one (never blocks, never raises)."""
    process = getattr(km.provisioner, "process", None)
    try:
        if process is not None and process.poll() is None:
            process.kill()
    except OSError:
        pass  # already gone


def _shut_down(kernels: list[KernelManager]) -> None:
    """jupyter_client's shutdown of killed kernels: closes their channels and connection files."""
    for km in kernels:
        try:
            km.shutdown_kernel(now=True)
        except Exception as err:  # noqa: BLE001 - a kernel that is already gone is fine
            print(f"warning: kernel shutdown: {err}", file=sys.stderr)
