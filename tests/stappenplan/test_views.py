"""The verkenning pages and the autosave endpoint, as a user and as an attacker."""

import pytest
from django.urls import reverse

from inclusie.constants import ReportStatus, Role
from inclusie.pdf import pdf_metadata, pdf_text
from stappenplan.models import Antwoord, Verkenning, VerkenningRapport, Vraag
from tests.stappenplan.factories import AdviseurFactory, VerkenningFactory, open_vraag

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}
SCRIPT = "<script>alert('xss')</script>"


def post_answer(client, v, vraag, tekst, versie=0, **extra):
    data = {"vraag": vraag.pk, "versie": versie, "tekst": tekst, **extra}
    return client.post(reverse("verkenning-antwoord", args=[v.pk]), data, **JSON)


def test_start_a_verkenning(client):
    adviseur = AdviseurFactory()
    collega = AdviseurFactory()
    client.force_login(adviseur)
    from tests.stappenplan.factories import bijlage1

    response = client.post(
        reverse("verkenning-start"),
        {
            "vragenlijst": bijlage1().pk,
            "titel": "Werk 2026",
            "jaar": 2026,
            "levensdomein": "werk_inkomen",
            "gedeeld_met": [collega.pk],
        },
    )
    v = Verkenning.objects.get(titel="Werk 2026")
    assert response.status_code == 302 and response["Location"] == v.get_absolute_url()
    assert list(v.gedeeld_met.all()) == [collega]


def test_start_without_levensdomein_shows_a_dutch_error(client):
    client.force_login(AdviseurFactory())
    from tests.stappenplan.factories import bijlage1

    response = client.post(
        reverse("verkenning-start"), {"vragenlijst": bijlage1().pk, "titel": "x", "jaar": 2026}
    )
    assert "Kies een levensdomein" in response.content.decode()
    assert not Verkenning.objects.exists()


def test_autosave_round_trip_and_conflict(client):
    v = VerkenningFactory()
    client.force_login(v.eigenaar)
    vraag = open_vraag(v)
    r = post_answer(client, v, vraag, "Ons antwoord")
    assert r.status_code == 200
    body = r.json()
    assert body["versie"] == 1 and body["staat"] == "beantwoord"
    assert body["voortgang"] == {"beantwoord": 1, "overgeslagen": 0, "open": 4, "totaal": 5}
    r = post_answer(client, v, vraag, "Een andere tekst", versie=0)
    assert r.status_code == 409
    assert r.json()["conflict"]["tekst"] == "Ons antwoord"
    assert Antwoord.objects.get(verkenning=v, vraag=vraag).tekst == "Ons antwoord"


def test_bad_answer_gives_400_with_dutch_message(client):
    v = VerkenningFactory()
    client.force_login(v.eigenaar)
    r = post_answer(client, v, open_vraag(v), "x" * 10001)
    assert r.status_code == 400
    assert "te lang" in r.json()["melding"]
    r = post_answer(client, v, open_vraag(v, "2", 2), "12345678")
    assert r.status_code == 400 and "bestaat niet" in r.json()["melding"]


def test_editing_a_submitted_verkenning_is_refused_clearly(client):
    v = VerkenningFactory(ingediend=True)
    client.force_login(v.eigenaar)
    r = post_answer(client, v, open_vraag(v), "stiekem")
    assert r.status_code == 400 and "Heropen" in r.json()["melding"]
    assert not Antwoord.objects.filter(verkenning=v).exists()
    page = client.get(v.get_absolute_url()).content.decode()
    assert "antwoord-form" not in page and "alleen nog te lezen" in page


def test_plain_form_post_without_javascript_saves_and_redirects(client):
    v = VerkenningFactory()
    client.force_login(v.eigenaar)
    vraag = open_vraag(v)
    r = client.post(
        reverse("verkenning-antwoord", args=[v.pk]), {"vraag": vraag.pk, "versie": 0, "tekst": "ok"}
    )
    assert r.status_code == 302 and r["Location"].endswith(f"#vraag-{vraag.pk}")
    assert Antwoord.objects.get(verkenning=v, vraag=vraag).tekst == "ok"


def test_horizontal_access(client):
    v = VerkenningFactory()
    vraag = open_vraag(v)
    client.force_login(v.eigenaar)
    post_answer(client, v, vraag, "geheim")
    # Another adviser, not shared: cannot read nor write by id.
    client.force_login(AdviseurFactory())
    assert client.get(v.get_absolute_url()).status_code == 404
    assert post_answer(client, v, vraag, "overschreven", versie=1).status_code == 404
    assert Antwoord.objects.get(verkenning=v, vraag=vraag).tekst == "geheim"
    assert client.get(reverse("verkenning-csv", args=[v.pk])).status_code == 404
    assert "geheim" not in client.get(reverse("verkenning-list")).content.decode()
    # A question from another questionnaire cannot be answered through this one.
    # The kwartiermaker views but cannot write.
    kwartiermaker = AdviseurFactory(role=Role.KWARTIERMAKER)
    client.force_login(kwartiermaker)
    page = client.get(v.get_absolute_url())
    assert page.status_code == 200 and "geheim" in page.content.decode()
    assert "antwoord-form" not in page.content.decode()
    assert post_answer(client, v, vraag, "kwartiermaker", versie=1).status_code == 403
    assert Antwoord.objects.get(verkenning=v, vraag=vraag).tekst == "geheim"
    # A shared colleague may write.
    collega = AdviseurFactory()
    v.gedeeld_met.add(collega)
    client.force_login(collega)
    assert post_answer(client, v, vraag, "samen", versie=1).status_code == 200
    assert Antwoord.objects.get(verkenning=v, vraag=vraag).tekst == "samen"


def test_question_of_another_questionnaire_is_404(client):
    v = VerkenningFactory()
    client.force_login(v.eigenaar)
    other = Vraag.objects.exclude(deel__vragenlijst=v.vragenlijst).first()
    assert post_answer(client, v, other, "x").status_code == 404
    assert not Antwoord.objects.filter(verkenning=v).exists()


def _fill(v, n):
    vragen = list(Vraag.objects.filter(deel__vragenlijst=v.vragenlijst)[:n])
    for vraag in vragen:
        Antwoord.objects.create(verkenning=v, vraag=vraag, tekst="a", versie=1)


def test_form_query_count_does_not_grow_with_answers(client, django_assert_num_queries):
    v = VerkenningFactory()
    client.force_login(v.eigenaar)
    client.get(v.get_absolute_url())  # warm caches (gemeenteprofiel)
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from inclusie.fragments import VERSION_KEY

    cache.delete(VERSION_KEY)  # the questionnaire is rendered afresh, not from the cache
    with CaptureQueriesContext(connection) as few:
        assert client.get(v.get_absolute_url()).status_code == 200
    _fill(v, 30)  # a write: the cached questionnaire is stale
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(v.get_absolute_url()).status_code == 200
    # Unchanged since: the questionnaire comes from the cache without reading it again.
    with CaptureQueriesContext(connection) as cached:
        client.get(v.get_absolute_url())
    assert len(cached.captured_queries) < len(few.captured_queries) - 3


def test_script_injection_is_inert_in_html_csv_and_pdf(client, django_capture_on_commit_callbacks):
    v = VerkenningFactory(titel=SCRIPT)
    client.force_login(v.eigenaar)
    post_answer(client, v, open_vraag(v), SCRIPT)
    post_answer(client, v, open_vraag(v, "2"), '=HYPERLINK("http://evil")')
    html = client.get(v.get_absolute_url()).content.decode()
    assert SCRIPT not in html and "&lt;script&gt;" in html
    csv = client.get(reverse("verkenning-csv", args=[v.pk])).content.decode()
    assert "'=HYPERLINK" in csv and ";=HYPERLINK" not in csv
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("verkenning-pdf", args=[v.pk]))
    rapport = VerkenningRapport.objects.get(verkenning=v)
    assert rapport.status == ReportStatus.DONE
    data = client.get(reverse("verkenning-rapport-download", args=[rapport.pk]))
    pdf = b"".join(data.streaming_content)
    text = pdf_text(pdf)
    assert "<script>alert" in text  # shown as text, never run
    meta = pdf_metadata(pdf)
    assert meta["tagged"] and meta["lang"] == "nl" and meta["struct_tree"]


def test_pdf_status_partial_polls_until_ready(client):
    v = VerkenningFactory()
    client.force_login(v.eigenaar)
    rapport = VerkenningRapport.objects.create(verkenning=v)
    body = client.get(reverse("verkenning-rapport-status", args=[rapport.pk])).content.decode()
    assert "hx-get" in body
    client.force_login(AdviseurFactory())
    assert client.get(reverse("verkenning-rapport-status", args=[rapport.pk])).status_code == 404


def test_compare_two_verkenningen(client):
    a = VerkenningFactory(titel="Werk 2025", jaar=2025)
    b = VerkenningFactory(titel="Werk 2026", eigenaar=a.eigenaar)
    client.force_login(a.eigenaar)
    post_answer(client, a, open_vraag(a), "vorig jaar")
    post_answer(client, b, open_vraag(b), "dit jaar")
    r = client.get(reverse("verkenning-vergelijk"), {"a": a.pk, "b": b.pk})
    html = r.content.decode()
    assert "vorig jaar" in html and "dit jaar" in html
    assert r.context["rijen"][0]["verschilt"] and not r.context["rijen"][1]["verschilt"]
    other = VerkenningFactory()
    r = client.get(reverse("verkenning-vergelijk"), {"a": a.pk, "b": other.pk})
    assert "Kies een verkenning uit de lijst" in r.content.decode()


def test_reopen_via_the_page(client):
    v = VerkenningFactory(ingediend=True)
    client.force_login(v.eigenaar)
    r = client.post(reverse("verkenning-heropenen", args=[v.pk]), {"reden": "aanvullen"})
    assert r.status_code == 302
    v.refresh_from_db()
    assert v.status == "concept"


def test_home_panels_show_verkenningen_in_progress_and_the_stappenplan(client):
    v = VerkenningFactory(titel="Mijn lopende verkenning")
    client.force_login(v.eigenaar)
    page = client.get(reverse("home")).content.decode()
    assert "Mijn lopende verkenning" in page
    assert "Visieontwikkeling" in page


def test_sharing_a_verkenning_mails_the_colleague_once(
    client, settings, django_capture_on_commit_callbacks
):
    from django.core import mail

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    v = VerkenningFactory(titel="Werk en inkomen 2026")
    collega = AdviseurFactory(naam="Sanne Collega", email="sanne@gemeente.nl")
    client.force_login(v.eigenaar)
    url = reverse("verkenning-delen", args=[v.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"gedeeld_met": [collega.pk]}).status_code == 302
        # Saving the same choice again is no new share and no second mail.
        assert client.post(url, {"gedeeld_met": [collega.pk]}).status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sanne@gemeente.nl"]
    assert "Werk en inkomen 2026" in message.subject
    assert v.eigenaar.get_full_name() in message.body
    assert "Beste Sanne" in message.body
    assert f"/verkenningen/{v.pk}/" in message.body


def test_a_shared_verkenning_shows_on_the_colleagues_home_page(client):
    v = VerkenningFactory(titel="Wonen 2026")
    collega = AdviseurFactory()
    client.force_login(collega)
    assert "Met u gedeeld" not in client.get(reverse("home")).content.decode()
    client.force_login(v.eigenaar)
    client.post(reverse("verkenning-delen", args=[v.pk]), {"gedeeld_met": [collega.pk]})
    client.force_login(collega)
    page = client.get(reverse("home")).content.decode()
    assert "Met u gedeeld" in page
    panel = page.split("Met u gedeeld")[1]
    assert "Wonen 2026" in panel
    assert f"gedeeld door {v.eigenaar.get_full_name()}" in panel
    # The owner's own home page keeps it under their own verkenningen, not as shared.
    client.force_login(v.eigenaar)
    assert "Met u gedeeld" not in client.get(reverse("home")).content.decode()


def test_share_and_unshare_with_a_colleague(client):
    v = VerkenningFactory()
    collega = AdviseurFactory()
    client.force_login(v.eigenaar)
    url = reverse("verkenning-delen", args=[v.pk])
    assert client.post(url, {"gedeeld_met": [collega.pk]}).status_code == 302
    assert list(v.gedeeld_met.all()) == [collega]
    client.force_login(collega)
    assert client.get(v.get_absolute_url()).status_code == 200
    client.force_login(v.eigenaar)
    client.post(url, {})
    assert not v.gedeeld_met.exists()
    assert v.gebeurtenissen.filter(toelichting__startswith="niet meer gedeeld").exists()
    client.force_login(collega)
    assert client.get(v.get_absolute_url()).status_code == 404
    # A kwartiermaker cannot be chosen.
    kwartiermaker = AdviseurFactory(role=Role.KWARTIERMAKER)
    client.force_login(v.eigenaar)
    r = client.post(url, {"gedeeld_met": [kwartiermaker.pk]})
    assert r.status_code == 200 and "Kies collega" in r.content.decode()
    assert not v.gedeeld_met.exists()  # the refused choice changed nothing


def test_compare_suggests_last_years_verkenning(client):
    a = VerkenningFactory(titel="Werk 2026", jaar=2026)
    VerkenningFactory(
        titel="Vrije tijd 2025", jaar=2025, eigenaar=a.eigenaar, levensdomein="vrije_tijd"
    )
    vorig = VerkenningFactory(titel="Werk 2025", jaar=2025, eigenaar=a.eigenaar)
    client.force_login(a.eigenaar)
    r = client.get(reverse("verkenning-vergelijk"), {"a": a.pk})
    assert r.context["b"] == vorig
    assert "Werk 2026 naast Werk 2025" in r.content.decode()
    # A non-id is no verkenning: the empty choice is shown, nothing is compared.
    r = client.get(reverse("verkenning-vergelijk"), {"a": "x' OR 1=1"})
    assert r.status_code == 200 and "rijen" not in r.context
    assert "Kies een verkenning uit de lijst" in r.content.decode()
    assert "<caption>" not in r.content.decode()  # no comparison table


def test_list_filters_and_garbage_filters(client):
    a = VerkenningFactory(titel="Werk 2026")
    VerkenningFactory(titel="Thuis 2026", eigenaar=a.eigenaar, levensdomein="thuis")
    client.force_login(a.eigenaar)
    html = client.get(reverse("verkenning-list"), {"levensdomein": "thuis"}).content.decode()
    assert "Thuis 2026" in html and "Werk 2026" not in html
    r = client.get(reverse("verkenning-list"), {"jaar": "9" * 40, "status": "<x>"})
    assert r.status_code == 200
    html = r.content.decode()
    assert "<x>" not in html
    assert "Werk 2026" not in html and "Thuis 2026" not in html  # no match, no crash
    r = client.get(reverse("participatie-list"), {"wijk": "9" * 40, "soort": "x"})
    assert r.status_code == 200 and "Nog geen activiteiten." in r.content.decode()


def test_form_query_count_is_the_same_for_a_small_and_a_large_questionnaire(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from inclusie import fragments
    from stappenplan.models import Vragenlijst

    groot = VerkenningFactory()  # Bijlage 1: 32 questions
    klein = VerkenningFactory(
        vragenlijst=Vragenlijst.objects.get(code="bijlage-2"),
        levensdomein="",
        eigenaar=groot.eigenaar,
    )
    _fill(groot, 32)
    _fill(klein, 4)
    client.force_login(groot.eigenaar)
    counts = []
    for v in (groot, klein):
        client.get(v.get_absolute_url())
        # Measure the page rendered afresh, as after any write (not its cached parts).
        fragments.bump()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(v.get_absolute_url()).status_code == 200
        counts.append(len(ctx.captured_queries))
    # Bijlage 1 has a wijk question (one query for the wijk names); otherwise equal.
    assert counts[0] - counts[1] <= 1, counts


def test_regression_superscript_digits_are_not_ids(client):
    """'²'.isdigit() is True but int('²') fails: it gave a 500 on the participation form."""
    from stappenplan.models import ParticipatieActiviteit

    client.force_login(AdviseurFactory())
    r = client.post(reverse("participatie-create"), {"titel": "x", "bereikt": "²"})
    assert r.status_code == 200
    assert r.context["form"].errors["bereikt"]
    assert "Dit veld is verplicht." in r.content.decode()  # the form is shown again
    assert not ParticipatieActiviteit.objects.exists()
    v = VerkenningFactory()
    client.force_login(v.eigenaar)
    r = post_answer(client, v, open_vraag(v, "2", 2), "²")
    assert r.status_code == 400 and r.json()["melding"]
    assert not Antwoord.objects.filter(verkenning=v).exists()
    r = client.get(reverse("verkenning-vergelijk"), {"a": "³"})
    assert r.status_code == 200 and "rijen" not in r.context


def test_submitting_with_open_questions_asks_to_confirm_and_lists_what_is_open(client):
    """Issue 11: submitting a verkenning with open questions asked nothing."""
    v = VerkenningFactory()
    client.force_login(v.eigenaar)
    beantwoord = open_vraag(v)
    assert post_answer(client, v, beantwoord, "Ons antwoord").status_code == 200
    url = reverse("verkenning-indienen", args=[v.pk])
    response = client.post(url)  # the plain button, as without JavaScript
    page = response.content.decode()
    v.refresh_from_db()
    assert response.status_code == 200 and not v.is_ingediend
    assert "Verkenning indienen?" in page
    open_count = Vraag.objects.filter(deel__vragenlijst=v.vragenlijst).count() - 1
    assert f"Er staan nog {open_count} vragen open" in page
    nog_open = Vraag.objects.filter(deel__vragenlijst=v.vragenlijst).exclude(pk=beantwoord.pk)
    for vraag in nog_open:
        assert f'#vraag-{vraag.pk}"' in page
    assert f'#vraag-{beantwoord.pk}"' not in page
    # Confirming submits.
    response = client.post(url, {"bevestigd": "1"})
    v.refresh_from_db()
    assert response.status_code == 302 and v.is_ingediend


def test_submitting_with_nothing_open_needs_no_confirmation(client):
    v = VerkenningFactory()
    client.force_login(v.eigenaar)
    for vraag in Vraag.objects.filter(deel__vragenlijst=v.vragenlijst):
        Antwoord.objects.create(verkenning=v, vraag=vraag, overgeslagen=True, tip="later")
    response = client.post(reverse("verkenning-indienen", args=[v.pk]))
    v.refresh_from_db()
    assert response.status_code == 302 and v.is_ingediend


def test_form_pages_show_the_trail_back_and_sharing_says_who_is_told(client):
    v = VerkenningFactory(titel="Zorg 2026")
    client.force_login(v.eigenaar)
    page = client.get(reverse("verkenning-delen", args=[v.pk])).content.decode()
    trail = page.split('aria-label="Kruimelpad"', 1)[1].split("</nav>", 1)[0]
    assert reverse("verkenning-list") in trail and "Zorg 2026" in trail
    assert "krijgt een e-mail" in page and "Met u gedeeld" in page
