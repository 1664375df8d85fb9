"""Things found by registration: the views, network analyses and statement handlers, by name.

A :class:`Registry` maps a name to what a module declared under it, iterated in the declared
``rank``; :func:`import_modules` imports every module of a folder, so that a new view, analysis or
statement kind is found by adding its file.

Examples
--------
>>> from types import SimpleNamespace
>>> r = Registry("example")
>>> r.add("b", SimpleNamespace(rank=2, description="second"))
>>> r.add("a", SimpleNamespace(rank=1, description="first"))
>>> list(r), dict(descriptions(r))
(['a', 'b'], {'a': 'first', 'b': 'second'})
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator, Mapping, MutableMapping

__all__ = ["Registry", "descriptions", "import_modules"]


class Registry(MutableMapping):
    """Name -> item (anything with a ``rank``), iterated by rank then name."""

    def __init__(self, what: str):
        self.what = what
        self._items: dict = {}

    def add(self, name: str, item) -> None:
        """Register *item* under *name*; raises ValueError if the name is taken."""
        if name in self._items:
            raise ValueError(f"{self.what} '{name}' is registered already")
        self._items[name] = item

    def __getitem__(self, name: str):
        return self._items[name]

    def __setitem__(self, name: str, item) -> None:
        self._items[name] = item

    def __delitem__(self, name: str) -> None:
        del self._items[name]

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._items, key=lambda name: (self._items[name].rank, name)))

    def __len__(self) -> int:
        return len(self._items)


class _Descriptions(Mapping):
    def __init__(self, registry: Registry):
        self._registry = registry

    def __getitem__(self, name: str) -> str:
        return self._registry[name].description

    def __iter__(self) -> Iterator[str]:
        return iter(self._registry)

    def __len__(self) -> int:
        return len(self._registry)


def descriptions(registry: Registry) -> Mapping[str, str]:
    """A live read-only view of *registry*: name -> the item's ``description``, in rank order."""
    return _Descriptions(registry)


def import_modules(package: str, path: Iterable[str]) -> None:
    """Import every module of *package* (its ``__name__`` and ``__path__``), in name order."""
    for name in sorted(m.name for m in pkgutil.iter_modules(path)):
        importlib.import_module(f"{package}.{name}")
