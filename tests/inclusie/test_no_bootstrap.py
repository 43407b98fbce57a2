"""Bootstrap is gone: no template asks for one of its classes any more.

The interface is NL Design System (docs/interface.md). A Bootstrap class left in a
template does nothing now (the stylesheet is not loaded), so the element silently
loses its look; this test names the template and the class instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]

BOOTSTRAP = re.compile(
    r"^(btn(-[a-z-]+)?|col(-(sm|md|lg|xl))?(-\d+|-auto)?|row|g-\d|g[xy]-\d|container(-fluid)?"
    r"|d-(none|block|inline|inline-block|flex|grid)|flex-(wrap|column|row|grow-1)"
    r"|(align-items|justify-content|align-self)-[a-z]+|gap-\d|[mp][trblxyse]?-(\d|auto)"
    r"|card(-[a-z]+)?|alert(-[a-z]+)?|badge|text-bg-[a-z]+|table(-[a-z]+)?"
    r"|form-(control|select|label|check|check-input|check-label|text|range|switch)"
    r"|invalid-feedback|valid-feedback|is-invalid|list-unstyled|list-inline(-item)?"
    r"|text-(muted|end|start|center|danger|success|warning|body-secondary|break|nowrap|decoration-none)"
    r"|fw-[a-z]+|fs-\d|small|lead|h[1-6]|display-\d|nav(-[a-z]+)?|navbar(-[a-z]+)?"
    r"|pagination|page-(item|link)|w-(auto|\d+)|h-(auto|\d+)|border(-[a-z0-9]+)?|rounded(-[a-z0-9]+)?"
    r"|visually-hidden-focusable-x|shadow(-[a-z]+)?|float-[a-z]+|position-[a-z]+)$"
)
CLASS_ATTR = re.compile(r'class="([^"]*)"')


def bootstrap_classes(text: str) -> set[str]:
    found = set()
    for value in CLASS_ATTR.findall(text):
        # Drop template logic inside the attribute ({% if %}...{% endif %}, {{ var }}).
        value = re.sub(r"\{[%{].*?[%}]\}", " ", value)
        found |= {token for token in value.split() if BOOTSTRAP.match(token)}
    return found


def test_the_pattern_knows_bootstrap_from_ours():
    assert bootstrap_classes('<a class="btn btn-primary mb-3">') == {"btn", "btn-primary", "mb-3"}
    assert not bootstrap_classes(
        '<a class="utrecht-button-link utrecht-button-link--primary-action stack cluster grid '
        'kaart zacht lijst-kaal visually-hidden{% if x %} is-huidig{% endif %}">'
    )


def test_no_template_uses_a_bootstrap_class():
    leftovers = {}
    for folder in TEMPLATE_DIRS:
        for path in folder.rglob("*.html"):
            if "/pdf/" in str(path):  # documents have their own print stylesheet
                continue
            found = bootstrap_classes(path.read_text())
            if found:
                leftovers[str(path.relative_to(ROOT))] = sorted(found)
    assert not leftovers, leftovers


def test_bootstrap_is_not_loaded_or_vendored():
    base = (ROOT / "templates" / "base.html").read_text()
    assert "bootstrap" not in base.lower()
    assert not (ROOT / "static" / "vendor" / "bootstrap").exists()
