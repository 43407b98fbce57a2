from django.urls import path

from klankbord import views

urlpatterns = [
    path("klankbord/", views.KlankbordView.as_view(), name="klankbord"),
    path("klankbord/wie-ontbreekt/", views.DekkingView.as_view(), name="klankbord-dekking"),
    path(
        "klankbord/leden/nieuw/", views.KlankbordLidCreateView.as_view(), name="klankbordlid-create"
    ),
    path(
        "klankbord/leden/<id:pk>/wijzigen/",
        views.KlankbordLidUpdateView.as_view(),
        name="klankbordlid-update",
    ),
    path("klankbord/adviezen/", views.AdviesListView.as_view(), name="advies-list"),
    path("klankbord/adviezen/export.csv", views.advies_export, name="advies-export"),
    path("klankbord/adviezen/nieuw/", views.AdviesCreateView.as_view(), name="advies-create"),
    path("klankbord/adviezen/<id:pk>/", views.AdviesDetailView.as_view(), name="advies-detail"),
    path(
        "klankbord/adviezen/<id:pk>/wijzigen/",
        views.AdviesUpdateView.as_view(),
        name="advies-update",
    ),
    path(
        "klankbord/adviezen/<id:pk>/reactie/",
        views.AdviesReactieView.as_view(),
        name="advies-reactie",
    ),
    path(
        "klankbord/gesprek-wethouder/",
        views.WethouderGesprekView.as_view(),
        name="klankbord-wethouder",
    ),
    path("signalen/", views.SignaalListView.as_view(), name="signaal-list"),
    path("signalen/export.csv", views.signaal_export, name="signaal-export"),
    path("signalen/nieuw/", views.SignaalCreateView.as_view(), name="signaal-create"),
    path("signalen/<id:pk>/", views.SignaalDetailView.as_view(), name="signaal-detail"),
    path("signalen/<id:pk>/wijzigen/", views.SignaalUpdateView.as_view(), name="signaal-update"),
    path(
        "signalen/<id:pk>/opvolging/",
        views.SignaalOpvolgingView.as_view(),
        name="signaal-opvolging",
    ),
]
