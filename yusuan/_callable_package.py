"""Keep ``yusuan.read(path)`` and ``yusuan.check(d)`` callable although their subpackages shadow them.

Python binds a subpackage as an attribute of its parent on import, which replaces the public
API function of the same name with the module. Giving the module a ``__call__`` keeps both: the
package for imports, the call for the API (DESIGN §4: ``yusuan.read``, ``yusuan.check``).
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any


def make_callable(module_name: str, target: Callable[[], Callable[..., Any]]) -> None:
    """Make the module ``module_name`` callable; ``target()`` returns the function to call (lazily)."""

    class _CallablePackage(types.ModuleType):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return target()(*args, **kwargs)

    sys.modules[module_name].__class__ = _CallablePackage
