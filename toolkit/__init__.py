"""toolkit: turn Chinese articles into briefings, glossaries and other-script editions.

The public API. Attributes load lazily so ``import toolkit`` (and ``toolkit --help``)
does not pay for jieba, OpenCC or python-docx until they are used.

    >>> import toolkit
    >>> doc = toolkit.read("article.md")
    >>> toolkit.convert_text("软件", to="twp")  # Taiwan characters and phrasing
    '軟體'
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_API = {
    "read": "toolkit.readers",
    "read_text": "toolkit.readers",
    "convert_text": "toolkit.transforms.convert",
    "convert_file": "toolkit.transforms.convert",
    "Converter": "toolkit.transforms.convert",
    "summarize": "toolkit.transforms.summarize",
    "glossary": "toolkit.transforms.glossary",
    "brief": "toolkit.briefing",
    "write": "toolkit.writers",
    "render": "toolkit.writers",
    "Document": "toolkit.model",
    "ToolkitError": "toolkit.errors",
}

__all__ = sorted(_API) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'toolkit' has no attribute '{name}'")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
