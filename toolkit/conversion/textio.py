"""Bytes <-> text for the text formats: detect the input encoding, encode the output.

Input may come in any encoding the readers detect (UTF-8/16 with or without BOM,
GB18030, Big5 ...); output is UTF-8 unless asked otherwise. A legacy output encoding
(Big5 for old systems) cannot hold every character, so the error names the first
character it cannot hold and its line, instead of writing '?'.
"""

from __future__ import annotations

import codecs

from ..errors import ConversionError, UnreadableInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(data: bytes, *, partial: bool = False) -> str:
    """The encoding of ``data`` (the readers' detection), for streaming a large file.

    ``partial=True`` when ``data`` is the head of a longer file: a character cut at the
    end is then not an error (the head is cut after its last newline, which no
    legacy Chinese encoding uses inside a character).

    Raises:
        UnreadableInput: binary content, or no encoding decodes it.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=not partial)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if partial and b"\n" in data:
        data = data[: data.rfind(b"\n") + 1]
    return _sniff(data)[1]


def decode_bytes(data: bytes) -> str:
    """Decode a whole file with the readers' detection (no BOM in the result).

    Raises:
        UnreadableInput: binary content, or bytes no encoding explains.
    """
    text = _sniff(data)[0]
    return text[1:] if text.startswith("\ufeff") else text


def _sniff(data: bytes) -> tuple[str, str]:
    """(text, encoding) by the readers' rules, so convert and parse agree on every file."""
    try:
        from ..readers.sniff import decode_bytes as sniff_decode
    except ImportError:  # pragma: no cover - the readers always ship it
        sniff_decode = None
    if sniff_decode is not None:
        return sniff_decode(data)
    for name in ("utf-8", "gb18030", "big5"):  # pragma: no cover
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise UnreadableInput("cannot tell the text encoding (give the file as UTF-8)")  # pragma: no cover


def check_encoding(name: str | None) -> str:
    """A usable codec name for output (``utf-8`` by default).

    Raises:
        ConversionError: an unknown encoding name.
    """
    name = name or "utf-8"
    try:
        codecs.lookup(name)
    except LookupError:
        raise ConversionError(f"unknown output encoding '{name}'") from None
    return name


def encode_text(text: str, encoding: str | None = None, *, line_offset: int = 0) -> bytes:
    """Encode output text, naming the character and line an encoding cannot hold.

    Raises:
        ConversionError: e.g. "line 3: '𠮷' (U+20BB7) cannot be written in big5".
    """
    name = check_encoding(encoding)
    try:
        return text.encode(name)
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]
        line = exc.object.count("\n", 0, exc.start) + 1 + line_offset
        raise ConversionError(
            f"line {line}: '{char}' (U+{ord(char):04X}) cannot be written in {name}; use --encoding utf-8"
        ) from None
