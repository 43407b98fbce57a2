from django.urls import path

from opdracht import views

urlpatterns = [
    path("opdracht/", views.OpdrachtView.as_view(), name="opdracht"),
    path("opdracht/nieuw/", views.OpdrachtCreateView.as_view(), name="opdracht-create"),
    path("opdracht/<id:pk>/wijzigen/", views.OpdrachtUpdateView.as_view(), name="opdracht-update"),
    path("opdracht/uren/week/", views.UrenWeekView.as_view(), name="uren-week"),
    path("opdracht/uren/nieuw/", views.UrenCreateView.as_view(), name="uren-create"),
    path("opdracht/uren/<id:pk>/wijzigen/", views.UrenUpdateView.as_view(), name="uren-update"),
    path("opdracht/uren/<id:pk>/verwijderen/", views.UrenDeleteView.as_view(), name="uren-delete"),
    path("opdracht/uitgaven/nieuw/", views.UitgaveCreateView.as_view(), name="uitgave-create"),
    path(
        "opdracht/uitgaven/<id:pk>/wijzigen/",
        views.UitgaveUpdateView.as_view(),
        name="uitgave-update",
    ),
]
