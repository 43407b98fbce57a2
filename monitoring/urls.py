from django.urls import path

from monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("", views.MonitoringIndexView.as_view(), name="index"),
    path(
        "veranderverhaal/nieuw/",
        views.VeranderverhaalCreateView.as_view(),
        name="veranderverhaal-create",
    ),
    path(
        "veranderverhaal/<id:pk>/",
        views.VeranderverhaalDetailView.as_view(),
        name="veranderverhaal-detail",
    ),
    path(
        "veranderverhaal/<id:pk>/wijzigen/",
        views.VeranderverhaalUpdateView.as_view(),
        name="veranderverhaal-update",
    ),
    path(
        "veranderverhaal/<id:pk>/schakel/",
        views.SchakelCreateView.as_view(),
        name="schakel-create",
    ),
    path("indicatoren/", views.IndicatorListView.as_view(), name="indicator-list"),
    path("indicatoren/nieuw/", views.IndicatorCreateView.as_view(), name="indicator-create"),
    path("indicatoren/<id:pk>/", views.IndicatorDetailView.as_view(), name="indicator-detail"),
    path(
        "indicatoren/<id:pk>/wijzigen/",
        views.IndicatorUpdateView.as_view(),
        name="indicator-update",
    ),
    path("metingen/", views.MetingListView.as_view(), name="meting-list"),
    path("metingen/nieuw/", views.MetingCreateView.as_view(), name="meting-create"),
    path("metingen/<id:pk>/wijzigen/", views.MetingUpdateView.as_view(), name="meting-update"),
    path("metingen/export/", views.meting_export, name="meting-export"),
    path("metingen/import/", views.MetingImportView.as_view(), name="meting-import"),
    path("verhalen/", views.VerhaalListView.as_view(), name="verhaal-list"),
    path("verhalen/nieuw/", views.VerhaalCreateView.as_view(), name="verhaal-create"),
    path("momentopnamen/", views.SnapshotView.as_view(), name="snapshots"),
    path("planning/", views.PlanningView.as_view(), name="planning"),
    path("rapporten/", views.RapportListView.as_view(), name="rapport-list"),
    path("rapporten/aanvragen/", views.RapportRequestView.as_view(), name="rapport-request"),
    path("rapporten/<id:pk>/", views.RapportDetailView.as_view(), name="rapport-detail"),
    path("rapporten/<id:pk>/opnieuw/", views.rapport_opnieuw, name="rapport-retry"),
    path("rapporten/<id:pk>/pdf/", views.rapport_pdf, name="rapport-pdf"),
    path(
        "raadsmededelingen/", views.RaadsmededelingListView.as_view(), name="raadsmededeling-list"
    ),
    path(
        "raadsmededelingen/nieuw/",
        views.RaadsmededelingDraftView.as_view(),
        name="raadsmededeling-create",
    ),
    path(
        "raadsmededelingen/<id:pk>/",
        views.RaadsmededelingDetailView.as_view(),
        name="raadsmededeling-detail",
    ),
    path(
        "raadsmededelingen/<id:pk>/wijzigen/",
        views.RaadsmededelingUpdateView.as_view(),
        name="raadsmededeling-update",
    ),
    path(
        "raadsmededelingen/<id:pk>/voorbeeld/",
        views.raadsmededeling_voorbeeld,
        name="raadsmededeling-preview",
    ),
    path(
        "raadsmededelingen/<id:pk>/kern/",
        views.raadsmededeling_kern,
        name="raadsmededeling-kern",
    ),
    path(
        "raadsmededelingen/<id:pk>/momentopname/",
        views.raadsmededeling_momentopname,
        name="raadsmededeling-momentopname",
    ),
    path(
        "raadsmededelingen/<id:pk>/opmerking/",
        views.raadsmededeling_opmerking,
        name="raadsmededeling-comment",
    ),
    path(
        "raadsmededelingen/<id:pk>/versies/",
        views.RaadsmededelingVersieDiffView.as_view(),
        name="raadsmededeling-diff",
    ),
    path(
        "raadsmededelingen/<id:pk>/goedkeuren/",
        views.RaadsmededelingGoedkeurenView.as_view(),
        name="raadsmededeling-approve",
    ),
    path(
        "raadsmededelingen/<id:pk>/publiceren/",
        views.RaadsmededelingPublicerenView.as_view(),
        name="raadsmededeling-publish",
    ),
    path(
        "raadsmededelingen/<id:pk>/voorvertoning/",
        views.RaadsmededelingVoorvertoningView.as_view(),
        name="raadsmededeling-voorvertoning",
    ),
    path(
        "raadsmededelingen/<id:pk>/lakken/",
        views.RaadsmededelingLakbesluitView.as_view(),
        name="raadsmededeling-lakken",
    ),
]

dashboard_urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
]

openbaar_urlpatterns = [
    path("", views.OpenbaarRaadsmededelingListView.as_view(), name="openbaar-raadsmededelingen"),
    path("<id:pk>/pdf/", views.openbaar_pdf, name="openbaar-raadsmededeling-pdf"),
]
