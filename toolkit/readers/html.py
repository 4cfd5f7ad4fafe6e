"""HTML reader: a BeautifulSoup (lxml) walk that turns elements into ``Raw`` items.

Only HTML syntax is interpreted here: ``h1``-``h6`` are headings, ``li`` list items,
``table`` rows, ``blockquote`` quotes, ``img`` images, ``pre`` code, and every other
block element (p, div, section, ...) a line of running text. Widgets that are not
article text (script, style, inline SVG, buttons, tip/"打赏" boxes, nav, forms) go
into ``removed`` with a reason and whatever human text they carry, so no character
of the article is lost. ``<title>`` and ``<meta>`` become metadata.

The Markdown reader hands raw HTML blocks to ``fragment_items`` so HTML inside
Markdown (seed 001's front matter + HTML body) is read exactly like an HTML file.
"""

from __future__ import annotations

import re
from typing import Any, Iterator, Union

from ..errors import UnreadableInput
from . import READERS
from .metadata import as_list, is_hashtag_label, normalise_date, promote_title
from .raw import Raw, RawArticle

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: elements that are never article text -> the reason they are removed
_REMOVED = {
    "script": "script", "style": "style", "noscript": "script", "template": "markup", "svg": "svg",
    "math": "markup", "canvas": "markup", "iframe": "embed", "object": "embed", "embed": "embed",
    "video": "embed", "audio": "embed", "nav": "navigation", "form": "form", "button": "button",
    "select": "form", "input": "form", "textarea": "form", "head": "markup", "link": "markup", "meta": "markup",
}
#: elements that start a new line of text
_BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "figure", "figcaption",
    "address", "center", "dl", "dt", "dd", "hgroup", "details", "summary", "body", "html", "fieldset",
    "legend", "caption", "tr", "td", "th", "tbody", "thead", "tfoot",
}
_TIP_TOKENS = {"reward", "donate", "donation", "dashang", "zanshang", "appreciate", "appreciation", "sponsor", "tipping"}
_TIP_TEXT = re.compile(r"打赏|赞赏|讚賞|打賞")
_CJK = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"
_CJK_NEWLINE = re.compile(rf"(?<={_CJK})[ \t\r]*\n\s*(?={_CJK})")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u200b\u3000]+")
_META_AUTHOR = ("author", "article:author", "dc.creator", "byl", "twitter:creator")
_META_DATE = ("date", "pubdate", "publishdate", "publish_date", "article:published_time", "og:published_time",
              "dc.date", "dcterms.created", "dc.date.issued", "citation_publication_date")
_META_LEAD = ("description", "og:description", "twitter:description", "dc.description")
_META_TAGS = ("keywords", "article:tag", "news_keywords")
_META_PUBLISHER = ("og:site_name", "publisher", "application-name", "dc.publisher", "citation_publisher")


def clean(text: str) -> str:
    """Collapse HTML whitespace; a line break between two CJK characters is no space."""
    return _SPACES.sub(" ", _CJK_NEWLINE.sub("", text)).strip()


@READERS.register("html")
def read_html(content: Union[str, bytes]) -> RawArticle:
    """Read an HTML page (or fragment) into Raw items plus its head's metadata."""
    soup = _soup(content)
    meta: dict[str, object] = {}
    head_title = _head_meta(soup, meta)
    items = _walk(soup)
    found: dict[str, object] = {}
    items = promote_title(items, found, "html_h1")
    if "title" in found:
        meta["title"], meta["title_source"] = found["title"], found["title_source"]
        if head_title and clean(head_title) != found["title"]:
            items.insert(0, Raw(kind="removed", text=head_title, reason="html_head"))
    elif head_title:
        meta["title"], meta["title_source"] = head_title, "html_title"
        items = promote_title(items, meta, "html_h1")
    return RawArticle(items=items, meta=meta, format="html")


def fragment_items(markup: str) -> list[Raw]:
    """Raw items of an HTML fragment (raw HTML inside Markdown), without title logic."""
    return _walk(_soup(markup))


def _walk(soup: Any) -> list[Raw]:
    try:
        return _Walker().run(soup.body or soup)
    except RecursionError:  # lists nested thousands deep: the walk itself is iterative
        raise UnreadableInput("HTML nested too deeply to read") from None


def _soup(content: Union[str, bytes]) -> Any:
    from bs4 import BeautifulSoup

    if isinstance(content, bytes):
        content = content.decode("utf-8", errors="replace")
    return BeautifulSoup(content, "lxml")


def _head_meta(soup: Any, meta: dict[str, object]) -> str | None:
    """Fill ``meta`` from <meta> tags; return the <title> text."""
    values: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("name") or tag.get("property") or tag.get("itemprop") or "").strip().lower()
        value = tag.get("content")
        if key and isinstance(value, str) and value.strip() and key not in values:
            values[key] = clean(value)

    def first(keys: tuple[str, ...]) -> str | None:
        return next((values[k] for k in keys if k in values), None)

    authors = first(_META_AUTHOR)
    if authors and not authors.startswith(("http://", "https://", "@")):
        meta["authors"] = as_list(authors)
    date = normalise_date(first(_META_DATE))
    if date:
        meta["date"] = date
    lead = first(_META_LEAD)
    if lead:
        meta["lead"] = lead
    tags = [t for k in _META_TAGS if k in values for t in as_list(values[k])]
    if tags:
        meta["tags"] = list(dict.fromkeys(tags))
    publisher = first(_META_PUBLISHER)
    if publisher:
        meta["publisher"] = publisher
    title = soup.find("title")
    text = clean(title.get_text()) if title is not None else ""
    return text or values.get("og:title") or None


def _classes(el: Any) -> set[str]:
    tokens: set[str] = set()
    for attr in ("class", "id"):
        value = el.get(attr)
        for part in value if isinstance(value, list) else [value or ""]:
            tokens.update(t for t in re.split(r"[-_\s]+", part.lower()) if t)
    return tokens


def _is_tip_widget(el: Any) -> bool:
    """A tip/"打赏" box: tip-ish class names, or a short block whose text asks for tips."""
    tokens = _classes(el)
    if tokens & _TIP_TOKENS or {"support", "author"} <= tokens:
        return True
    if el.name in ("div", "section", "aside", "span", "a", "p"):
        from bs4 import NavigableString

        # a bounded look at the subtree (bs4's .descendants costs O(depth) to start,
        # which is quadratic on deeply nested pages): a widget is small and flat
        parts: list[str] = []
        size = count = 0
        stack = list(reversed(el.contents))
        while stack:
            node = stack.pop()
            count += 1
            if count > 40:
                return False
            if isinstance(node, NavigableString):
                size += len(node.strip())
                if size > 40:
                    return False
                parts.append(str(node))
            elif node.name in _HEADINGS or node.name in ("blockquote", "ul", "ol", "li", "table", "pre", "p"):
                return False  # article structure inside: a wrapper, not a widget
            else:
                stack.extend(reversed(node.contents))
        return bool(_TIP_TEXT.search("".join(parts))) and el.find(("button", "svg", "img", "a")) is not None
    return False


def human_text(el: Any, sep: str = " ") -> str:
    """The words a reader sees in ``el``: text minus script/style/svg markup.

    SVG keeps only its <title>/<desc>/<text> words; scripts and styles keep nothing.
    """
    from bs4 import NavigableString
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    parts: list[str] = []
    boundary = "\x00"  # block edges; never in parsed HTML text (lxml drops NULs)
    # an explicit stack, not recursion: pages nested thousands of levels deep exist
    stack: list[tuple[Any, bool, bool]] = [(child, el.name == "svg", False) for child in reversed(list(el.children))]
    while stack:
        node, in_svg, closing = stack.pop()
        if closing:
            parts.append(boundary)
            continue
        if isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        if isinstance(node, NavigableString):
            if not in_svg or node.parent.name in ("title", "desc", "text", "tspan"):
                parts.append(str(node).replace(boundary, ""))
            continue
        if node.name in ("script", "style", "noscript", "template"):
            continue
        edge = node.name in _BLOCKS or node.name in _HEADINGS or node.name in ("br", "li", "p")
        if edge:
            parts.append(boundary)
            stack.append((node, in_svg, True))
        inner = in_svg or node.name == "svg"
        stack.extend((child, inner, False) for child in reversed(list(node.children)))
    return sep.join(line for line in (clean(x) for x in "".join(parts).split(boundary)) if line)


def _entries(el: Any) -> Iterator[tuple[Any, str, bool]]:
    """(li, marker as a reader sees it, ordered) for the items of one <ul>/<ol>."""
    ordered = el.name == "ol"
    try:
        number = int(el.get("start", 1))
    except (TypeError, ValueError):
        number = 1
    for li in el.find_all("li", recursive=False):
        yield li, (f"{number}." if ordered else "-"), ordered
        number += 1


def _nested_lists(li: Any) -> list[Any]:
    """Lists inside ``li`` (directly or in wrappers), not those of deeper items."""
    found: list[Any] = []
    stack = list(reversed(li.contents))
    while stack:
        node = stack.pop()
        name = getattr(node, "name", None)
        if name in ("ul", "ol"):
            found.append(node)
        elif name is not None and name != "li":
            stack.extend(reversed(node.contents))
    return found


class _Walker:
    """Depth-first walk that flushes a line of inline text at every block boundary."""

    def __init__(self) -> None:
        self.items: list[Raw] = []
        self.buffer: list[str] = []
        #: link URLs written with Chinese characters, emitted after the current line
        self.pending: list[Raw] = []

    def run(self, root: Any) -> list[Raw]:
        self.walk(root)
        self.flush()
        return self.items

    def flush(self) -> None:
        text = clean("".join(self.buffer))
        self.buffer = []
        if text:
            self.items.append(Raw(kind="line", text=text))
        self.items.extend(self.pending)
        self.pending = []

    def walk(self, node: Any) -> None:
        """Visit ``node``'s children in order with an explicit stack (no recursion limit)."""
        from bs4 import NavigableString
        from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

        stack: list[tuple[Any, bool]] = [(child, False) for child in reversed(list(node.children))]
        while stack:
            child, closing = stack.pop()
            if closing:
                self.close(child)
            elif isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            elif isinstance(child, NavigableString):
                self.buffer.append(str(child))
            elif self.element(child):  # an element whose children are walked here
                stack.append((child, True))
                stack.extend((grandchild, False) for grandchild in reversed(list(child.children)))

    def close(self, el: Any) -> None:
        """After the children of a walked element: end its line, note a Chinese link URL."""
        if el.name in _BLOCKS:
            self.flush()
        elif el.name == "a":
            href = el.get("href")
            if isinstance(href, str) and _HAN.search(href):
                self.pending.append(Raw(kind="removed", text=href, reason="link_url"))

    def element(self, el: Any) -> bool:
        """Handle ``el``; True when the walk should descend into its children."""
        name = el.name
        if name in _REMOVED or _is_tip_widget(el):
            self.flush()
            reason = _REMOVED.get(name, "tip_button")
            text = "" if name in ("script", "style", "template", "head", "link", "meta") else human_text(el)
            if name == "button" and _TIP_TEXT.search(text):
                reason = "tip_button"
            if text or reason in ("svg", "tip_button"):
                self.items.append(Raw(kind="removed", text=text, reason=reason))
            return False
        if name in _HEADINGS:
            self.flush()
            text = human_text(el)
            if text:
                kind = "line" if is_hashtag_label(text) else "heading"
                self.items.append(Raw(kind=kind, text=text, level=_HEADINGS[name] if kind == "heading" else 0))
            self._images(el)
            return False
        if name == "br":
            self.flush()
            return False
        if name == "hr":
            self.flush()
            return False
        if name == "img":
            self.flush()
            self._image(el)
            return False
        if name in ("ul", "ol"):
            self.flush()
            self.list(el, depth=0)
            return False
        if name == "li":  # a list item outside any list (broken markup): still an item
            self.flush()
            text = human_text(el)
            if text:
                self.items.append(Raw(kind="list_item", text=text, marker="-"))
            return False
        if name == "table":
            self.flush()
            self.table(el)
            return False
        if name == "blockquote":
            self.flush()
            text = human_text(el, sep="\n")
            if text:
                self.items.append(Raw(kind="quote", text=text))
            self._images(el)
            return False
        if name == "pre":
            self.flush()
            text = el.get_text().strip("\n")
            if text.strip():
                self.items.append(Raw(kind="code", text=text))
            return False
        if name in _BLOCKS:
            self.flush()
        return True  # blocks and inline elements (a, span, strong ...): walk the children

    def _image(self, el: Any) -> None:
        src = el.get("data-src") or el.get("data-original") or el.get("src") or None
        alt = clean(el.get("alt") or el.get("title") or "")
        self.items.append(Raw(kind="image", text=alt, src=src))

    def _images(self, el: Any) -> None:
        for img in el.find_all("img"):
            self._image(img)

    def list(self, el: Any, depth: int) -> None:
        """Items of a list, each followed by the lists nested in it (explicit stack, linear)."""
        import itertools

        stack: list[tuple[Any, int]] = [(_entries(el), depth)]
        while stack:
            entries, level = stack[-1]
            entry = next(entries, None)
            if entry is None:
                stack.pop()
                continue
            li, marker, ordered = entry
            nested = _nested_lists(li)
            for child in nested:
                child.extract()
            text = human_text(li)
            if text:
                self.items.append(Raw(kind="list_item", text=text, marker=marker, ordered=ordered, level=level))
            if nested:
                stack.append((itertools.chain.from_iterable(_entries(n) for n in nested), level + 1))

    def table(self, el: Any) -> None:
        caption = el.find("caption")
        if caption is not None and caption.find_parent("table") is el:
            text = human_text(caption)
            caption.extract()
            if text:
                self.items.append(Raw(kind="line", text=text))
        rows: list[tuple[str, ...]] = []
        for tr in el.find_all("tr"):
            if tr.find_parent("table") is not el:
                continue
            cells = tuple(human_text(cell) for cell in tr.find_all(("td", "th"), recursive=False))
            if any(cells):
                rows.append(cells)
        if rows:
            self.items.append(Raw(kind="table", rows=tuple(rows)))
