"""Every id from a URL, a query string or a form is plain ASCII digits, or it is not an id.

Python's int() accepts "٣" (Arabic-Indic) and "３" (fullwidth); str.isdigit() also
accepts "²". Such a value must be a 404, an ignored filter or a Dutch form error,
never a 500. The walks below cover every URL pattern and every model-choice filter,
so new URLs and filters are covered automatically.
"""

from __future__ import annotations

import pytest
from django.urls import get_resolver, reverse
from django.urls.converters import IntConverter

from inclusie.constants import Role
from tests.signin import sign_in
from tests.test_url_role_matrix import all_urls, walk

ODD = ["²", "٣", "３", "1²", "12345678901234567890123", "-1", "0x1f", " 1"]
ROLES = [Role.KWARTIERMAKER, Role.BEHEERDER]


def test_parse_id_takes_ascii_digits_only():
    from inclusie.ids import parse_id

    assert parse_id("12") == 12
    assert parse_id(12) == 12
    for odd in [*ODD, "", None, "0", True, 2**63]:
        assert parse_id(odd) is None, repr(odd)


def test_every_url_id_goes_through_the_id_converter():
    from inclusie.ids import IdConverter

    for _namespace, pattern in walk(get_resolver().url_patterns):
        for name, converter in getattr(pattern.pattern, "converters", {}).items():
            assert not isinstance(converter, IntConverter), (
                f"{pattern.pattern}: <int:{name}> accepts ids the portal does not; use <id:{name}>"
            )
            if name in ("pk", "id") or name.endswith("_pk") or name.endswith("_id"):
                assert isinstance(converter, IdConverter), pattern.pattern


def id_urls() -> list[str]:
    return [p.values[0] for p in all_urls() if "987654" in p.values[0]]


@pytest.mark.django_db
@pytest.mark.parametrize("odd", ["²", "٣", "３", "12345678901234567890123"])
def test_odd_digits_in_url_ids_are_404(client, user_for_role, odd):
    client.raise_request_exception = False
    urls = id_urls()
    assert len(urls) > 50
    sign_in(client, user_for_role(Role.BEHEERDER))
    for url in urls:
        response = client.get(url.replace("987654", odd))
        assert response.status_code == 404, (url, odd, response.status_code)


def model_choice_params() -> set[str]:
    """Every query parameter that names an object: model-choice filters and known ?x=<id>."""
    import django_filters

    from inclusie.filtering import PortalFilterSet

    # Prefilled forms and pages: ?ambassadeur=<id>, ?indicator=<id>, ?a=<id>&b=<id> (vergelijk).
    names = {"ambassadeur", "indicator", "a", "b", "versie"}
    todo = list(PortalFilterSet.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        names |= {
            name
            for name, flt in cls.base_filters.items()
            if isinstance(flt, django_filters.ModelChoiceFilter | django_filters.NumberFilter)
        }
    return names


def list_urls() -> list[str]:
    return [p.values[0] for p in all_urls() if "987654" not in p.values[0]]


@pytest.mark.django_db
@pytest.mark.parametrize("odd", ["²", "٣", "99999999999999999999999"])
def test_odd_digits_in_query_ids_are_never_a_500(client, user_for_role, odd):
    """Regression: ?ambassadeur=² was a 500 (isdigit() accepts "²", reverse() does not)."""
    from urllib.parse import urlencode

    client.raise_request_exception = False
    params = model_choice_params()
    assert {"ambassadeur", "pijler", "wijk"} <= params
    query = urlencode(dict.fromkeys(sorted(params), odd))
    for role in ROLES:
        sign_in(client, user_for_role(role))
        for url in list_urls():
            response = client.get(f"{url}?{query}")
            assert response.status_code < 500, (role, url, odd, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("odd", ["²", "٣", "３"])
def test_prefilled_ambassador_with_odd_digits(client_for, odd):
    from tests.ambassadeurs.factories import AmbassadeurFactory

    AmbassadeurFactory()
    client = client_for(Role.KWARTIERMAKER)
    for name in ("coaching-create", "activiteit-create"):
        response = client.get(reverse(name) + f"?ambassadeur={odd}")
        assert response.status_code == 200, name
        assert response.context["form"].initial.get("ambassadeur") is None


@pytest.mark.django_db
@pytest.mark.parametrize("odd", ["٣", "３", "²"])
def test_odd_digits_in_a_posted_choice_are_a_form_error(client_for, odd):
    """ "٣" is int 3 to Python: without the parser it would silently pick object 3."""
    from ambassadeurs.models import Ambassadeur
    from tests.ambassadeurs.factories import AmbassadeurFactory

    for _ in range(3):
        AmbassadeurFactory()
    target = Ambassadeur.objects.order_by("pk")[0]
    digit = str(target.pk)
    odd_id = digit.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) if odd == "٣" else odd
    if odd == "３":
        odd_id = digit.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    client = client_for(Role.KWARTIERMAKER)
    response = client.post(
        reverse("coaching-create"),
        {"ambassadeur": odd_id, "datum": "2026-03-01", "onderwerp": "Test", "notitie": "Tekst"},
    )
    assert response.status_code == 200
    assert "ambassadeur" in response.context["form"].errors
    assert target.coachingnotities.count() == 0
