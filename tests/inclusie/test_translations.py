"""The English translation is complete and used by every app."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

CATALOGUES = sorted(Path(settings.BASE_DIR).glob("*/en/LC_MESSAGES/django.po")) + sorted(
    Path(settings.BASE_DIR).glob("*/locale/en/LC_MESSAGES/django.po")
)


def entries(path: Path):
    for block in path.read_text().split("\n\n"):
        if 'msgid ""\nmsgstr ""\n"Project' in block or "msgid" not in block:
            continue
        if block.lstrip().startswith("#~"):
            continue  # obsolete
        yield block


def test_there_are_catalogues():
    assert any("deal" in str(p) for p in CATALOGUES)
    assert any(p.parts[-4] == "locale" and p.parts[-5] != "deal" for p in CATALOGUES)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.parent.parent.parent.parent.name))
def test_every_entry_is_translated_and_none_is_fuzzy(path):
    problems = []
    for block in entries(path):
        if "#, fuzzy" in block or re.search(r'msgstr(\[\d\])? ""\n*$', block):
            problems.append(block.splitlines()[-2:])
    assert problems == [], f"{len(problems)} untranslated in {path}: {problems[:3]}"


@pytest.mark.parametrize(
    ("dutch", "english"),
    [
        ("Bijeenkomsten", "Meetings"),
        ("Ambassadeurs", "Ambassadors"),
        ("Klankbordgroep", "Sounding board"),
        ("Verkenningen", "Explorations"),
    ],
)
def test_apps_speak_english_when_chosen(dutch, english):
    with translation.override("en"):
        assert translation.gettext(dutch) == english
    with translation.override("nl"):
        assert translation.gettext(dutch) == dutch
