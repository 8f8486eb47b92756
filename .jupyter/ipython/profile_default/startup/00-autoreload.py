# `make lab` starts kernels with IPYTHONDIR pointing here: edits to the package src/quartieri_erp are picked up
# by the next cell that runs, without restarting the kernel (and without touching the notebooks).
try:
    ip = get_ipython()  # noqa: F821 - defined in IPython
    ip.run_line_magic("load_ext", "autoreload")
    ip.run_line_magic("autoreload", "2")
except Exception:  # noqa: BLE001 - a plain Python session has no IPython
    pass
