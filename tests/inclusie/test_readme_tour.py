"""The README's Rondleiding: every role's key pages, as made by `make screenshots`.

Issue 14 asked for a tour that shows every role and stays current. The tour is the
list in scripts/screenshots.py; this test keeps the README, that list and the PNGs in
docs/screenshots/ in step, so a page added to the script (or a role added to the
portal) cannot be left out of the README, nor a picture go missing.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

from inclusie.constants import Role

ROOT = Path(settings.BASE_DIR)


def tour_script():
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts/screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rondleiding() -> str:
    readme = (ROOT / "README.md").read_text()
    return readme.split("## Rondleiding", 1)[1].split("\n## ", 1)[0]


def test_the_tour_shows_every_role_at_desktop_and_phone_size():
    script = tour_script()
    tour = rondleiding()
    roles = {role for role, _name, _path, _follow in script.PAGES}
    assert set(Role.values) <= roles, set(Role.values) - roles
    with translation.override("nl"):
        for role in Role.values:
            assert f"### {Role(role).label}" in tour, role
    shown = set(re.findall(r'src="(docs/screenshots/[^"]+\.png)"', tour))
    made = {
        f"docs/screenshots/{role}-{name}-{size}.png"
        for role, name, _path, _follow in script.PAGES
        for size in script.SIZES
    }
    assert shown == made, (sorted(made - shown), sorted(shown - made))
    missing = [path for path in made if not (ROOT / path).is_file()]
    assert not missing, missing
