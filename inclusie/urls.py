from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from inclusie import beheer_views, pickers, views
from inclusie.twofactor import views as twofactor_views
from monitoring.urls import dashboard_urlpatterns, openbaar_urlpatterns

auth_patterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "wachtwoord-vergeten/",
        views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-kiezen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-kiezen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("tweestaps/", twofactor_views.VerifyView.as_view(), name="twofactor-verify"),
    path("tweestaps/instellen/", twofactor_views.EnrolView.as_view(), name="twofactor-enrol"),
    path(
        "tweestaps/herstelcodes/",
        twofactor_views.RecoveryCodesView.as_view(),
        name="twofactor-recovery",
    ),
    path("tweestaps/uitzetten/", twofactor_views.DisableView.as_view(), name="twofactor-disable"),
    path("wachtwoord-wijzigen/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "wachtwoord-wijzigen/klaar/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
]

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("health/", views.health, name="health"),
    path("huisstijl/thema.css", views.theme_css, name="huisstijl-thema"),
    path("huisstijl/logo", views.logo, name="huisstijl-logo"),
    path("toegankelijkheid/", views.ToegankelijkheidView.as_view(), name="toegankelijkheid"),
    path("openbaar/", views.OpenbaarIndexView.as_view(), name="openbaar"),
    path("account/", include(auth_patterns)),
    path("account/", views.AccountView.as_view(), name="account"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("beheer/", views.BeheerView.as_view(), name="beheer"),
    path("beheer/gemeente/", views.GemeenteProfielView.as_view(), name="gemeente-profiel"),
    path("beheer/gebruikers/", views.UserListView.as_view(), name="gebruiker-list"),
    path("beheer/gebruikers/uitnodigen/", views.UserInviteView.as_view(), name="gebruiker-invite"),
    path("beheer/gebruikers/<id:pk>/", views.UserUpdateView.as_view(), name="gebruiker-update"),
    path(
        "beheer/gebruikers/<id:pk>/tweestaps-resetten/",
        twofactor_views.ResetView.as_view(),
        name="twofactor-reset",
    ),
    path("beheer/audit/", views.AuditLogView.as_view(), name="audit-log"),
    path("beheer/lijsten/", beheer_views.LijstenView.as_view(), name="beheer-lijsten"),
    path(
        "beheer/lijsten/<lijst:lijst>/",
        beheer_views.ReferentieListView.as_view(),
        name="beheer-lijst",
    ),
    path(
        "beheer/lijsten/<lijst:lijst>/nieuw/",
        beheer_views.ReferentieCreateView.as_view(),
        name="beheer-lijst-create",
    ),
    path(
        "beheer/lijsten/<lijst:lijst>/<id:pk>/",
        beheer_views.ReferentieUpdateView.as_view(),
        name="beheer-lijst-update",
    ),
    path(
        "beheer/lijsten/<lijst:lijst>/<id:pk>/actief/",
        beheer_views.ReferentieActiefView.as_view(),
        name="beheer-lijst-actief",
    ),
    path("beheer/privacy/", include("privacy.urls")),
    path("organisaties/", views.OrganisatieListView.as_view(), name="organisatie-list"),
    path("organisaties/nieuw/", views.OrganisatieCreateView.as_view(), name="organisatie-create"),
    path("organisaties/<id:pk>/", views.OrganisatieDetailView.as_view(), name="organisatie-detail"),
    path(
        "organisaties/<id:pk>/wijzigen/",
        views.OrganisatieUpdateView.as_view(),
        name="organisatie-update",
    ),
    path("kiezen/<str:token>/", pickers.kiezer_zoeken, name="kiezer-zoeken"),
    path("personen/", views.PersoonListView.as_view(), name="persoon-list"),
    path("personen/nieuw/", views.PersoonCreateView.as_view(), name="persoon-create"),
    path("personen/<id:pk>/", views.PersoonDetailView.as_view(), name="persoon-detail"),
    path("personen/<id:pk>/wijzigen/", views.PersoonUpdateView.as_view(), name="persoon-update"),
    path("admin/", admin.site.urls),
    # Feature apps add their URLs here.
    # Includes under their own prefix first: a path is matched against every pattern
    # before it, and the apps below share the root.
    path("pijlers/", include("pijlers.urls")),
    path("dashboard/", include(dashboard_urlpatterns)),
    path("monitoring/", include("monitoring.urls")),
    path("openbaar/raadsmededelingen/", include(openbaar_urlpatterns)),
    path("", include("bijeenkomsten.urls")),
    path("", include("ambassadeurs.urls")),
    path("", include("klankbord.urls")),
    path("", include("opdracht.urls")),
    path("", include("deal.urls")),
    path("", include("stappenplan.urls")),
]

handler403 = "inclusie.views.handler403"
handler404 = "inclusie.views.handler404"
handler500 = "inclusie.views.handler500"
