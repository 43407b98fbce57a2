"""Hostile input against every form of the portal (property-based, hypothesis).

For every URL whose view has a form, a role allowed to change that area posts
generated data, mixing script injection, spreadsheet formulas, very long and odd
unicode text. The portal must never answer 5xx, never echo script unescaped, and
never save half: a rejected form leaves every table as it was. New forms are
covered automatically.
"""

from __future__ import annotations

import pytest
from django.urls import get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inclusie.constants import Role
from inclusie.models import User
from inclusie.permissions import CHANGE, PERMISSION_MAP, declared_permission
from tests.db_states import row_counts
from tests.signin import sign_in
from tests.test_url_role_matrix import walk

SCRIPT = "<script>alert('xss')</script>"
HOSTILE = st.one_of(
    st.sampled_from(
        [
            SCRIPT,
            '"><img src=x onerror=alert(1)>',
            '=HYPERLINK("http://evil.example")',
            "+cmd|' /C calc'!A0",
            "@SUM(1+1)",
            "-2+3",
            "javascript:alert(1)",
            "\x00\x01",
            "a" * 20000,
            "",
            "9" * 30,
            "2026-02-30",
            "-1",
            "GM12345",
        ]
    ),
    st.text(max_size=300),
)


def form_urls():
    found = []
    for namespace, pattern in walk(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "view_class", None)
        form_class = getattr(view_class, "form_class", None) if view_class else None
        declared = declared_permission(pattern.callback)
        if form_class is None or declared is None or declared[1] != CHANGE:
            continue
        # URLs keyed by something other than the view's own object are covered by their app's tests.
        if set(getattr(pattern.pattern, "converters", {})) - {"pk"}:
            continue
        found.append(
            pytest.param(
                namespace + pattern.name,
                pattern,
                view_class,
                declared[0],
                id=namespace + pattern.name,
            )
        )
    return found


def url_for(name: str, pattern, view_class) -> str | None:
    converters = getattr(pattern.pattern, "converters", {})
    if not converters:
        return reverse(name)
    model = getattr(view_class, "model", None)
    if model is None or set(converters) != {"pk"}:
        return None
    obj = model._default_manager.order_by("pk").first()
    return reverse(name, kwargs={"pk": obj.pk}) if obj else None


FORM_URLS = form_urls()


def test_forms_are_found():
    assert {"gemeente-profiel", "persoon-create", "organisatie-create"} <= {p.id for p in FORM_URLS}


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "pattern", "view_class", "area"), FORM_URLS)
def test_hostile_input_never_breaks_or_half_saves(
    demo_module, client, name, pattern, view_class, area
):
    role = next(r for r in Role.values if CHANGE in PERMISSION_MAP[area].get(r, ()))
    sign_in(client, User.objects.filter(role=role).first())
    url = url_for(name, pattern, view_class)
    assert url is not None, f"{name}: the demo data has no object to edit"
    field_names = list(view_class.form_class.base_fields)

    @settings(
        max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(st.fixed_dictionaries({f: HOSTILE for f in field_names}))
    def attempt(data):
        before = row_counts()
        response = client.post(url, data)
        assert response.status_code < 500, (name, data)
        body = response.content.decode(errors="replace")
        assert SCRIPT not in body, f"{name}: script echoed unescaped"
        if response.status_code == 200 and response.context and "form" in response.context:
            form = response.context["form"]
            if form.errors:
                assert row_counts() == before, f"{name}: rejected form changed the database"

    attempt()
