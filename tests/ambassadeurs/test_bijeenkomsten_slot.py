"""The meetings slot renders the meetings feature's template when it exists, else nothing."""

from __future__ import annotations

import pytest
from django.template import Context, Template


def render(text: str, **ctx) -> str:
    return Template("{% load werkbank %}" + text).render(Context(ctx))


def test_slot_is_empty_without_a_meetings_template():
    assert render('{% bijeenkomsten_slot "ambassadeurs" %}').strip() == ""


@pytest.mark.django_db
def test_slot_renders_the_meetings_template_for_the_body(tmp_path, settings):
    folder = tmp_path / "bijeenkomsten"
    folder.mkdir()
    (folder / "slot_klankbord.html").write_text("Bijeenkomsten van {{ orgaan }}: {{ titel }}")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0].get("DIRS", [])]}
    ]
    assert render('{% bijeenkomsten_slot "klankbord" titel="komend" %}') == (
        "Bijeenkomsten van klankbord: komend"
    )


def test_euro_and_hours_filters():
    assert render("{{ v|euro }}", v=37000) == "€ 37.000,00"
    assert render("{{ v|uren }}", v=3.5) == "3,5"
