"""The web application (``yusuan serve``): dashboard, upload, document review, charts, compare, rules,
and a REST API under ``/api`` — server-rendered (Jinja2 + htmx), over the same store as the CLI.

Public API: :func:`create_app` and :class:`Settings`.
"""

from __future__ import annotations

from yusuan.web.app import create_app
from yusuan.web.settings import Settings

__all__ = ["Settings", "create_app"]
