"""Test-only settings for a Celery worker whose monitoring PDF renders slowly.

The fault tests kill a worker in the middle of a render. Production code has no hook
for that: this settings module puts a template in front of the monitoring report that
pauses before it renders (tests/integration/slow_templates, tag in slow_render.py).
"""

from inclusie.settings import *  # noqa: F403
from inclusie.settings import BASE_DIR, TEMPLATES

TEMPLATES = [
    {
        **TEMPLATES[0],
        "DIRS": [BASE_DIR / "tests" / "integration" / "slow_templates", *TEMPLATES[0]["DIRS"]],
        "OPTIONS": {
            **TEMPLATES[0]["OPTIONS"],
            "libraries": {"slow_render": "tests.integration.slow_render"},
        },
    }
]
