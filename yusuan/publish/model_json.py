"""A model saved as JSON (``yusuan parse FILE > model.json``) read back into a :class:`Disclosure`.

Why: ``yusuan publish MODEL`` publishes a model someone kept, edited or built elsewhere. The JSON is
:func:`yusuan.model.serialize.to_plain`'s shape; each dataclass is rebuilt from its field types,
so a field added to the model needs no change here. Money stays Decimal (it was a string).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from yusuan.errors import UnreadableInput
from yusuan.model import Disclosure
from yusuan.model import disclosure as model_module
from yusuan.model import provenance as provenance_module


def looks_like_model(path: Path) -> bool:
    """True for a JSON file that holds a model (an object with ``source`` and ``tables``)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).lstrip()
    except OSError:
        return False
    return head.startswith(b"{") and b'"source"' in head and b'"tables"' in head


def load_model(path: str | Path) -> Disclosure:
    """The Disclosure a ``yusuan parse`` JSON file holds (UnreadableInput when it holds none)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8"))
        return _build(Disclosure, data)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableInput(f"无法读取模型 JSON（{str(exc)[:100]}）— not a model JSON file", source=path.name) from None
    except (KeyError, TypeError, ValueError, InvalidOperation) as exc:
        raise UnreadableInput(f"模型 JSON 的内容不完整或有误（{str(exc)[:100]}）— not a yusuan model", source=path.name) from None


_NAMESPACE = {**vars(model_module), **vars(provenance_module)}


def _build(cls: Any, data: Any) -> Any:
    """``data`` as an instance of dataclass or NamedTuple ``cls``."""
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__} 应为对象，得到 {type(data).__name__}")
    hints = get_type_hints(cls, globalns=_NAMESPACE)
    if dataclasses.is_dataclass(cls):
        names = [f.name for f in dataclasses.fields(cls) if f.init]
    else:
        names = list(cls._fields)
    return cls(**{name: _value(hints[name], data[name]) for name in names if name in data})


def _value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _value(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = get_args(hint)
        return [_value(item, v) for v in value]
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_value(args[0], v) for v in value)
        return tuple(_value(a, v) for a, v in zip(args, value, strict=True))
    if origin is dict:
        _, item = get_args(hint)
        return {k: _value(item, v) for k, v in value.items()}
    if hint is Decimal:
        return Decimal(str(value))
    if isinstance(hint, type) and (dataclasses.is_dataclass(hint) or hasattr(hint, "_fields")):
        return _build(hint, value)
    return value
