"""Progress columns of ``yusuan ingest``: files per second and time left at the average rate.

Why a module of its own: rich.progress is imported only when an ingest runs, not by ``yusuan --help``.
"""

from __future__ import annotations

from rich.progress import ProgressColumn, Task
from rich.text import Text


def _rate(task: Task) -> float | None:
    """Files per second since the start (documents are written in groups, so a windowed rate jumps)."""
    elapsed = task.finished_time if task.finished else task.elapsed
    return task.completed / elapsed if elapsed and task.completed else None


class RateColumn(ProgressColumn):
    """Files per second, averaged over the run."""

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        return Text("—/s" if rate is None else f"{rate:.1f} 份/s", style="cyan")


class EtaColumn(ProgressColumn):
    """Time left at the average rate."""

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        if task.finished or task.total is None:
            return Text("ETA 0:00:00" if task.finished else "ETA -:--:--", style="progress.remaining")
        if not rate:
            return Text("ETA -:--:--", style="progress.remaining")
        left = int((task.total - task.completed) / rate)
        return Text(f"ETA {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}", style="progress.remaining")
