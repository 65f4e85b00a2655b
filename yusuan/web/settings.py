"""Settings of the web application (设置): one object with defaults, validated once, with its help.

Why a table of settings: ``yusuan serve`` options, the README and the tests read the same list.
"""

from __future__ import annotations

import os
from collections import namedtuple
from dataclasses import dataclass, field
from pathlib import Path

from yusuan.errors import UsageError
from yusuan.store.db import DEFAULT_DB

Setting = namedtuple("Setting", ("name", "default", "help"))
SETTINGS = (
    Setting("db", DEFAULT_DB, "DuckDB store file the app serves (the one `yusuan ingest` writes)"),
    Setting("public", True, "viewing needs no login (uploading and reviewing always do)"),
    Setting("max_upload_mb", 50, "largest file accepted by an upload, in MiB"),
    Setting("max_files", 50, "most files in one upload"),
    Setting("workers", 1, "reader processes for uploads (a bad file can only crash its worker)"),
    Setting("read_timeout", 600, "seconds a file may take to be read before its job is stopped and failed"),
    Setting("secure_cookies", True, "session cookies only over HTTPS (browsers treat localhost as secure)"),
    Setting("login_attempts", 5, "failed logins allowed per client and per account within login_window"),
    Setting("login_window", 600, "seconds over which failed logins are counted"),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """The running app's settings; :meth:`check` refuses impossible values with a Chinese message."""

    db: Path = Path(DEFAULT_DB)
    public: bool = True
    max_upload_mb: int = 50
    max_files: int = 50
    workers: int = 1
    read_timeout: float = 600
    secure_cookies: bool = True
    login_attempts: int = 5
    login_window: int = 600
    base_dir: Path = field(default_factory=Path.cwd)

    def check(self) -> Settings:
        if self.max_upload_mb < 1 or self.max_files < 1:
            raise UsageError("上传上限须至少为 1")
        if not 1 <= self.workers <= (os.cpu_count() or 1) * 4:
            raise UsageError(f"读取进程数 {self.workers} 不合理")
        return self

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024
