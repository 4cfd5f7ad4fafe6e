"""JSON: string values convert; keys, numbers and the layout of the file do not.

Re-dumping the parsed data would reflow the file, so the source is scanned token by
token and only string values (a string not followed by ``:``) are rewritten, with
JSON escapes kept valid.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from ..errors import UnreadableInput
from . import FORMATS, Options
from .textio import decode_bytes, encode_text

if TYPE_CHECKING:
    from ..transforms.convert import Converter

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_KEY_AFTER = re.compile(r"\s*:")


def convert_json_text(text: str, converter: Converter) -> str:
    """Convert the string values of a JSON document, keeping its exact layout.

    Raises:
        UnreadableInput: the text is not valid JSON.
    """
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableInput(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    spans, values = [], []
    for match in _STRING.finditer(text):
        if _KEY_AFTER.match(text, match.end()):
            continue
        value = json.loads(match.group())
        if any(ord(ch) > 0x2E7F for ch in value):  # only CJK text can change
            spans.append(match.span())
            values.append(value)
    converted = converter.convert_many(values)
    out, last = [], 0
    for (start, end), old, new in zip(spans, values, converted, strict=True):
        out.append(text[last:start])
        out.append(text[start:end] if new == old else json.dumps(new, ensure_ascii=False))
        last = end
    out.append(text[last:])
    return "".join(out)


@FORMATS.register("json")
def convert_json(data: bytes, converter: Converter, options: Options) -> bytes:
    return encode_text(convert_json_text(decode_bytes(data), converter), options.encoding)
