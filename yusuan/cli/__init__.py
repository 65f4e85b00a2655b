"""The ``yusuan`` command: a thin face over the Python API (no logic beyond presentation)."""
