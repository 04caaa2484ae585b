"""Explicit registries: a list of named things plus get-by-name, checked when built."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, Protocol, TypeVar

from frontierguard.core.errors import NotFoundError


class Named(Protocol):
    @property
    def name(self) -> str: ...


T = TypeVar("T", bound=Named)


class Registry(Generic[T]):
    """An ordered, explicit collection of named items. Duplicate names fail at import."""

    def __init__(self, kind: str, items: Iterable[T]) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}
        for item in items:
            if item.name in self._items:
                raise ValueError(f"duplicate {kind} name: {item.name!r}")
            self._items[item.name] = item

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(self._items) or "none"
            raise NotFoundError(f"unknown {self.kind} {name!r} (known: {known})") from None

    def names(self) -> list[str]:
        return list(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items
