"""The budget-entry workbook (预算录入表): write one to fill in, read a filled one into the model.

``write_template(kind, year, source=None)`` makes the workbook (``yusuan template``);
``read_workbook(path)`` reads a filled one (``yusuan summary|check|publish budget.xlsx``), with
every parent computed. ``is_entry_workbook(path)`` tells such a workbook from a published one.
"""

from yusuan.workbook.marker import is_entry_workbook

__all__ = ["is_entry_workbook"]
