"""The peak RSS of one CLI run in a child process, as the child itself saw it.

Why not ``wait4``'s ru_maxrss: Linux carries the high-water mark of the address space a process
had before ``exec`` — a copy of its parent's — so a child of a big pytest process reports the
parent's size. ``VmHWM`` in /proc/self/status belongs to the new address space alone; the child
writes it to a file as it exits.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

_RUN = """
import atexit, sys
def _hwm(path=sys.argv.pop(1)):
    with open("/proc/self/status") as fh:
        kb = next(line.split()[1] for line in fh if line.startswith("VmHWM:"))
    with open(path, "w") as out:
        out.write(kb)
atexit.register(_hwm)
{prelude}
from yusuan.cli.app import main
sys.exit(main())
"""


def run_cli(args: list[str], *, without_ocr: bool = False, timeout: float = 600) -> tuple[int, str, int]:
    """(exit code, stderr, peak RSS in bytes) of ``yusuan ARGS`` in a fresh process."""
    prelude = "sys.modules['yusuan.read.ocr'] = None" if without_ocr else ""
    with tempfile.TemporaryDirectory() as tmp:
        hwm = Path(tmp) / "hwm"
        proc = subprocess.run([sys.executable, "-c", _RUN.format(prelude=prelude), str(hwm), *args],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=timeout)
        return proc.returncode, proc.stderr, int(hwm.read_text()) * 1024
