from django.urls import path

from ambassadeurs import views

urlpatterns = [
    path("ambassadeurs/", views.AmbassadeurListView.as_view(), name="ambassadeur-list"),
    path(
        "ambassadeurs/aanmelden/", views.AmbassadeurCreateView.as_view(), name="ambassadeur-create"
    ),
    path("ambassadeurs/<id:pk>/", views.AmbassadeurDetailView.as_view(), name="ambassadeur-detail"),
    path(
        "ambassadeurs/<id:pk>/wijzigen/",
        views.AmbassadeurUpdateView.as_view(),
        name="ambassadeur-update",
    ),
    path(
        "ambassadeurs/<id:pk>/status/",
        views.AmbassadeurStatusView.as_view(),
        name="ambassadeur-status",
    ),
    path(
        "ambassadeurs/<id:pk>/pijler/",
        views.AmbassadeurPijlerView.as_view(),
        name="ambassadeur-pijler",
    ),
    path(
        "ambassadeurs/pijlerlidmaatschap/<id:pk>/beeindigen/",
        views.PijlerEindeView.as_view(),
        name="ambassadeur-pijler-einde",
    ),
    path(
        "ambassadeurs/coaching/nieuw/", views.CoachingCreateView.as_view(), name="coaching-create"
    ),
    path("ambassadeurs/activiteiten/", views.ActiviteitListView.as_view(), name="activiteit-list"),
    path("ambassadeurs/activiteiten/export.csv", views.activiteit_export, name="activiteit-export"),
    path(
        "ambassadeurs/activiteiten/nieuw/",
        views.ActiviteitCreateView.as_view(),
        name="activiteit-create",
    ),
    path(
        "ambassadeurs/activiteiten/<id:pk>/wijzigen/",
        views.ActiviteitUpdateView.as_view(),
        name="activiteit-update",
    ),
    path(
        "ambassadeurs/activiteiten/<id:pk>/verwijderen/",
        views.ActiviteitDeleteView.as_view(),
        name="activiteit-delete",
    ),
    path(
        "mijn-ambassadeurschap/activiteiten/<id:pk>/verwijderen/",
        views.MijnActiviteitDeleteView.as_view(),
        name="mijn-activiteit-delete",
    ),
    path(
        "mijn-ambassadeurschap/",
        views.MijnAmbassadeurschapView.as_view(),
        name="mijn-ambassadeurschap",
    ),
    path("mijn-ambassadeurschap/profiel/", views.MijnProfielView.as_view(), name="mijn-profiel"),
    path(
        "mijn-ambassadeurschap/activiteiten/nieuw/",
        views.MijnActiviteitCreateView.as_view(),
        name="mijn-activiteit-create",
    ),
    path(
        "mijn-ambassadeurschap/activiteiten/<id:pk>/wijzigen/",
        views.MijnActiviteitUpdateView.as_view(),
        name="mijn-activiteit-update",
    ),
    path(
        "openbaar/ambassadeurs/",
        views.OpenbareAmbassadeursView.as_view(),
        name="openbaar-ambassadeurs",
    ),
]
