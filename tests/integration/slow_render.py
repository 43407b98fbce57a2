"""A template tag that pauses: loaded only by tests/integration/settings_slow_render.py."""

import time

from django import template

register = template.Library()
PAUSE_SECONDS = 60


@register.simple_tag
def pause_render() -> str:
    time.sleep(PAUSE_SECONDS)
    return ""
