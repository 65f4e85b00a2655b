"""A small thread-safe LRU cache owned by the app (never module state).

Why caching is safe here: a document is named by the sha256 of its bytes and its rows never change
once stored, so what is derived from them alone (page images, the linked narrative) stays true.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class LRU(Generic[V]):
    """At most ``capacity`` values; :meth:`get` computes a missing one (outside the lock) and keeps it."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)
        return value

    def drop(self, key: Hashable) -> None:
        """Forget ``key`` (its document changed: re-checked or deleted)."""
        with self._lock:
            self._items.pop(key, None)
