"""Every form page of the portal, submitted empty: one error summary, and its links work.

Walks the URL configuration for views on the one form base (ServiceFormView), opens each
with demo data as a role that may change its area, and posts it empty. Where the page
comes back with errors, it must have exactly one error summary, right after the h1, and
every link in it must point at an element on the page (the control to fix). A page that
marks a field invalid without a summary fails too.
"""

from __future__ import annotations

import re

import pytest
from django.urls import get_resolver, reverse

from inclusie.constants import Role
from inclusie.form_views import ServiceFormView
from inclusie.models import User
from inclusie.permissions import PERMISSION_MAP, declared_permission
from tests.signin import sign_in
from tests.test_url_role_matrix import walk

ROLE_ORDER = [
    Role.KWARTIERMAKER,
    Role.BELEIDSADVISEUR,
    Role.BEHEERDER,
    Role.KLANKBORDLID,
    Role.AMBASSADEUR,
    Role.WETHOUDER,
]


def form_views():
    found = []
    for namespace, pattern in walk(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class and issubclass(view_class, ServiceFormView):
            found.append((namespace + pattern.name, pattern))
    return found


def role_for(callback) -> str | None:
    area, action = declared_permission(callback) or ("home", "view")
    for role in ROLE_ORDER:
        if action in PERMISSION_MAP[area].get(role, frozenset()):
            return role
    return None


@pytest.mark.django_db(transaction=True)
def test_every_form_page_has_one_summary_whose_links_reach_their_fields(demo_data, client):
    checked, problems = [], []
    for name, pattern in form_views():
        view_class = pattern.callback.view_class
        kwargs = {}
        if getattr(pattern.pattern, "converters", {}):
            model = getattr(view_class, "model", None)
            obj = model._default_manager.order_by("pk").first() if model else None
            if obj is None:
                continue
            kwargs = {"pk": obj.pk}
        role = role_for(pattern.callback)
        if role is None:
            continue
        user = User.objects.filter(role=role, is_active=True).order_by("pk").first()
        sign_in(client, user)
        url = reverse(name, kwargs=kwargs)
        response = client.post(url, {})
        if response.status_code != 200:
            continue
        html = response.content.decode()
        summaries = html.count('id="foutsamenvatting"')
        invalid = 'aria-invalid="true"' in html
        if not summaries and not invalid:
            continue
        checked.append(name)
        if summaries != 1:
            problems.append(f"{name}: {summaries} error summaries")
            continue
        after_h1 = html.split("</h1>", 1)[-1]
        form_at = after_h1.find("<form")
        if form_at != -1 and after_h1.find('id="foutsamenvatting"') > form_at:
            problems.append(f"{name}: the summary comes after the form")
        summary = html.split('id="foutsamenvatting"', 1)[1].split("</ul>", 1)[0]
        for target in re.findall(r'href="#([^"]+)"', summary):
            if f'id="{target}"' not in html:
                problems.append(f"{name}: summary links to #{target}, which is not on the page")
    # 80 form pages come back with errors when posted empty (November 2026).
    assert len(checked) >= 60, checked
    assert not problems, "\n".join(problems)
