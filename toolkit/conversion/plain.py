"""Plain text: every character is human text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import FORMATS, Options
from .textio import decode_bytes, encode_text

if TYPE_CHECKING:
    from ..transforms.convert import Converter


@FORMATS.register("txt")
def convert_txt(data: bytes, converter: Converter, options: Options) -> bytes:
    return encode_text(converter.convert(decode_bytes(data)), options.encoding)
