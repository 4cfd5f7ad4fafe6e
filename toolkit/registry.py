"""Name -> implementation tables for readers and writers.

Formats register themselves with a decorator (as pypinyin's styles do), so adding a
format is adding a module, and no code anywhere dispatches with if/elif on names.
"""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

from .errors import UnknownFormat

T = TypeVar("T")


class Registry(Generic[T]):
    """A named table of implementations, filled by ``@registry.register(name)``."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, *names: str) -> Callable[[T], T]:
        def decorator(item: T) -> T:
            for name in names:
                self._items[name] = item
            return item

        return decorator

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items))
            raise UnknownFormat(f"no {self.kind} for '{name}' (known: {known})") from None

    def names(self) -> list[str]:
        return sorted(self._items)

    def __contains__(self, name: str) -> bool:
        return name in self._items
