"""Routes, one module per page kind; the API in its own module. ``ROUTERS`` lists them in order."""

from __future__ import annotations

from yusuan.web.routes import api, auth, charts, compare, dashboard, documents, review, rules, upload

ROUTERS = [auth.router, dashboard.router, documents.router, review.router, upload.router, charts.router,
           compare.router, rules.router, api.router]
