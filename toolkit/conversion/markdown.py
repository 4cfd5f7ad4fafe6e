"""Markdown: prose converts; code, URLs, link targets, HTML markup and front-matter keys do not.

Block structure comes from markdown-it-py's token line maps (fenced and indented code
are found the way a Markdown renderer finds them, inside lists and quotes too); HTML
blocks go through the HTML converter; in the remaining lines a tokenizer protects
code spans, autolinks, inline tags, link destinations and bare URLs. Front matter
(YAML ``---`` or TOML ``+++``) converts values and leaves keys alone. Everything that
is not converted comes out byte for byte.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import FORMATS, Options
from .html import convert_html_text
from .textio import decode_bytes, encode_text

if TYPE_CHECKING:
    from ..transforms.convert import Converter

_PROTECTED = re.compile(
    r"(?P<code>(?<!`)(`+)(?!`).*?(?<!`)\2(?!`))"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<autolink><[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>)"
    r"|(?P<dest>\]\(\s*(?:<[^>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\))"
    r"|(?P<url>(?:(?:https?|ftp)://|www\.)[^\s<>\"'\[\]，。；：！？、）】」』《》（【「『]*[^\s<>\"'\[\]，。；：！？、）】」』《》（【「『.,;:!?)])"
    r"|(?P<math>\$\$.*?\$\$)",
    re.S,
)
_REFDEF = re.compile(r"^( {0,3}\[)((?!\^)(?:[^\]\\\n]|\\.)+)(\]:.*)$", re.M)
#: a footnote definition: its label converts alone (as where it is used), its text is prose
_FOOTDEF = re.compile(r"^( {0,3}\[\^)((?:[^\]\\\n]|\\.)+)(\]:)", re.M)
_REFUSE = re.compile(r"(\]\[)((?:[^\]\\\n]|\\.)+)(\])")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_YAML_KEY = re.compile(r"^(\s*(?:-\s+)*)((?:\"[^\"]*\"|'[^']*'|[^\s#:\"'-][^:#]*?))(\s*:)(?=\s|$)(\s*)(.*?)(\r?\n?)$", re.S)
_YAML_ITEM = re.compile(r"^(\s*-\s+)(.*?)(\r?\n?)$", re.S)
_TOML_KEY = re.compile(r"^(\s*[^\s=\[#][^=]*?=\s*)(.*?)(\r?\n?)$", re.S)


class _Batch:
    """Collects strings to convert so a whole file needs one OpenCC call."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.out: list[object] = []  # str (kept) or int (index into pieces)

    def keep(self, text: str) -> None:
        if text:
            self.out.append(text)

    def convert(self, text: str) -> None:
        if text:
            self.out.append(len(self.pieces))
            self.pieces.append(text)

    def render(self, converter: Converter) -> str:
        done = converter.convert_many(self.pieces)
        return "".join(done[p] if isinstance(p, int) else p for p in self.out)  # type: ignore[misc]


def _inline(batch: _Batch, text: str) -> None:
    """Queue prose for conversion; keep reference destinations, code spans, URLs, tags, link targets."""
    pos = 0
    for match in _REFDEF.finditer(text):
        _protect(batch, text[pos : match.start()])
        batch.keep(match.group(1))
        batch.convert(match.group(2))  # the label converts alone, as it does where it is used
        batch.keep(match.group(3))
        pos = match.end()
    _protect(batch, text[pos:])


def _protect(batch: _Batch, text: str) -> None:
    pos = 0
    for match in _FOOTDEF.finditer(text):
        _spans(batch, text[pos : match.start()])
        batch.keep(match.group(1))
        batch.convert(match.group(2))
        batch.keep(match.group(3))
        pos = match.end()
    _spans(batch, text[pos:])


def _spans(batch: _Batch, text: str) -> None:
    pos = 0
    for match in _PROTECTED.finditer(text):
        _labels(batch, text[pos : match.start()])
        batch.keep(match.group())
        pos = match.end()
    _labels(batch, text[pos:])


def _labels(batch: _Batch, text: str) -> None:
    pos = 0
    for match in _REFUSE.finditer(text):
        batch.convert(text[pos : match.start()])
        batch.keep(match.group(1))
        batch.convert(match.group(2))
        batch.keep(match.group(3))
        pos = match.end()
    batch.convert(text[pos:])


def _front_matter(lines: list[str]) -> tuple[int, str]:
    """(number of front-matter lines, its fence) or (0, "")."""
    if not lines:
        return 0, ""
    fence = lines[0].rstrip("\r\n")
    if fence not in ("---", "+++"):
        return 0, ""
    closers = ("---", "...") if fence == "---" else ("+++",)
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n") in closers:
            return i + 1, fence
    return 0, ""


def _front_matter_line(batch: _Batch, line: str, fence: str) -> None:
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        batch.keep(line)
        return
    if fence == "+++":
        match = _TOML_KEY.match(line)
        if match is None or stripped.startswith("["):
            batch.keep(line)
            return
        batch.keep(match.group(1))
        batch.convert(match.group(2))
        batch.keep(match.group(3))
        return
    match = _YAML_KEY.match(line)
    if match:
        batch.keep("".join(match.group(1, 2, 3, 4)))
        value = match.group(5)
        if value.startswith(("|", ">", "&", "*", "!")):  # block scalar header, anchor, alias, tag
            batch.keep(value)
        else:
            batch.convert(value)
        batch.keep(match.group(6))
        return
    match = _YAML_ITEM.match(line)
    if match:
        batch.keep(match.group(1))
        batch.convert(match.group(2))
        batch.keep(match.group(3))
        return
    batch.convert(line)  # continuation of a block or folded scalar: a value


def _block_kinds(body: str, count: int) -> list[str]:
    """Per body line: ``code``, ``html`` or ``text``, from markdown-it's block maps."""
    from markdown_it import MarkdownIt

    kinds = ["text"] * count
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    for token in parser.parse(body):
        if token.map is None:
            continue
        kind = {"fence": "code", "code_block": "code", "html_block": "html"}.get(token.type)
        if kind:
            start, end = token.map
            for i in range(start, min(end, count)):
                kinds[i] = kind
    return kinds


def convert_markdown_text(text: str, converter: Converter) -> str:
    """Convert the prose of a Markdown document (see the module docstring)."""
    # lines as markdown-it counts them (\n, \r\n or \r), so its line maps index them
    lines = _LINE.findall(text)
    batch = _Batch()
    fm_count, fence = _front_matter(lines)
    if fm_count:
        batch.keep(lines[0])
        for line in lines[1 : fm_count - 1]:
            _front_matter_line(batch, line, fence)
        batch.keep(lines[fm_count - 1])
    body_lines = lines[fm_count:]
    kinds = _block_kinds("".join(body_lines), len(body_lines))
    i = 0
    while i < len(body_lines):
        j = i
        while j < len(body_lines) and kinds[j] == kinds[i]:
            j += 1
        chunk = "".join(body_lines[i:j])
        if kinds[i] == "code":
            batch.keep(chunk)
        elif kinds[i] == "html":
            batch.keep(convert_html_text(chunk, converter, attributes=False))
        else:
            _inline(batch, chunk)
        i = j
    return batch.render(converter)


@FORMATS.register("md")
def convert_md(data: bytes, converter: Converter, options: Options) -> bytes:
    return encode_text(convert_markdown_text(decode_bytes(data), converter), options.encoding)
