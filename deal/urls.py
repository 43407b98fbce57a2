from django.urls import path

from deal import views

app_name = "deal"

urlpatterns = [
    path("deal/", views.PartnerListView.as_view(), name="partner-list"),
    path("deal/pijplijn/", views.PipelineView.as_view(), name="pipeline"),
    path("deal/partners/nieuw/", views.PartnerCreateView.as_view(), name="partner-create"),
    path("deal/partners/import/", views.PartnerImportView.as_view(), name="partner-import"),
    path(
        "deal/partners/export.csv",
        views.partner_export,
        {"fmt": "csv"},
        name="partner-export-csv",
    ),
    path(
        "deal/partners/export.xlsx",
        views.partner_export,
        {"fmt": "xlsx"},
        name="partner-export-xlsx",
    ),
    path("deal/partners/<id:pk>/", views.PartnerDetailView.as_view(), name="partner-detail"),
    path(
        "deal/partners/<id:pk>/wijzigen/",
        views.PartnerUpdateView.as_view(),
        name="partner-update",
    ),
    path("deal/partners/<id:pk>/fase/", views.PartnerFaseView.as_view(), name="partner-fase"),
    path(
        "deal/partners/<id:pk>/ondertekenen/",
        views.PartnerOndertekenView.as_view(),
        name="partner-onderteken",
    ),
    path(
        "deal/partners/<id:pk>/ondertekend-document/",
        views.partner_document,
        name="partner-document",
    ),
    path(
        "deal/partners/<id:pk>/contactmoment/",
        views.ContactmomentCreateView.as_view(),
        name="contactmoment-create",
    ),
    path(
        "deal/partners/<id:pk>/toezegging/",
        views.ToezeggingCreateView.as_view(),
        name="toezegging-create",
    ),
    path(
        "deal/toezeggingen/<id:pk>/",
        views.ToezeggingDetailView.as_view(),
        name="toezegging-detail",
    ),
    path(
        "deal/toezeggingen/<id:pk>/wijzigen/",
        views.ToezeggingUpdateView.as_view(),
        name="toezegging-update",
    ),
    path(
        "deal/toezeggingen/<id:pk>/voortgang/",
        views.VoortgangCreateView.as_view(),
        name="voortgang-create",
    ),
    path("deal/voortgang/<id:pk>/bestand/", views.voortgang_bestand, name="voortgang-bestand"),
    path("deal/doelstellingen/", views.DoelstellingListView.as_view(), name="doelstelling-list"),
    path(
        "deal/doelstellingen/nieuw/",
        views.DoelstellingCreateView.as_view(),
        name="doelstelling-create",
    ),
    path(
        "deal/doelstellingen/<id:pk>/wijzigen/",
        views.DoelstellingUpdateView.as_view(),
        name="doelstelling-update",
    ),
    path("initiatieven/", views.InitiatiefListView.as_view(), name="initiatief-list"),
    path("initiatieven/nieuw/", views.InitiatiefCreateView.as_view(), name="initiatief-create"),
    path("initiatieven/<id:pk>/", views.InitiatiefDetailView.as_view(), name="initiatief-detail"),
    path(
        "initiatieven/<id:pk>/wijzigen/",
        views.InitiatiefUpdateView.as_view(),
        name="initiatief-update",
    ),
    path("kennisbank/", views.KennisListView.as_view(), name="kennis-list"),
    path("kennisbank/nieuw/", views.KennisCreateView.as_view(), name="kennis-create"),
    path("kennisbank/<id:pk>/", views.KennisDetailView.as_view(), name="kennis-detail"),
    path("kennisbank/<id:pk>/wijzigen/", views.KennisUpdateView.as_view(), name="kennis-update"),
    path("kennisbank/<id:pk>/bestand/", views.kennis_bestand, name="kennis-bestand"),
    path("openbaar/deal/", views.DealPublicView.as_view(), name="openbaar"),
    path("openbaar/deal.json", views.deal_json, name="openbaar-json"),
]
