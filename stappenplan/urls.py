from django.urls import path

from stappenplan.views import beheer as bh
from stappenplan.views import stappen as sp
from stappenplan.views import verkenning as v

urlpatterns = [
    path("verkenningen/", v.VerkenningListView.as_view(), name="verkenning-list"),
    path("verkenningen/nieuw/", v.VerkenningStartView.as_view(), name="verkenning-start"),
    path("verkenningen/vergelijken/", v.VergelijkView.as_view(), name="verkenning-vergelijk"),
    path("verkenningen/<id:pk>/", v.VerkenningDetailView.as_view(), name="verkenning-detail"),
    path("verkenningen/<id:pk>/antwoord/", v.antwoord_opslaan, name="verkenning-antwoord"),
    path("verkenningen/<id:pk>/delen/", v.VerkenningDelenView.as_view(), name="verkenning-delen"),
    path("verkenningen/<id:pk>/indienen/", v.verkenning_indienen, name="verkenning-indienen"),
    path(
        "verkenningen/<id:pk>/heropenen/",
        v.VerkenningHeropenView.as_view(),
        name="verkenning-heropenen",
    ),
    path("verkenningen/<id:pk>/export.csv", v.verkenning_csv, name="verkenning-csv"),
    path("verkenningen/<id:pk>/pdf/", v.rapport_aanvragen, name="verkenning-pdf"),
    path("verkenningen/rapport/<id:pk>/", v.rapport_status, name="verkenning-rapport-status"),
    path(
        "verkenningen/rapport/<id:pk>/download/",
        v.rapport_download,
        name="verkenning-rapport-download",
    ),
    path("stappenplan/", sp.StappenplanView.as_view(), name="stappenplan"),
    path("stappenplan/stap/<id:pk>/", sp.StapDetailView.as_view(), name="stap-detail"),
    path("stappenplan/stap/<id:pk>/wijzigen/", sp.StapUpdateView.as_view(), name="stap-update"),
    path("stappenplan/stap/<id:pk>/actie/", sp.StapActieView.as_view(), name="stap-actie"),
    path("stappenplan/stap/<id:pk>/document/", sp.StapDocumentView.as_view(), name="stap-document"),
    path("stappenplan/actie/<id:pk>/afronden/", sp.actie_afronden, name="stap-actie-afronden"),
    path(
        "stappenplan/document/<id:pk>/download/",
        sp.document_download,
        name="stap-document-download",
    ),
    path("stappenplan/werkgroepen/", sp.WerkgroepListView.as_view(), name="werkgroep-list"),
    path(
        "stappenplan/werkgroepen/nieuw/", sp.WerkgroepCreateView.as_view(), name="werkgroep-create"
    ),
    path(
        "stappenplan/werkgroepen/<id:pk>/",
        sp.WerkgroepDetailView.as_view(),
        name="werkgroep-detail",
    ),
    path(
        "stappenplan/werkgroepen/<id:pk>/lid/", sp.WerkgroepLidView.as_view(), name="werkgroep-lid"
    ),
    path("stappenplan/participatie/", sp.ParticipatieListView.as_view(), name="participatie-list"),
    path(
        "stappenplan/participatie/nieuw/",
        sp.ParticipatieCreateView.as_view(),
        name="participatie-create",
    ),
    # The beheerder's questionnaire versions (under Beheer).
    path("beheer/vragenlijsten/", bh.VragenlijstListView.as_view(), name="vragenlijst-beheer"),
    path(
        "beheer/vragenlijsten/<id:pk>/",
        bh.VragenlijstDetailView.as_view(),
        name="vragenlijst-detail",
    ),
    path(
        "beheer/vragenlijsten/<id:pk>/nieuwe-versie/",
        bh.vragenlijst_nieuwe_versie,
        name="vragenlijst-nieuwe-versie",
    ),
    path(
        "beheer/vragenlijsten/<id:pk>/in-gebruik/",
        bh.vragenlijst_in_gebruik,
        name="vragenlijst-in-gebruik",
    ),
    path(
        "beheer/vragenlijsten/<id:pk>/gegevens/",
        bh.VragenlijstGegevensView.as_view(),
        name="vragenlijst-gegevens",
    ),
    path(
        "beheer/vragenlijsten/deel/<id:pk>/vraag/",
        bh.VraagToevoegView.as_view(),
        name="vraag-toevoegen",
    ),
    path("beheer/vragen/<id:pk>/", bh.VraagBewerkView.as_view(), name="vraag-bewerken"),
    path(
        "beheer/vragen/<id:pk>/verwijderen/",
        bh.VraagVerwijderView.as_view(),
        name="vraag-verwijderen",
    ),
]
