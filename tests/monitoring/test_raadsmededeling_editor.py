"""The raadsmededeling editor on the server: autosave with revisions and conflicts,
sanitising on save, the live preview, versions and their diff, comments, and the lock
that approval puts on the text."""

import datetime as dt

import pytest
from django.urls import reverse

from inclusie.models import GemeenteProfiel
from monitoring.models import RaadsmededelingVersie
from monitoring.periods import Period
from monitoring.services import raadsmededeling

pytestmark = pytest.mark.django_db
H1 = Period.parse("2026-H1")
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def mededeling():
    GemeenteProfiel.load()
    return raadsmededeling.raadsmededeling_draft(period=H1)


def texts(mededeling, **changes) -> dict:
    data = {k: getattr(mededeling, k) for k in raadsmededeling.TEXT_FIELDS}
    return {**data, "revisie": mededeling.revisie, **changes}


def url(name, mededeling):
    return reverse(f"monitoring:{name}", args=[mededeling.pk])


def test_autosave_saves_and_counts_revisions_but_keeps_one_version_per_sitting(
    client_for, mededeling
):
    client = client_for("beleidsadviseur")
    first = client.post(
        url("raadsmededeling-update", mededeling), texts(mededeling, kern="Eerste zin."), **JSON
    )
    assert first.status_code == 200
    data = first.json()
    assert data["revisie"] == data["versie"] == mededeling.revisie + 1 and data["historie"] == 2
    second = client.post(
        url("raadsmededeling-update", mededeling),
        texts(mededeling, kern="Eerste zin. Tweede zin.", revisie=data["revisie"]),
        **JSON,
    )
    assert second.status_code == 200 and second.json()["historie"] == 2  # same sitting
    mededeling.refresh_from_db()
    assert mededeling.kern == "Eerste zin. Tweede zin."
    assert RaadsmededelingVersie.objects.filter(raadsmededeling=mededeling).count() == 2
    assert mededeling.versies.get(versie=1).kern != mededeling.kern  # the draft is kept


def test_a_colleagues_newer_text_is_never_overwritten(client_for, mededeling, user_for_role):
    loaded = mededeling.revisie
    raadsmededeling.raadsmededeling_update(
        mededeling=mededeling, data={"kern": "Tekst van de collega."}, by=user_for_role("beheerder")
    )
    response = client_for("beleidsadviseur").post(
        url("raadsmededeling-update", mededeling),
        texts(mededeling, kern="Mijn tekst.", revisie=loaded),
        **JSON,
    )
    assert response.status_code == 409
    conflict = response.json()["conflict"]
    assert conflict["velden"]["kern"] == "Tekst van de collega."
    assert conflict["revisie"] == loaded + 1
    mededeling.refresh_from_db()
    assert mededeling.kern == "Tekst van de collega."


def test_a_retried_save_that_already_landed_is_not_a_conflict(client_for, mededeling):
    client = client_for("beleidsadviseur")
    body = texts(mededeling, kern="Eén keer.")
    assert client.post(url("raadsmededeling-update", mededeling), body, **JSON).status_code == 200
    again = client.post(url("raadsmededeling-update", mededeling), body, **JSON)
    assert again.status_code == 200


def test_markdown_is_sanitised_on_save_and_in_the_preview(client_for, mededeling):
    client = client_for("beleidsadviseur")
    body = texts(
        mededeling,
        kern="- **Zeven** partners <script>alert(1)</script>\n- [site](javascript:alert(1))",
    )
    assert client.post(url("raadsmededeling-update", mededeling), body, **JSON).status_code == 200
    mededeling.refresh_from_db()
    assert "<script" not in mededeling.kern and "**Zeven** partners" in mededeling.kern
    preview = client.post(
        url("raadsmededeling-preview", mededeling),
        {"tekst": "*schuin* <img src=x onerror=alert(1)> [a](https://deventer.nl)"},
    ).content.decode()
    assert "<em>schuin</em>" in preview
    assert '<a href="https://deventer.nl" rel="noopener noreferrer">a</a>' in preview
    assert "<img" not in preview and "onerror" not in preview
    detail = client.get(mededeling.get_absolute_url()).content.decode()
    assert "<strong>Zeven</strong>" in detail and 'href="javascript' not in detail


def test_required_sections_give_a_clear_dutch_error(client_for, mededeling):
    response = client_for("beleidsadviseur").post(
        url("raadsmededeling-update", mededeling), texts(mededeling, kern="   "), **JSON
    )
    assert response.status_code == 400
    assert "Deze paragraaf is verplicht" in response.json()["melding"]


def test_approval_locks_the_text_for_autosave_form_kern_and_comments(
    client_for, mededeling, user_for_role
):
    wethouder = client_for("wethouder")
    assert (
        wethouder.post(
            url("raadsmededeling-approve", mededeling), {"bw_datum": "2026-07-14"}
        ).status_code
        == 302
    )
    before = RaadsmededelingVersie.objects.count()
    client = client_for("beleidsadviseur")
    mededeling.refresh_from_db()
    locked = client.post(
        url("raadsmededeling-update", mededeling), texts(mededeling, kern="Later."), **JSON
    )
    assert locked.status_code == 423 and locked.json()["vergrendeld"] is True
    posted = client.post(
        url("raadsmededeling-update", mededeling), texts(mededeling, kern="Later.")
    )
    assert "al goedgekeurd" in posted.content.decode()
    editor = client.get(url("raadsmededeling-update", mededeling))
    assert editor.status_code == 302 and editor.url == mededeling.get_absolute_url()
    client.post(url("raadsmededeling-kern", mededeling), {"kerncijfers": ["a", "b", "c"]})
    mededeling.refresh_from_db()
    assert "Later." not in mededeling.kern
    assert RaadsmededelingVersie.objects.count() == before
    with pytest.raises(Exception, match="al goedgekeurd"):
        raadsmededeling.raadsmededeling_comment(
            mededeling=mededeling, tekst="Nog iets", by=user_for_role("wethouder")
        )
    detail = client.get(mededeling.get_absolute_url()).content.decode()
    assert "de tekst staat vast" in detail and "Tekst bewerken" not in detail


def test_wethouder_comments_on_the_draft(client_for, mededeling):
    wethouder = client_for("wethouder")
    response = wethouder.post(
        url("raadsmededeling-comment", mededeling),
        {"tekst": "Noem de taalcafés in de kern."},
        follow=True,
    )
    page = response.content.decode()
    assert "Uw opmerking is geplaatst." in page
    assert "Noem de taalcafés in de kern." in page
    opmerking = mededeling.opmerkingen.get()
    assert opmerking.versie == 1
    empty = wethouder.post(url("raadsmededeling-comment", mededeling), {"tekst": ""}, follow=True)
    assert "Schrijf een opmerking." in empty.content.decode()


def test_kwartiermaker_cannot_edit_or_preview(client_for, mededeling):
    client = client_for("kwartiermaker")
    assert (
        client.post(
            url("raadsmededeling-update", mededeling), texts(mededeling), **JSON
        ).status_code
        == 403
    )
    assert (
        client.post(url("raadsmededeling-preview", mededeling), {"tekst": "x"}).status_code == 403
    )


def test_diff_between_two_versions_shows_words_removed_and_added(
    client_for, mededeling, user_for_role
):
    raadsmededeling.raadsmededeling_update(
        mededeling=mededeling,
        data={"kern": "Er zijn nu zeven partners.\n\nTweede alinea blijft."},
        by=user_for_role("beleidsadviseur"),
    )
    mededeling.refresh_from_db()
    raadsmededeling.raadsmededeling_update(
        mededeling=mededeling,
        data={"kern": "Er zijn nu acht partners.\n\nTweede alinea blijft."},
        by=user_for_role("beheerder"),  # another author: a new version
    )
    client = client_for("wethouder")
    page = client.get(url("raadsmededeling-diff", mededeling) + "?van=2&naar=3").content.decode()
    assert "Van versie 2 naar versie 3." in page
    assert '<del><span class="visually-hidden">verwijderd: </span>zeven</del>' in page
    assert '<ins><span class="visually-hidden">toegevoegd: </span>acht</ins>' in page
    assert "Tweede alinea blijft." not in page  # unchanged paragraphs are not repeated
    assert "Ongewijzigd." in page  # e.g. the Kader
    nonsense = client.get(url("raadsmededeling-diff", mededeling) + "?van=x&naar=999999999999")
    assert nonsense.status_code == 200


def test_versions_before_and_after_a_comment_are_kept_apart(client_for, mededeling, user_for_role):
    adviser = user_for_role("beleidsadviseur")
    raadsmededeling.raadsmededeling_update(
        mededeling=mededeling, data={"kern": "A."}, by=adviser, autosave=True
    )
    raadsmededeling.raadsmededeling_comment(
        mededeling=mededeling, tekst="Graag korter.", by=user_for_role("wethouder")
    )
    mededeling.refresh_from_db()
    raadsmededeling.raadsmededeling_update(
        mededeling=mededeling, data={"kern": "B."}, by=adviser, autosave=True
    )
    assert list(mededeling.versies.order_by("versie").values_list("kern", flat=True))[-2:] == [
        "A.",
        "B.",
    ]


def test_bw_date_prints_in_dutch_on_the_detail_page(client_for, mededeling, user_for_role):
    raadsmededeling.raadsmededeling_approve(
        mededeling=mededeling, bw_datum=dt.date(2026, 3, 2), by=user_for_role("wethouder")
    )
    page = client_for("wethouder").get(mededeling.get_absolute_url()).content.decode()
    assert "2 maart 2026" in page
