"""The permission map matches the hand-written role table in docs/roles.md.

tests/test_url_role_matrix.py proves the map is enforced for every URL; this test
proves the map says what the product decided: docs/roles.md is written by hand, one
row per area with the reason, readable without reading code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from inclusie.constants import Role
from inclusie.permissions import CHANGE, PERMISSION_MAP, VIEW

TABLE = Path(settings.BASE_DIR) / "docs" / "roles.md"
CELLS = {"change": frozenset({VIEW, CHANGE}), "view": frozenset({VIEW}), "-": frozenset()}


def read_table() -> dict[str, dict[str, frozenset[str]]]:
    rows = [line for line in TABLE.read_text().splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    roles = header[2:-1]
    assert sorted(roles) == sorted(Role.values), f"the table's role columns: {roles}"
    table: dict[str, dict[str, frozenset[str]]] = {}
    for line in rows[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        area = cells[0].strip("`")
        assert area not in table, f"{area} appears twice in {TABLE.name}"
        assert cells[-1], f"{area}: the table gives no reason"
        values = cells[2:-1]
        for role, value in zip(roles, values, strict=True):
            assert value in CELLS, f"{area}/{role}: {value!r} is not change, view or -"
        table[area] = {role: CELLS[value] for role, value in zip(roles, values, strict=True)}
    return table


TABLE_ROWS = read_table()


def test_every_area_of_the_map_is_in_the_table_and_back():
    assert set(PERMISSION_MAP) - set(TABLE_ROWS) == set(), "areas missing from docs/roles.md"
    assert set(TABLE_ROWS) - set(PERMISSION_MAP) == set(), "areas in docs/roles.md, not in the map"


@pytest.mark.parametrize("area", sorted(PERMISSION_MAP))
def test_the_map_gives_each_role_what_the_table_decided(area):
    for role in Role.values:
        decided = TABLE_ROWS[area][role]
        coded = PERMISSION_MAP[area].get(role, frozenset())
        for action in (VIEW, CHANGE):
            assert (action in coded) == (action in decided), (
                f"{area}: {role} may {'' if action in coded else 'not '}{action} in "
                f"inclusie/permissions.py, but docs/roles.md says "
                f"{'' if action in decided else 'not '}{action}"
            )


def test_who_may_change_may_also_view():
    for area, roles in PERMISSION_MAP.items():
        for role, actions in roles.items():
            assert CHANGE not in actions or VIEW in actions, f"{area}/{role}"


def test_the_table_is_not_a_copy_of_everything_allowed():
    """The table holds real refusals: a role without access is refused somewhere."""
    for role in Role.values:
        refused = [area for area, row in TABLE_ROWS.items() if not row[role]]
        assert refused, f"{role} may use every area"
