"""The toolkit.document/1 JSON of a parsed article."""

from __future__ import annotations

import json

from ..model import Document
from . import register


def document_json(doc: Document, *, indent: int | None = 2) -> str:
    """Stable JSON: insertion-ordered keys, no ASCII escaping, trailing newline."""
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=indent) + "\n"


@register("document", "json")
def render_json(doc: Document, **_: object) -> str:
    return document_json(doc)
