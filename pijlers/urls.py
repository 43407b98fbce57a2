from django.urls import path

from pijlers import views

app_name = "pijlers"

urlpatterns = [
    path("", views.PijlerListView.as_view(), name="list"),
    path("nieuw/", views.PijlerCreateView.as_view(), name="create"),
    path("<id:pk>/wijzigen/", views.PijlerUpdateView.as_view(), name="update"),
    path("<id:pk>/leden/nieuw/", views.LidmaatschapCreateView.as_view(), name="lid-create"),
    path("leden/<id:pk>/beeindigen/", views.lidmaatschap_end, name="lid-end"),
    path("<slug:slug>/", views.PijlerDetailView.as_view(), name="detail"),
]
