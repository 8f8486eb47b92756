"""Closing the kernel pool kills the kernels even when jupyter_client's shutdown blocks (seen after Ctrl-C)."""

import threading

from quartieri_erp.pipeline import kernels
from quartieri_erp.pipeline.kernels import KernelPool


def test_close_kills_the_kernel_processes_even_if_the_shutdown_never_returns(tmp_path, monkeypatch):
    blocked = threading.Event()
    monkeypatch.setattr(kernels, "RELEASE_WAIT", 0.5)
    monkeypatch.setattr(kernels.KernelManager, "shutdown_kernel", lambda self, now=False: blocked.wait())
    pool = KernelPool(1, tmp_path, tmp_path / "kernels.log")
    [process] = [km.provisioner.process for km in pool._all]
    closing = threading.Thread(target=pool.close)
    closing.start()
    closing.join(60)  # a hang would keep it alive
    try:
        assert not closing.is_alive()
        assert process.wait(timeout=30) != 0  # killed, not ended by itself
        assert len(pool) == 0
    finally:
        blocked.set()
