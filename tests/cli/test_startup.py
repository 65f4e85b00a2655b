"""Start-up stays light: the CLI's help imports none of the libraries only some commands use.

Why a test: one module-level import in one command module (DuckDB, pyarrow, numpy, FastAPI…) puts
hundreds of milliseconds on every ``yusuan`` call, also on a reviewer's scripted ``yusuan summary``
over a folder (bench/startup_bench.py measures it).
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("duckdb", "pyarrow", "numpy", "dask", "distributed", "weasyprint", "fastapi", "uvicorn", "pypdfium2",
         "openpyxl", "python_calamine", "PIL", "jinja2", "yusuan.store.db", "yusuan.check.registry", "yusuan.model")


def _loaded_after(argv: list[str]) -> set[str]:
    code = ("import json, sys; from yusuan.cli.app import main\n"
            f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def test_help_imports_no_heavy_library() -> None:
    loaded = _loaded_after(["--help"])
    assert not [m for m in HEAVY if m in loaded]


def test_rules_loads_the_checker_but_no_store_or_reader_library() -> None:
    loaded = _loaded_after(["rules", "--json"])
    assert "yusuan.check.registry" in loaded
    assert not [m for m in ("duckdb", "pyarrow", "dask", "weasyprint", "fastapi", "pypdfium2") if m in loaded]
