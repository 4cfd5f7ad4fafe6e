"""HTML: text nodes, ``title``/``alt`` values (and meta descriptions) convert; other markup stays byte-exact.

A parser would re-serialise the page (quotes, entities, whitespace all normalised),
so this module tokenizes the source and rewrites only text: tags, other attributes,
comments, scripts, styles and code elements come out exactly as they went in. The
root ``lang`` is set to the target script and a declared charset follows the output
encoding, so browsers read the new file right.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from . import FORMATS, Options
from .textio import check_encoding, decode_bytes, encode_text

if TYPE_CHECKING:
    from ..transforms.convert import Converter

_NAME = r"[A-Za-z][^\s/>]*"
_ATTRS = r"(?:\s*[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?|\s*/(?!>))*"
_TOKEN = re.compile(
    r"(?P<comment><!--.*?(?:-->|\Z))"
    r"|(?P<cdata><!\[CDATA\[.*?(?:\]\]>|\Z))"
    r"|(?P<decl><![^>]*>?)"
    r"|(?P<pi><\?[^>]*>?)"
    rf"|(?P<start><(?P<name>{_NAME}){_ATTRS}\s*/?>)"
    rf"|(?P<end></{_NAME}\s*>)",
    re.S,
)
_ATTR = re.compile(r"(?P<sp>\s*)(?P<name>[^\s\"'>/=]+)(?:(?P<eq>\s*=\s*)(?P<value>\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")

#: elements whose content is not prose: left exactly as written
RAW_TEXT = frozenset({"script", "style"})
UNTOUCHED = frozenset({"script", "style", "code", "kbd", "samp", "var", "math", "template"})
#: attributes that hold human text
TEXT_ATTRS = frozenset({"title", "alt"})
#: <meta name/property=...> whose ``content`` is prose shown to readers (search results, link previews)
TEXT_META = frozenset({
    "description", "keywords", "og:title", "og:description", "og:site_name", "twitter:title", "twitter:description",
})
#: inline elements: a phrase continues across their tags (头<b>发</b> converts as 头发)
INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "data", "del", "dfn", "em", "font", "i", "ins", "mark", "q",
    "ruby", "rb", "rp", "rt", "s", "small", "span", "strong", "sub", "sup", "time", "u", "wbr",
})


def tokenize(html: str) -> Iterator[tuple[str, str]]:
    """Split HTML into (kind, raw) tokens whose concatenation is exactly ``html``.

    Kinds: ``text``, ``start`` (start tag), ``end``, ``raw`` (script/style content),
    ``other`` (comment, doctype, CDATA, processing instruction).
    """
    pos, n = 0, len(html)
    while pos < n:
        lt = html.find("<", pos)
        if lt < 0:
            yield "text", html[pos:]
            return
        match = _TOKEN.match(html, lt)
        if match is None:  # a lone '<' is text
            nxt = html.find("<", lt + 1)
            nxt = n if nxt < 0 else nxt
            yield "text", html[pos:nxt]
            pos = nxt
            continue
        if lt > pos:
            yield "text", html[pos:lt]
        raw = match.group()
        pos = match.end()
        if match.group("start"):
            yield "start", raw
            name = match.group("name").lower()
            if name in RAW_TEXT and not raw.endswith("/>"):
                close = re.compile(rf"</{name}\s*>", re.I).search(html, pos)
                stop = close.start() if close else n
                if stop > pos:
                    yield "raw", html[pos:stop]
                pos = stop
        elif match.group("end"):
            yield "end", raw
        else:
            yield "other", raw


def tag_name(raw: str) -> str:
    """Lower-case element name of a start or end tag."""
    match = re.match(r"</?\s*([A-Za-z][^\s/>]*)", raw)
    return match.group(1).lower() if match else ""


def convert_html_text(
    html: str,
    converter: Converter,
    *,
    lang: str | None = None,
    charset: str | None = None,
    attributes: bool = True,
) -> str:
    """Convert the human text of an HTML string or fragment.

    Args:
        lang: set the ``lang`` of the ``<html>`` element (added if missing) and replace
            any other ``zh*`` ``lang`` value; ``None`` leaves languages alone.
        charset: rewrite declared charsets (``<meta charset>``) to this encoding.
        attributes: convert ``title``/``alt`` values (Markdown leaves all markup alone).
    """
    tokens = list(tokenize(html))
    out = [raw for _, raw in tokens]
    attr_pieces: list[str] = []
    attr_slots: list[tuple[int, list[tuple[int, int, int]]]] = []  # token, [(start, end, piece)]
    groups: list[list[int]] = [[]]  # text tokens that form one run of prose
    depth = 0
    for i, (kind, raw) in enumerate(tokens):
        if kind == "text":
            if depth == 0:
                groups[-1].append(i)
            continue
        name = tag_name(raw) if kind in ("start", "end") else ""
        if name not in INLINE and groups[-1]:
            groups.append([])
        if kind == "start":
            if name in UNTOUCHED and not raw.endswith("/>") and name not in RAW_TEXT:
                depth += 1
            if attributes and depth == 0:
                spans = _text_attributes(raw, name, attr_pieces)
                if spans:
                    attr_slots.append((i, spans))
        elif kind == "end" and name in UNTOUCHED - RAW_TEXT and depth:
            depth -= 1
    groups = [g for g in groups if any(tokens[i][1].strip() for i in g)]
    from .align import convert_groups

    converted = convert_groups(converter, [[tokens[i][1] for i in g] for g in groups])
    for group, texts in zip(groups, converted, strict=True):
        for i, text in zip(group, texts, strict=True):
            out[i] = text
    done = converter.convert_many(attr_pieces)
    for i, spans in attr_slots:
        raw = tokens[i][1]
        buf, last = [], 0
        for start, end, piece in spans:
            buf.append(raw[last:start])
            buf.append(done[piece])
            last = end
        buf.append(raw[last:])
        out[i] = "".join(buf)
    if lang is not None or charset is not None:
        _set_lang_and_charset(tokens, out, lang, charset)
    return "".join(out)


def _text_attributes(raw: str, name: str, pieces: list[str]) -> list[tuple[int, int, int]]:
    """Spans of human-text attribute values in a start tag; their text is appended to ``pieces``.

    ``title`` and ``alt`` anywhere, and ``content`` of the ``<meta>`` tags in TEXT_META.
    """
    attrs = list(_ATTR.finditer(raw, len(name) + 1, len(raw) - 1))
    wanted = set(TEXT_ATTRS)
    if name == "meta":
        kind = {a.group("name").lower(): (a.group("value") or "").strip("\"'").lower() for a in attrs}
        if kind.get("name") in TEXT_META or kind.get("property") in TEXT_META:
            wanted.add("content")
    spans = []
    for attr in attrs:
        value = attr.group("value")
        if value is None or attr.group("name").lower() not in wanted:
            continue
        quoted = value[:1] in "\"'"
        start = attr.start("value") + (1 if quoted else 0)
        end = attr.end("value") - (1 if quoted else 0)
        spans.append((start, end, len(pieces)))
        pieces.append(raw[start:end])
    return spans


def _set_value(raw: str, attr: re.Match[str], value: str) -> str:
    old = attr.group("value")
    quote = old[0] if old[:1] in "\"'" else '"'
    return raw[: attr.start("value")] + f"{quote}{value}{quote}" + raw[attr.end("value") :]


def _set_lang_and_charset(tokens: list[tuple[str, str]], out: list[str], lang: str | None, charset: str | None) -> None:
    for i, (kind, _) in enumerate(tokens):
        if kind != "start":
            continue
        raw = out[i]
        name = tag_name(raw)
        attrs = {a.group("name").lower(): a for a in _ATTR.finditer(raw, len(name) + 1, len(raw) - 1)}
        if lang is not None:
            found = attrs.get("lang")
            if found is not None and found.group("value") is not None:
                if name == "html" or found.group("value").strip("\"'").lower().startswith("zh"):
                    raw = _set_value(raw, found, lang)
            elif name == "html":
                raw = raw[: len(name) + 1] + f' lang="{lang}"' + raw[len(name) + 1 :]
        if charset is not None and name == "meta":
            found = attrs.get("charset")
            if found is not None and found.group("value") is not None:
                raw = _set_value(raw, found, charset)
            content = attrs.get("content")
            if content is not None and content.group("value") and "charset=" in content.group("value").lower():
                value = re.sub(r"(?i)(charset=)[\w.:-]+", lambda m: m.group(1) + charset, content.group("value").strip("\"'"))
                raw = _set_value(raw, content, value)
        out[i] = raw


@FORMATS.register("html")
def convert_html(data: bytes, converter: Converter, options: Options) -> bytes:
    encoding = check_encoding(options.encoding)
    text = convert_html_text(decode_bytes(data), converter, lang=converter.lang, charset=encoding)
    return encode_text(text, encoding)
