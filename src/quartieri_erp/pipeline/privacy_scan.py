"""The participant-id scan: no ``participant_id`` of the input may appear in what a build publishes.

The build runs it on the staged outputs (HTML pages, executed notebooks, CSV files, the text chunks of
PNG figures) before anything is published; a hit stops the build. Only whole identifiers count (not
parts of longer words). Base64 pictures are skipped (any text may occur in them); an identifier drawn
into the pixels of a figure is not seen.
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from collections.abc import Iterable
from pathlib import Path

from quartieri_erp.errors import BuildError

BINARY_OUTPUTS = ("image/png", "image/jpeg", "image/gif", "application/pdf")  # base64: any text may occur
DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+")
TOKEN = re.compile(r"[\w-]+")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TEXT_SUFFIXES = {".html", ".csv", ".txt", ".md", ".svg", ".json"}


def participant_ids(data_dir: Path) -> set[str]:
    """The ``participant_id`` values of a monitoring folder (CSV or workbook, as the loaders read it)."""
    from quartieri_erp.inputs.file_formats import locate, text_frame  # noqa: PLC0415 - heavy import, only when scanning

    frame = text_frame(locate(Path(data_dir) / "participants.csv"))
    if "participant_id" not in frame.columns:
        return set()
    return {str(v).strip() for v in frame["participant_id"].dropna() if str(v).strip()}


def _joined(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def notebook_text(path: Path) -> str:
    """Everything a notebook holds as text: metadata, sources and outputs (pictures aside)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    parts = [json.dumps(nb.get("metadata", {}))]
    for cell in nb["cells"]:
        parts.append(_joined(cell["source"]))
        for output in cell.get("outputs", []):
            parts += [_joined(output.get(key, "")) for key in ("text", "ename", "evalue", "traceback")]
            parts += [_joined(data) for mime, data in output.get("data", {}).items() if mime not in BINARY_OUTPUTS]
    return "\n".join(parts)


def png_text(path: Path) -> str:
    """The text chunks of a PNG (tEXt, zTXt, iTXt: titles, descriptions, alt text), read without
    decoding the picture."""
    parts = []
    with path.open("rb") as handle:
        if handle.read(8) != PNG_SIGNATURE:
            return ""
        while header := handle.read(8):
            if len(header) < 8:
                break
            length, kind = struct.unpack(">I4s", header)
            if kind in (b"tEXt", b"zTXt", b"iTXt"):
                parts.append(_text_chunk(kind, handle.read(length)))
                handle.seek(4, 1)  # CRC
            else:
                handle.seek(length + 4, 1)
            if kind == b"IEND":
                break
    return "\n".join(parts)


def _text_chunk(kind: bytes, data: bytes) -> str:
    key, _, rest = data.partition(b"\0")
    try:
        if kind == b"tEXt":
            text = rest.decode("latin-1")
        elif kind == b"zTXt":
            text = zlib.decompress(rest[1:]).decode("latin-1")
        else:  # iTXt: flag, method, language, translated keyword, text
            compressed, rest = rest[0], rest[2:]
            _, _, rest = rest.partition(b"\0")
            _, _, rest = rest.partition(b"\0")
            text = (zlib.decompress(rest) if compressed else rest).decode("utf-8", "replace")
    except (zlib.error, IndexError):
        text = rest.decode("latin-1")
    return f"{key.decode('latin-1')}: {text}"


def file_text(path: Path) -> str | None:
    """The scannable text of an output file, or None for a kind the scan does not read."""
    suffix = path.suffix.lower()
    if suffix == ".ipynb":
        return notebook_text(path)
    if suffix == ".png":
        return png_text(path)
    if suffix in TEXT_SUFFIXES:
        return DATA_URI.sub("", path.read_text(encoding="utf-8", errors="replace"))
    return None


def find_ids(text: str, ids: set[str]) -> list[str]:
    """The identifiers of ``ids`` that occur in ``text`` as whole words."""
    if all(TOKEN.fullmatch(i) for i in ids):
        return sorted(set(TOKEN.findall(text)) & ids)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(ids, key=len, reverse=True))) + r")(?![\w-])"
    )
    return sorted(set(pattern.findall(text)))


def scan(paths: Iterable[Path], ids: set[str]) -> dict[Path, list[str]]:
    """The identifiers found in each file under ``paths`` (files or folders, searched recursively)."""
    if not ids:
        return {}
    found = {}
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            text = file_text(file)
            hits = find_ids(text, ids) if text else []
            if hits:
                found[file] = hits
    return found


def check_staged(data_dir: Path, paths: list[Path], untouched: str) -> None:
    """Stop the build (BuildError) when a staged output shows a participant id; names every file."""
    found = scan(paths, participant_ids(data_dir))
    if found:
        lines = [f"  {path.name}: {len(hits)} id(s), e.g. {', '.join(hits[:3])}" for path, hits in found.items()]
        raise BuildError(
            "participant ids found in the outputs; nothing was published:\n"
            + "\n".join(lines)
            + f"\nShow aggregates only (see docs/authoring.md). {untouched}"
        )
