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
    path("deal/partners/<int:pk>/", views.PartnerDetailView.as_view(), name="partner-detail"),
    path(
        "deal/partners/<int:pk>/wijzigen/",
        views.PartnerUpdateView.as_view(),
        name="partner-update",
    ),
    path("deal/partners/<int:pk>/fase/", views.PartnerFaseView.as_view(), name="partner-fase"),
    path(
        "deal/partners/<int:pk>/ondertekenen/",
        views.PartnerOndertekenView.as_view(),
        name="partner-onderteken",
    ),
    path(
        "deal/partners/<int:pk>/ondertekend-document/",
        views.partner_document,
        name="partner-document",
    ),
    path(
        "deal/partners/<int:pk>/contactmoment/",
        views.ContactmomentCreateView.as_view(),
        name="contactmoment-create",
    ),
    path(
        "deal/partners/<int:pk>/toezegging/",
        views.ToezeggingCreateView.as_view(),
        name="toezegging-create",
    ),
    path(
        "deal/toezeggingen/<int:pk>/",
        views.ToezeggingDetailView.as_view(),
        name="toezegging-detail",
    ),
    path(
        "deal/toezeggingen/<int:pk>/wijzigen/",
        views.ToezeggingUpdateView.as_view(),
        name="toezegging-update",
    ),
    path(
        "deal/toezeggingen/<int:pk>/voortgang/",
        views.VoortgangCreateView.as_view(),
        name="voortgang-create",
    ),
    path("deal/voortgang/<int:pk>/bestand/", views.voortgang_bestand, name="voortgang-bestand"),
    path("deal/doelstellingen/", views.DoelstellingListView.as_view(), name="doelstelling-list"),
    path(
        "deal/doelstellingen/nieuw/",
        views.DoelstellingCreateView.as_view(),
        name="doelstelling-create",
    ),
    path(
        "deal/doelstellingen/<int:pk>/wijzigen/",
        views.DoelstellingUpdateView.as_view(),
        name="doelstelling-update",
    ),
    path("initiatieven/", views.InitiatiefListView.as_view(), name="initiatief-list"),
    path("initiatieven/nieuw/", views.InitiatiefCreateView.as_view(), name="initiatief-create"),
    path("initiatieven/<int:pk>/", views.InitiatiefDetailView.as_view(), name="initiatief-detail"),
    path(
        "initiatieven/<int:pk>/wijzigen/",
        views.InitiatiefUpdateView.as_view(),
        name="initiatief-update",
    ),
    path("kennisbank/", views.KennisListView.as_view(), name="kennis-list"),
    path("kennisbank/nieuw/", views.KennisCreateView.as_view(), name="kennis-create"),
    path("kennisbank/<int:pk>/", views.KennisDetailView.as_view(), name="kennis-detail"),
    path("kennisbank/<int:pk>/wijzigen/", views.KennisUpdateView.as_view(), name="kennis-update"),
    path("kennisbank/<int:pk>/bestand/", views.kennis_bestand, name="kennis-bestand"),
    path("openbaar/deal/", views.DealPublicView.as_view(), name="openbaar"),
    path("openbaar/deal.json", views.deal_json, name="openbaar-json"),
]
