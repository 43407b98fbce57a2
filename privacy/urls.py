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
    path("verzoeken/<int:pk>/", views.VerzoekLogView.as_view(), name="verzoek-log"),
    path(
        "verzoeken/<str:soort>/<int:pk>/", views.VerzoekDetailView.as_view(), name="verzoek-detail"
    ),
    path(
        "verzoeken/<str:soort>/<int:pk>/export.<str:formaat>",
        views.VerzoekExportView.as_view(),
        name="verzoek-export",
    ),
]
