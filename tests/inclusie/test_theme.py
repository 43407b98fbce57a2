"""The portal wears the gemeente's huisstijl through NL Design System tokens.

The primary colour on the gemeente profile becomes design tokens (inclusie/theme.py,
served as /huisstijl/thema.css), the logo sits in the page header, and a colour that
white text cannot be read on is refused with a Dutch explanation.
"""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.messages import constants as message_levels
from django.contrib.messages.storage.base import Message
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.template.loader import render_to_string
from django.urls import reverse

from inclusie import theme
from inclusie.constants import Role
from inclusie.models import GemeenteProfiel

PROFILE = {
    "naam": "Gemeente Deventer",
    "gemeentecode": "GM0150",
    "programmanaam": "Meedoen",
    "term_pijler": "pijler",
    "term_lidwoord": "de",
    "term_pijlers": "pijlers",
}


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (60, 20), "#8a1c00").save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("primary", ["#00466e", "#8a1c00", "#1d6b34", "#767676", "#5b2a86"])
def test_every_text_token_keeps_aa_contrast_on_its_background(primary):
    tokens = theme.tokens(primary)
    for group in ("accent-1", "action-2"):
        base = f"basis-color-{group}"
        for state in ("default", "subtle", "hover", "active"):
            colour = tokens[f"{base}-color-{state}"]
            for bg in ("bg-document", "bg-subtle", "bg-default"):
                assert theme.contrast(colour, tokens[f"{base}-{bg}"]) >= 4.5, (state, bg)
        # White text on the primary button and its hover state.
        assert theme.contrast("#ffffff", tokens[f"{base}-inverse-bg-default"]) >= 4.5
        assert theme.contrast("#ffffff", tokens[f"{base}-inverse-bg-hover"]) >= 4.5


def test_contrast_matches_wcag_examples():
    assert round(theme.contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(theme.contrast("#767676", "#ffffff"), 2) == 4.54


@pytest.mark.django_db
def test_the_theme_stylesheet_carries_the_profile_colour(client):
    profiel = GemeenteProfiel.load()
    profiel.huisstijlkleur = "#8a1c00"
    profiel.save()
    page = client.get("/").content.decode()
    link = re.search(r'href="(/huisstijl/thema\.css\?v=[^"]+)"', page)
    assert link, "the page links the gemeente's theme"
    response = client.get(link.group(1))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert "--portaal-primair: #8a1c00;" in response.content.decode()
    assert "--basis-color-accent-1-inverse-bg-default: #8a1c00;" in response.content.decode()
    assert "max-age" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_colour_white_text_cannot_be_read_on_is_refused_in_dutch(client_for):
    client = client_for(Role.BEHEERDER)
    response = client.post(reverse("gemeente-profiel"), {**PROFILE, "huisstijlkleur": "#4fa3e0"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze kleur is te licht" in html
    assert "minimaal 4,5:1" in html
    assert GemeenteProfiel.load().huisstijlkleur != "#4fa3e0"
    ok = client.post(reverse("gemeente-profiel"), {**PROFILE, "huisstijlkleur": "#8a1c00"})
    assert ok.status_code == 302


@pytest.mark.django_db
def test_the_logo_is_shown_in_the_page_header(client_for, client):
    beheerder = client_for(Role.BEHEERDER)
    logo = SimpleUploadedFile("logo.png", png(), "image/png")
    data = {**PROFILE, "huisstijlkleur": "#8a1c00", "logo": logo}
    assert beheerder.post(reverse("gemeente-profiel"), data).status_code == 302
    beheerder.logout()
    page = client.get("/").content.decode()
    src = re.search(r'<img class="portaal-merk__logo" src="([^"]+)"', page)
    assert src, "the header shows the logo"
    response = client.get(src.group(1))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


@pytest.mark.django_db
def test_without_a_logo_the_header_shows_the_name_only(client):
    page = client.get("/").content.decode()
    assert "portaal-merk__logo" not in page
    assert client.get(reverse("huisstijl-logo")).status_code == 404


def test_status_badge_shows_text_and_tone():
    html = Template('{% load portaal %}{% status_badge "Getekend" "success" %}').render(Context())
    assert "utrecht-status-badge--success" in html and ">Getekend<" in html
    unknown = Template('{% load portaal %}{% status_badge "Nieuw" "paars" %}').render(Context())
    assert "utrecht-status-badge--neutral" in unknown


def test_breadcrumbs_start_at_home_and_link_each_step():
    html = Template(
        '{% load portaal %}{% breadcrumbs %}{% crumb "Deal" "/deal/" %}'
        '{% crumb "Partner" "gebruiker-update" 7 %}{% endbreadcrumbs %}'
    ).render(Context())
    assert 'aria-label="Kruimelpad"' in html
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert hrefs == ["/", "/deal/", reverse("gebruiker-update", args=[7])]


@pytest.mark.parametrize(
    ("level", "kind"),
    [
        (message_levels.SUCCESS, "ok"),
        (message_levels.ERROR, "error"),
        (message_levels.WARNING, "warning"),
        (message_levels.INFO, "info"),
    ],
)
def test_messages_become_nl_design_system_alerts(level, kind):
    message = Message(level, "Opgeslagen.")
    html = render_to_string("includes/alert.html", {"type": message.tags, "text": message})
    assert f"utrecht-alert--{kind}" in html and "Opgeslagen." in html
