"""Fault injection for the crash-safety tests: ``QUARTIERI_ERP_FAULT=<action>:<point>``.

``kill:<point>`` sends SIGKILL to the build itself when it reaches ``point``; ``enospc:<point>``
raises the OSError of a full disk there. Without the variable ``point`` does nothing.
"""

from __future__ import annotations

import errno
import os
import signal

ENV = "QUARTIERI_ERP_FAULT"


def point(name: str) -> None:
    """A place where a test may kill the build or make the disk full."""
    wanted = os.environ.get(ENV)
    if not wanted or wanted.partition(":")[2] != name:
        return
    action = wanted.partition(":")[0]
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)
