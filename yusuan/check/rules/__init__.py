"""The built-in rules, one module per family; importing this package registers them all."""

from yusuan.check.rules import (  # noqa: F401  (imported for their registrations)
    codes,
    completeness,
    cross,
    hierarchy,
    history,
    itemised,
    narrative,
    narrative_changes,
    narrative_parts,
    performance,
    performance_funds,
    rows,
    slots,
    summary,
    three_public,
)
