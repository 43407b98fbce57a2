from django.urls import path, register_converter

from bijeenkomsten import views as v


class CalendarTokenConverter:
    """The secret token of a personal calendar feed (token_urlsafe characters)."""

    regex = r"[A-Za-z0-9_-]{16,100}"
    sample = "onbekend-token-0000000000"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(CalendarTokenConverter, "agendatoken")

urlpatterns = [
    path("bijeenkomsten/", v.BijeenkomstListView.as_view(), name="bijeenkomst-list"),
    path("bijeenkomsten/nieuw/", v.BijeenkomstCreateView.as_view(), name="bijeenkomst-create"),
    path(
        "bijeenkomsten/reeks/nieuw/", v.ReeksCreateView.as_view(), name="bijeenkomst-reeks-create"
    ),
    path("bijeenkomsten/acties/", v.ActieListView.as_view(), name="actie-list"),
    path("bijeenkomsten/acties/<id:pk>/gereed/", v.ActieGereedView.as_view(), name="actie-gereed"),
    path(
        "bijeenkomsten/acties/<id:pk>/wijzigen/", v.ActieUpdateView.as_view(), name="actie-update"
    ),
    path(
        "bijeenkomsten/agendapunten/<id:pk>/wijzigen/",
        v.AgendapuntUpdateView.as_view(),
        name="agendapunt-update",
    ),
    path(
        "bijeenkomsten/agendapunten/<id:pk>/verplaatsen/",
        v.AgendapuntVerplaatsView.as_view(),
        name="agendapunt-verplaatsen",
    ),
    path(
        "bijeenkomsten/bijlagen/<id:pk>/download/",
        v.BijlageDownloadView.as_view(),
        name="bijlage-download",
    ),
    path(
        "bijeenkomsten/agendapunten/<id:pk>/verwijderen/",
        v.AgendapuntDeleteView.as_view(),
        name="agendapunt-delete",
    ),
    path(
        "bijeenkomsten/bijlagen/<id:pk>/verwijderen/",
        v.BijlageDeleteView.as_view(),
        name="bijlage-delete",
    ),
    path(
        "bijeenkomsten/uitnodigingen/<id:pk>/verwijderen/",
        v.UitnodigingDeleteView.as_view(),
        name="uitnodiging-delete",
    ),
    path("bijeenkomsten/<id:pk>/", v.BijeenkomstDetailView.as_view(), name="bijeenkomst-detail"),
    path(
        "bijeenkomsten/<id:pk>/wijzigen/",
        v.BijeenkomstUpdateView.as_view(),
        name="bijeenkomst-update",
    ),
    path(
        "bijeenkomsten/<id:pk>/annuleren/", v.AnnulerenView.as_view(), name="bijeenkomst-annuleren"
    ),
    path(
        "bijeenkomsten/<id:pk>/agendapunt/",
        v.AgendapuntCreateView.as_view(),
        name="agendapunt-create",
    ),
    path("bijeenkomsten/<id:pk>/bijlage/", v.BijlageCreateView.as_view(), name="bijlage-create"),
    path(
        "bijeenkomsten/<id:pk>/uitnodigen/",
        v.UitnodigenView.as_view(),
        name="bijeenkomst-uitnodigen",
    ),
    path(
        "bijeenkomsten/<id:pk>/aanwezigheid/",
        v.AanwezigheidView.as_view(),
        name="bijeenkomst-aanwezigheid",
    ),
    path("bijeenkomsten/<id:pk>/verslag/", v.VerslagView.as_view(), name="bijeenkomst-verslag"),
    path(
        "bijeenkomsten/<id:pk>/verslag/opslaan/",
        v.VerslagAutosaveView.as_view(),
        name="bijeenkomst-verslag-opslaan",
    ),
    path("bijeenkomsten/<id:pk>/besluit/", v.BesluitCreateView.as_view(), name="besluit-create"),
    path("bijeenkomsten/<id:pk>/actie/", v.ActieCreateView.as_view(), name="actie-create"),
    path(
        "bijeenkomsten/<id:pk>/vaststellen/",
        v.VaststellenView.as_view(),
        name="bijeenkomst-vaststellen",
    ),
    path(
        "bijeenkomsten/<id:pk>/verslag.pdf", v.BijeenkomstPdfView.as_view(), name="bijeenkomst-pdf"
    ),
    path("openbaar/verslagen/", v.OpenbaarVerslagListView.as_view(), name="openbaar-verslagen"),
    path(
        "openbaar/verslagen/<id:pk>/pdf/",
        v.OpenbaarVerslagPdfView.as_view(),
        name="openbaar-verslag-pdf",
    ),
    path(
        "bijeenkomsten/<id:pk>/openbaar/voorvertoning/",
        v.VerslagVoorvertoningView.as_view(),
        name="bijeenkomst-openbaar-voorvertoning",
    ),
    path(
        "bijeenkomsten/<id:pk>/openbaar/lakken/",
        v.VerslagLakbesluitView.as_view(),
        name="bijeenkomst-openbaar-lakken",
    ),
    path(
        "bijeenkomsten/<id:pk>/openbaar/publiceren/",
        v.VerslagPublicerenView.as_view(),
        name="bijeenkomst-openbaar-publiceren",
    ),
    path(
        "bijeenkomsten/<id:pk>/bijeenkomst.ics",
        v.BijeenkomstIcsView.as_view(),
        name="bijeenkomst-ics",
    ),
    path("agenda/", v.MijnAgendaView.as_view(), name="mijn-agenda"),
    path("agenda/uitnodigingen/<id:pk>/", v.RsvpView.as_view(), name="uitnodiging-rsvp"),
    path("agenda/koppelen/", v.AgendaKoppelenView.as_view(), name="agenda-koppelen"),
    path(
        "agenda/koppelen/nieuwe-link/",
        v.AgendaTokenVernieuwenView.as_view(),
        name="agenda-token-vernieuwen",
    ),
    path("agenda/toestemming/", v.ToestemmingView.as_view(), name="agenda-toestemming"),
    path("agenda/<agendatoken:token>.ics", v.AgendaFeedView.as_view(), name="agenda-feed"),
]
