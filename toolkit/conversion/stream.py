"""Streaming a large plain-text file through the converter in line-aligned chunks.

No OpenCC phrase and no locked term spans a line break, so converting chunk by chunk,
each cut after a newline, gives exactly the whole-file result while memory stays at a
few chunks whatever the file size. The output goes to a temp file beside the target
and is renamed into place only when complete.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Iterator

from ..errors import ConversionError, UnreadableInput
from .textio import check_encoding, detect_encoding

if TYPE_CHECKING:
    from ..transforms.convert import Converter

CHUNK_BYTES = 1 << 20


def iter_line_chunks(fh: BinaryIO, encoding: str, chunk_bytes: int = CHUNK_BYTES) -> Iterator[str]:
    """Decoded text of ``fh`` in pieces that each end at a newline (except the last)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    carry = ""
    while True:
        block = fh.read(chunk_bytes)
        final = not block
        text = carry + decoder.decode(block, final=final)
        if final:
            if text:
                yield text
            return
        cut = text.rfind("\n") + 1
        if cut == 0:  # a line longer than a chunk: keep reading
            carry = text
            continue
        carry = text[cut:]
        yield text[:cut]


def convert_stream(src: Path, dst: Path, converter: Converter, *, encoding: str | None = None) -> None:
    """Convert ``src`` to ``dst`` chunk by chunk (atomically).

    Raises:
        UnreadableInput: the bytes do not decode in the detected encoding.
        ConversionError: the output encoding cannot hold a character.
    """
    out_name = check_encoding(encoding)
    with open(src, "rb") as fh:
        in_name = detect_encoding(fh.read(1 << 20), partial=True)
    dst.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".tmp", dir=dst.parent)
    line = 0
    try:
        with open(src, "rb") as fh, os.fdopen(fd, "wb") as out:
            for chunk in iter_line_chunks(fh, in_name):
                if line == 0 and chunk.startswith("\ufeff"):
                    chunk = chunk[1:]
                converted = converter.convert(chunk)
                try:
                    out.write(converted.encode(out_name))
                except UnicodeEncodeError as exc:
                    char = exc.object[exc.start]
                    at = line + exc.object.count("\n", 0, exc.start) + 1
                    raise ConversionError(
                        f"line {at}: '{char}' (U+{ord(char):04X}) cannot be written in {out_name}; use --encoding utf-8"
                    ) from None
                line += converted.count("\n")
        os.replace(tmp, dst)
    except UnicodeDecodeError as exc:
        _discard(tmp)
        raise UnreadableInput(f"not valid {in_name} text ({exc.reason})", path=str(src)) from None
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass
