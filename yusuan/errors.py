"""Errors a user meets, each with a distinct exit code and a one-line message.

Why a hierarchy: the CLI maps each class to one exit code and prints ``str(err)`` only, so a bad
input never shows a traceback, and callers of the Python API can catch what they expect. The web
API answers the same error with ``http_status`` and the same one-line message (``str(err)``):
messages are Chinese first, English beside them.
"""

from __future__ import annotations

NO_DOCUMENTS = "目录中没有可读取的文件（.txt、.pdf、.xlsx、.xls 或图像） — no documents in the directory"
"""Why a directory given as input was refused (``yusuan check`` and ``yusuan ingest`` alike)."""


class YusuanError(Exception):
    """Base of every error yusuan reports to a user (exit code 2 unless a subclass says else)."""

    exit_code = 2
    http_status = 400

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class UnreadableInput(YusuanError):
    """The file cannot be read at all: missing, empty, binary, encrypted, truncated, corrupt, too large."""

    exit_code = 2
    http_status = 422  # the upload arrived; its content cannot be processed


class NotADisclosure(YusuanError):
    """The file reads, but holds none of the tables a 部门预算/决算 disclosure has."""

    exit_code = 2
    http_status = 422


class StoreError(YusuanError):
    """The database cannot be opened or written (exit code 3)."""

    exit_code = 3
    http_status = 503  # the server's store, not the request, is at fault (busy, full disk, newer schema)


class UsageError(YusuanError):
    """The command line asks for something impossible (exit code 64, as in sysexits.h)."""

    exit_code = 64
    http_status = 400
