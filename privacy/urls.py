from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.PrivacyIndexView.as_view(), name="index"),
    path("bewaartermijnen/", views.BewaartermijnenView.as_view(), name="bewaartermijnen"),
    path("bewaartermijnen/voorbeeld/", views.RetentieVoorbeeldView.as_view(), name="voorbeeld"),
    path("bewaartermijnen/uitvoeren/", views.RetentieStartView.as_view(), name="uitvoeren"),
    path("bewaartermijnen/runs/", views.RetentieRunListView.as_view(), name="runs"),
    path("verzoeken/", views.VerzoekZoekView.as_view(), name="zoeken"),
    path("verzoeken/<id:pk>/", views.VerzoekLogView.as_view(), name="verzoek-log"),
    path(
        "verzoeken/persoon/<id:pk>/",
        views.VerzoekDetailView.as_view(),
        {"soort": "persoon"},
        name="verzoek-persoon",
    ),
    path(
        "verzoeken/gebruiker/<id:pk>/",
        views.VerzoekDetailView.as_view(),
        {"soort": "gebruiker"},
        name="verzoek-gebruiker",
    ),
    # ?formaat=pdf (default) or ?formaat=json
    path(
        "verzoeken/persoon/<id:pk>/inzage/",
        views.VerzoekExportView.as_view(),
        {"soort": "persoon"},
        name="inzage-persoon",
    ),
    path(
        "verzoeken/gebruiker/<id:pk>/inzage/",
        views.VerzoekExportView.as_view(),
        {"soort": "gebruiker"},
        name="inzage-gebruiker",
    ),
]
