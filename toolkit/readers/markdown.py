"""Markdown reader: YAML front matter, ``{% hint %}`` metadata blocks, then markdown-it.

The body is parsed by markdown-it-py (CommonMark + tables), never by hand-written
regexes, and its syntax tree is translated into ``Raw`` items: headings with their
level, paragraphs as lines, list items with their marker, tables, block quotes,
images and code. Raw HTML blocks go to the HTML reader's element walk, so a file of
front matter + HTML body reads the same as the HTML page it was scraped from.

Front matter and hint blocks become metadata, and their text is kept as
``Raw(kind="removed", reason="front_matter")`` so no character of the input is lost.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Union

from . import READERS
from .html import clean, fragment_items
from .metadata import as_list, is_hashtag_label, normalise_date, promote_title
from .raw import Raw, RawArticle

_FRONT = re.compile(r"\A(\s*)---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HINT = re.compile(r"^[ \t]*\{%-?\s*hint\b[^%]*-?%\}[ \t]*\n(.*?)^[ \t]*\{%-?\s*endhint\s*-?%\}[ \t]*$", re.DOTALL | re.MULTILINE)
_FIELD = re.compile(r"^\s*\*\*\s*([A-Za-z][\w ]{0,30}?)\s*:?\s*\*\*\s*:?\s*(.*?)\s*$", re.MULTILINE)
_PLACEHOLDER = re.compile(r"<!--toolkit-meta-(\d+)-->")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_BACKTICKS = re.compile(r"`([^`]+)`")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

#: front matter keys -> Meta fields (first key present wins)
_KEYS = {
    "title": ("title",),
    "authors": ("authors", "author", "creator", "creators", "by"),
    "publisher": ("publisher", "source", "site", "site_name"),
    "date": ("date", "published", "pubdate", "publish_date", "created", "updated"),
    "lead": ("lead", "description", "summary", "excerpt", "abstract"),
    "rights": ("rights", "copyright", "license"),
}
_TAG_KEYS = ("categories", "category", "tags", "tag", "keywords")
#: hint-block field names -> Meta fields
_HINT_FIELDS = {
    "title": "title", "author": "authors", "authors": "authors", "published": "date", "date": "date",
    "category": "tags", "categories": "tags", "tags": "tags", "keywords": "tags", "publisher": "publisher",
    "source": "publisher",
}


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    # keep URLs as written (no percent-encoding): a share link's URL can hold the
    # title in Chinese, and those characters must reach ``removed`` unmangled
    parser.normalizeLink = lambda url: url
    return parser


@READERS.register("md", "markdown")
def read_markdown(content: Union[str, bytes]) -> RawArticle:
    """Read a Markdown article (front matter and hint blocks optional)."""
    text = content.decode("utf-8", errors="replace") if isinstance(content, bytes) else content
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, object] = {}
    items: list[Raw] = []
    front = _FRONT.match(text)
    if front:
        meta.update(front_matter_meta(front.group(2)))
        items.append(Raw(kind="removed", text=front.group(0).strip(), reason="front_matter"))
        text = text[front.end():]
    blocks: list[str] = []

    def hint(match: re.Match[str]) -> str:
        fields = _FIELD.findall(match.group(1))
        if not fields:  # an ordinary hint box: its content is article text
            return "\n" + match.group(1) + "\n"
        found = hint_meta(fields)
        if "title" in found and "title" not in meta:
            meta["title_source"] = "hint_block"
        _merge(meta, found)
        blocks.append(match.group(0))
        return f"\n<!--toolkit-meta-{len(blocks) - 1}-->\n\n"

    text = _HINT.sub(hint, text)
    from markdown_it.tree import SyntaxTreeNode

    body: list[Raw] = []
    try:
        root = SyntaxTreeNode(_parser().parse(text))
        _Translator(body, blocks).blocks(root.children)
    except RecursionError:  # absurd nesting (10 000 "*" in a row): read it as plain lines
        body = _plain_lines(text, blocks)
    else:
        if _han_count(body) < _han_count_source(text, blocks):
            # markdown-it drops what lies beyond its nesting limit (and reference
            # definitions): rather than lose words, read the body as plain lines
            body = _plain_lines(text, blocks)
    items.extend(body)
    items = promote_title(items, meta, "markdown_h1")
    if meta.get("title") and "title_source" not in meta:
        meta["title_source"] = "front_matter"
    return RawArticle(items=items, meta=meta, format="md")


_NOT_TEXT = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


def _han_count(items: list[Raw]) -> int:
    count = 0
    for item in items:
        for text in (item.text, item.src or "", *(cell for row in item.rows for cell in row)):
            count += len(text) - len(_HAN.sub("", text))
    return count


def _han_count_source(text: str, blocks: list[str]) -> int:
    """Han characters the items must hold: comments, scripts and styles are not text."""
    visible = _NOT_TEXT.sub(lambda m: m.group(0) if _PLACEHOLDER.fullmatch(m.group(0)) else "", text)
    count = len(visible) - len(_HAN.sub("", visible))
    return count + sum(len(b) - len(_HAN.sub("", b)) for b in blocks)


def _plain_lines(text: str, blocks: list[str]) -> list[Raw]:
    """The body as plain lines (markup and all), metadata placeholders restored."""
    out: list[Raw] = []
    for line in text.split("\n"):
        placeholder = _PLACEHOLDER.fullmatch(line.strip())
        if placeholder:
            out.append(Raw(kind="removed", text=blocks[int(placeholder.group(1))], reason="front_matter"))
        elif line.strip():
            out.append(Raw(kind="line", text=line.strip()))
    return out


def _merge(meta: dict[str, object], more: dict[str, object]) -> None:
    for key, value in more.items():
        if key in ("authors", "tags"):
            existing = list(meta.get(key, []))  # type: ignore[call-overload]
            meta[key] = existing + [v for v in value if v not in existing]  # type: ignore[attr-defined]
        elif key not in meta:
            meta[key] = value


def front_matter_meta(source: str) -> dict[str, object]:
    """Meta fields from YAML front matter (safe_load; a broken block gives nothing)."""
    import yaml

    try:  # the C loader (same safe subset) is ~10x faster when libyaml is there
        data = yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        return {}
    data = {str(k).strip().lower(): v for k, v in data.items()}
    meta: dict[str, object] = {}
    for field, keys in _KEYS.items():
        value = next((data[k] for k in keys if data.get(k) not in (None, "", [])), None)
        if value is None:
            continue
        if field == "authors":
            meta[field] = as_list(value)
        elif field == "date":
            date = normalise_date(value)
            if date:
                meta[field] = date
        else:
            meta[field] = clean(str(value))
    tags: list[str] = []
    for key in _TAG_KEYS:
        tags.extend(t for t in as_list(data.get(key)) if t not in tags)
    if tags:
        meta["tags"] = tags
    # A site that files its own name as "author" also lists it as a category
    # (feeds scraped from blogs do this): it is the publisher, not a person.
    authors = [a for a in meta.get("authors", []) if a not in tags]  # type: ignore[attr-defined]
    sites = [a for a in meta.get("authors", []) if a in tags]  # type: ignore[attr-defined]
    if sites:
        meta.setdefault("publisher", sites[0])
        if authors:
            meta["authors"] = authors
        else:
            del meta["authors"]
    return meta


def hint_meta(fields: list[tuple[str, str]]) -> dict[str, object]:
    """Meta fields from ``**Author:** ...`` lines of a ``{% hint %}`` block."""
    meta: dict[str, object] = {}
    for name, raw_value in fields:
        field = _HINT_FIELDS.get(name.strip().lower())
        if field is None:
            continue
        ticks = _BACKTICKS.findall(raw_value)
        value = _LINK.sub(r"\1", raw_value).strip()
        if field == "tags":
            _merge(meta, {"tags": [t.strip() for t in ticks if t.strip()] if ticks else as_list(value)})
        elif field == "authors":
            _merge(meta, {"authors": as_list(value)})
        elif field == "date":
            date = normalise_date(value)
            if date and "date" not in meta:
                meta["date"] = date
        elif value and field not in meta:
            meta[field] = value
    return meta


class _Translator:
    """markdown-it syntax tree -> Raw items."""

    def __init__(self, items: list[Raw], metadata_blocks: list[str]) -> None:
        self.items = items
        self.metadata_blocks = metadata_blocks

    def blocks(self, nodes: list[Any]) -> None:
        for node in nodes:
            self.block(node)

    def block(self, node: Any) -> None:
        kind = node.type
        if kind == "heading":
            self.heading(node)
        elif kind == "paragraph":
            self.paragraph(node)
        elif kind in ("bullet_list", "ordered_list"):
            self.list(node, depth=0)
        elif kind == "blockquote":
            self.quote(node)
        elif kind in ("fence", "code_block"):
            if node.content.strip():
                self.items.append(Raw(kind="code", text=node.content.rstrip("\n")))
        elif kind == "table":
            rows = []
            for row in (n for n in node.walk() if n.type == "tr"):
                rows.append(tuple(inline(cell.children[0] if cell.children else None)[0].replace("\n", " ").strip()
                                  for cell in row.children))
            if rows:
                self.items.append(Raw(kind="table", rows=tuple(rows)))
        elif kind == "html_block":
            placeholder = _PLACEHOLDER.fullmatch(node.content.strip())
            if placeholder:
                self.items.append(Raw(kind="removed", text=self.metadata_blocks[int(placeholder.group(1))], reason="front_matter"))
            else:
                self.items.extend(fragment_items(node.content))
        elif kind == "hr":
            return
        else:  # anything a plugin might add: keep its words
            self.blocks(node.children)

    def heading(self, node: Any) -> None:
        """The heading's words; an image inside it splits it so order is kept.

        The first run of text is the heading; images stay where they are; text after an
        image (``## 标题 ![图](x) 续``, rare) follows as a line. Link URLs go after.
        """
        parts = inline_parts(node.children[0] if node.children else None)
        done = False

        def emit(run: str) -> None:
            nonlocal done
            words = " ".join(line.strip() for line in run.split("\n") if line.strip())
            if words and not done:
                heading = not is_hashtag_label(words)
                self.items.append(Raw(kind="heading" if heading else "line", text=words,
                                      level=int(node.tag[1:]) if heading else 0))
                done = True
            elif words:
                self.items.append(Raw(kind="line", text=words))

        self._split_at_images(parts, emit)

    def _split_at_images(self, parts: list[Union[str, Raw]], emit: Callable[[str], None]) -> None:
        """Hand each run of text between images to ``emit``, keep images in place, and
        put link URLs (kept only so no character is lost) after the block."""
        urls = [p for p in parts if isinstance(p, Raw) and p.kind == "removed"]
        text: list[str] = []
        for part in [*(p for p in parts if p not in urls), None]:
            if part is None or isinstance(part, Raw):
                emit("".join(text))
                text = []
                if part is not None:
                    self.items.append(part)
            else:
                text.append(part)
        self.items.extend(urls)

    def quote(self, node: Any) -> None:
        """A block quote as one quote item; an image inside splits it, keeping order."""
        parts: list[Union[str, Raw]] = []
        for child in node.children:
            if child.type == "paragraph" and child.children:
                parts.extend(inline_parts(child.children[0]))
            elif child.type == "heading" and child.children:
                parts.extend(inline_parts(child.children[0]))
            else:  # lists, code, html inside the quote: their text, then their images
                for line in block_lines(child):
                    parts.extend((line, "\n"))
                parts.extend(raw for n in child.walk() if n.type == "inline" for raw in inline(n)[1])
            parts.append("\n")

        def emit(run: str) -> None:
            lines = [line.strip() for line in run.split("\n") if line.strip()]
            if lines:
                self.items.append(Raw(kind="quote", text="\n".join(lines)))

        self._split_at_images(parts, emit)

    def paragraph(self, node: Any) -> None:
        """Lines and images in the order they are written (an image may sit mid-paragraph)."""
        text: list[str] = []
        urls: list[Raw] = []
        for part in inline_parts(node.children[0] if node.children else None):
            if isinstance(part, Raw) and part.kind == "removed":
                urls.append(part)  # after the paragraph: a URL never splits running text
            elif isinstance(part, Raw):
                self.items.extend(Raw(kind="line", text=line) for line in paragraph_lines("".join(text)))
                self.items.extend(urls)
                text, urls = [], []
                self.items.append(part)
            else:
                text.append(part)
        self.items.extend(Raw(kind="line", text=line) for line in paragraph_lines("".join(text)))
        self.items.extend(urls)

    def list(self, node: Any, depth: int) -> None:
        ordered = node.type == "ordered_list"
        for index, item in enumerate(node.children):
            number = item.info or (str(int(node.attrs.get("start", 1)) + index) if ordered else "")
            marker = f"{number}{item.markup}" if ordered else (item.markup or "-")
            nested = [child for child in item.children if child.type in ("bullet_list", "ordered_list")]
            parts: list[Union[str, Raw]] = []
            for child in item.children:
                if child in nested:
                    continue
                if child.type == "paragraph" and child.children:
                    parts.extend(inline_parts(child.children[0]))
                else:
                    for line in block_lines(child):
                        parts.extend((line, "\n"))
                parts.append("\n")
            # an image inside the item splits it, so everything stays in source order
            first = True
            text: list[str] = []
            urls = [part for part in parts if isinstance(part, Raw) and part.kind == "removed"]
            for part in [*(p for p in parts if p not in urls), None]:
                if part is None or isinstance(part, Raw):
                    joined = " ".join(paragraph_lines("".join(text)))
                    if joined:
                        kind = "list_item" if first else "line"
                        self.items.append(Raw(kind=kind, text=joined, marker=marker if first else "",
                                              ordered=ordered and first, level=depth if first else 0))
                        first = False
                    text = []
                    if part is not None:
                        self.items.append(part)
                else:
                    text.append(part)
            self.items.extend(urls)  # after the item: a URL never splits it
            for child in nested:
                self.list(child, depth + 1)


def paragraph_lines(text: str) -> list[str]:
    """A paragraph as Raw lines.

    Chinese writers do not hard-wrap sentences, so a line break inside a Chinese
    paragraph is a real break (often a plain-text article saved as .md): each line is
    kept as a line. Other text is soft-wrapped prose and is joined with spaces.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and not _HAN.search(text):
        return [" ".join(lines)]
    return lines


def block_lines(node: Any) -> list[str]:
    """The text lines of any block node (a list item's paragraphs, a quote ...)."""
    if node.type == "inline":
        return paragraph_lines(inline(node)[0])
    if node.type in ("fence", "code_block", "html_block"):
        if node.type == "html_block":
            return [item.text for item in fragment_items(node.content) if item.text]
        return [node.content.rstrip("\n")] if node.content.strip() else []
    lines: list[str] = []
    for child in node.children:
        lines.extend(block_lines(child))
    return lines


def inline(node: Any) -> tuple[str, list[Raw]]:
    """Text of an inline node (links keep their words) and the images it holds."""
    parts = inline_parts(node)
    return "".join(p for p in parts if isinstance(p, str)), [p for p in parts if isinstance(p, Raw)]


def inline_parts(node: Any) -> list[Union[str, Raw]]:
    """An inline node as text pieces, image items and link-URL items, in source order."""
    if node is None:
        return []
    parts: list[Union[str, Raw]] = []
    links: list[str] = []  # URLs written with Chinese characters (share links with a title=)
    for token in _tokens(node):
        kind = token.type
        if kind in ("text", "code_inline"):
            parts.append(token.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "image":
            alt = "".join(child.content for child in (token.children or []) if child.type in ("text", "code_inline"))
            title = str(token.attrs.get("title") or "")
            alt = alt or token.content
            text = f"{alt} {title}".strip() if title and title != alt else alt
            parts.append(Raw(kind="image", text=text, src=token.attrs.get("src")))
        elif kind == "html_inline":
            if re.match(r"<br\s*/?>", token.content, re.IGNORECASE):
                parts.append("\n")
        elif kind == "link_open":
            href = str(token.attrs.get("href") or "")
            title = str(token.attrs.get("title") or "")  # [词](url "标题"): the title is words too
            if _HAN.search(href + title):
                links.append(f"{href} {title}".strip())
        elif kind == "link_close" and links:
            parts.append(Raw(kind="removed", text=links.pop(), reason="link_url"))
    return parts


def _tokens(node: Any) -> list[Any]:
    """The flat inline token list behind an ``inline`` syntax-tree node."""
    token = node.token if getattr(node, "token", None) is not None else None
    if token is not None and token.children is not None:
        return list(token.children)
    out: list[Any] = []
    for child in node.children:
        if getattr(child, "token", None) is not None:
            out.append(child.token)
        else:
            out.extend(child.nester_tokens or ())
            out.extend(_tokens(child))
    return out
