"""Placing printed values into columns when blank cells were dropped: identities, then hierarchy."""

from __future__ import annotations

from decimal import Decimal

from yusuan.tables.solver import candidates, choose_children, place, rules_for

D = Decimal
EXPENDITURE = ("total", "basic", "personnel", "public", "project")


def test_project_only_row() -> None:
    assert place((D("20.62"), D("20.62")), 5, rules_for(EXPENDITURE)) == (0, 4)


def test_full_basic_row() -> None:
    values = (D("336.42"), D("336.42"), D("295.42"), D("41.00"))
    assert place(values, 5, rules_for(EXPENDITURE)) == (0, 1, 2, 3)


def test_mixed_row() -> None:
    values = (D("516.48"), D("495.86"), D("436.27"), D("59.59"), D("20.62"))
    assert place(values, 5, rules_for(EXPENDITURE)) == (0, 1, 2, 3, 4)


def test_undecidable_row_prefers_the_given_column_then_leftmost() -> None:
    rules = rules_for(("total", "personnel", "public"))
    assert place((D("5"), D("5")), 3, rules) == (0, 1)
    assert place((D("5"), D("5")), 3, rules, frozenset({2})) == (0, 2)
    assert len(candidates((D("5"), D("5")), 3, rules)) == 2


def test_a_cent_off_is_better_than_a_broken_identity() -> None:
    rules = rules_for(("total", "basic", "project"))
    assert place((D("10.01"), D("5.00"), D("5.00")), 3, rules) == (0, 1, 2)


def test_hierarchy_decides_children() -> None:
    parent = [D("144.90"), D("44.31"), D("100.59")]
    children = [
        [[D("100.59"), D("0"), D("100.59")], [D("100.59"), D("100.59"), D("0")]],
        [[D("44.31"), D("0"), D("44.31")], [D("44.31"), D("44.31"), D("0")]],
    ]
    assert choose_children(parent, children) == [0, 1]


def test_rules_pick_the_first_matching_identity_per_parent() -> None:
    assert rules_for(("total", "personnel", "public")) == ((0, (1, 2)),)
    assert rules_for(EXPENDITURE) == ((0, (1, 4)), (1, (2, 3)))


def test_income_rules_follow_the_printed_blocks() -> None:
    columns = ("total", "current_year_total", "fiscal_total", "fiscal_special_account", "carryover")
    assert rules_for(columns) == ((0, (1, 4)), (1, (2, 3)))
    values = (D("202.50"), D("102.50"), D("102.50"), D("100.00"))
    assert place(values, 5, rules_for(columns)) == (0, 1, 2, 4)


def test_descent_swaps_two_children_a_single_move_cannot() -> None:
    """Five one-figure classes with five columns each (beyond exhaustive search), as in a 支出总表:
    221 and 223 must trade columns, which one child at a time cannot (a local minimum)."""
    from yusuan.tables.solver import _descent

    def opts(total: int) -> list[list[int]]:
        return [[total] + [total if c == k else 0 for c in range(5)] for k in range(5)]

    fixed = [[24105, 16573, 7532, 0, 0, 0]]
    children = [fixed, opts(8289), opts(4226), opts(79450), opts(1621), opts(1000)]
    target = [118691, 30709, 87982, 0, 0, 0]
    assert _descent(target, children) == [0, 0, 0, 1, 0, 1]
