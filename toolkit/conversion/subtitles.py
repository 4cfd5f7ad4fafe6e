"""Subtitles (.srt, .vtt): cue text converts; numbers, timings, headers and styles do not."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import FORMATS, Options
from .html import convert_html_text
from .textio import decode_bytes, encode_text

if TYPE_CHECKING:
    from ..transforms.convert import Converter

_TIMING = re.compile(r"-->")
_INDEX = re.compile(r"^\s*\d+\s*$")
_VTT_BLOCK = re.compile(r"^(WEBVTT|STYLE|REGION|NOTE)\b")


def convert_subtitles_text(text: str, converter: Converter) -> str:
    """Convert the cue text lines; cue tags (``<i>``, ``<c.x>``) stay as written."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    cue_lines: list[tuple[int, str]] = []
    skipping = False  # inside a WEBVTT header, STYLE, REGION or NOTE block
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            skipping = False
            out.append(line)
            continue
        if _VTT_BLOCK.match(stripped) and (i == 0 or not lines[i - 1].strip()):
            skipping = True
        if skipping or _TIMING.search(line) or _INDEX.match(line):
            out.append(line)
            continue
        cue_lines.append((len(out), line))
        out.append(line)
    if cue_lines:
        joined = "".join(line for _, line in cue_lines)
        converted = convert_html_text(joined, converter, attributes=False).splitlines(keepends=True)
        if len(converted) == len(cue_lines):
            for (index, _), new in zip(cue_lines, converted, strict=True):
                out[index] = new
        else:  # a cue tag spanning lines: convert line by line instead
            for index, line in cue_lines:
                out[index] = convert_html_text(line, converter, attributes=False)
    return "".join(out)


@FORMATS.register("srt", "vtt")
def convert_subtitles(data: bytes, converter: Converter, options: Options) -> bytes:
    return encode_text(convert_subtitles_text(decode_bytes(data), converter), options.encoding)
