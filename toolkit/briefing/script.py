"""Putting a whole briefing, frame and content, into one script (hans/hant/tw/hk).

The conversion works on the content objects, field by field, before any writer runs:
converting rendered XML or HTML would risk touching markup and would see locked terms
split across runs. Fields that are not Chinese prose (paths, URLs, pinyin, English,
the traditional forms a glossary shows on purpose) are left as they are.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from functools import lru_cache
from typing import Any, Callable

from ..errors import UsageError
from .content import SCRIPTS

#: fields never converted: not Chinese prose, or traditional on purpose
KEEP_FIELDS = frozenset(
    {
        "origin", "anchor", "url", "pinyin", "english", "english_alt", "definition_en",
        "english_source", "sources", "kind", "hant", "tw", "hk", "domains",
        "script", "label_mode", "version", "generated", "date",
    }
)


def check_script(script: str) -> str:
    if script not in SCRIPTS:
        raise UsageError(f"unknown script '{script}' (known: {', '.join(SCRIPTS)})")
    return script


@lru_cache(maxsize=8)
def converter(script: str, terms: tuple[str, ...] = ()) -> Callable[[str], str]:
    """The conversion function for one target script, built once per process.

    ``terms`` are user termbase paths whose entries are locked (see the conversion
    interface): they come out exactly as the termbase spells them for ``script``.
    """
    check_script(script)
    from ..transforms.convert import Converter

    conv = Converter(to=script, terms=list(terms) or None)
    return conv.convert


def convert_value(value: Any, fn: Callable[[str], str]) -> Any:
    """``value`` with every Chinese prose string converted by ``fn``.

    Dataclasses are rebuilt with ``replace`` (they are frozen); tuples, lists and dict
    values are walked; fields named in ``KEEP_FIELDS`` are kept as they are.
    """
    if isinstance(value, str):
        return fn(value) if value and _has_cjk(value) else value
    if is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in fields(value):
            if f.name in KEEP_FIELDS or not f.init:
                continue
            old = getattr(value, f.name)
            new = convert_value(old, fn)
            if new is not old:
                changes[f.name] = new
        return replace(value, **changes) if changes else value
    if isinstance(value, tuple):
        items = tuple(convert_value(v, fn) for v in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, list):
        return [convert_value(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: convert_value(v, fn) for k, v in value.items()}
    return value


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)
