from django import template

from inclusie.audit import changes_text

register = template.Library()


@register.filter
def wijzigingen(entry) -> str:
    """`{{ entry|wijzigingen }}`: what an audit log entry changed, as one line of text."""
    return changes_text(entry)
