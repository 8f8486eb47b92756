"""`make lab`: JupyterLab at the project root, --allow-root as root, ARGS passed, kernels that autoreload."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def test_make_lab_opens_the_project_root_and_passes_args():
    dry = subprocess.run(
        ["make", "-n", "lab", "ARGS=--port 8899 --no-browser"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    command = next(line for line in dry.splitlines() if "jupyter lab" in line)
    assert f"--ServerApp.root_dir={ROOT}" in command
    assert "--port 8899 --no-browser" in command
    assert ("--allow-root" in command) == (os.getuid() == 0)
    assert f"IPYTHONDIR={ROOT}/.jupyter/ipython" in dry and f"JUPYTER_CONFIG_DIR={ROOT}/.jupyter" in dry


def test_kernels_load_autoreload_from_the_lab_profile():
    startup = ROOT / ".jupyter" / "ipython" / "profile_default" / "startup" / "00-autoreload.py"
    assert "autoreload" in startup.read_text(encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "IPython",
            "--no-banner",
            "-c",
            "print(get_ipython().magics_manager.magics['line']['autoreload'].__self__._reloader.enabled)",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "IPYTHONDIR": str(ROOT / ".jupyter" / "ipython")},
    )
    assert result.stdout.strip().endswith("True"), result.stdout + result.stderr
