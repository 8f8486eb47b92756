"""`quartieri-erp serve`: the built HTML report over http on this machine, so that search works."""

from __future__ import annotations

import contextlib
import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"  # this machine only


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".csv": "text/csv; charset=utf-8",
        ".pf_meta": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pagefind": "application/octet-stream",
        ".wasm": "application/wasm",
        ".js": "text/javascript",
    }

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


def make_server(report: Path, port: int = 0) -> ThreadingHTTPServer:
    """An HTTP server for ``report`` on 127.0.0.1 (``port`` 0: a free one); not yet serving."""
    handler = functools.partial(_Handler, directory=str(report))
    return ThreadingHTTPServer((HOST, port), handler)


def address(server: ThreadingHTTPServer) -> str:
    return f"http://{HOST}:{server.server_address[1]}/"


def serve(report: Path, port: int = 8000) -> None:
    """Serve ``report`` until Ctrl-C, after printing its address."""
    if not (report / "index.html").is_file():
        raise FileNotFoundError(f"{report}/index.html does not exist: build the report first (quartieri-erp build)")
    with make_server(report, port) as server:
        print(f"Rapporto servito su {address(server)} (Ctrl-C per fermare)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
