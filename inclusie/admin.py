from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from inclusie.constants import Role
from inclusie.models import (
    DiversiteitsAspect,
    GemeenteProfiel,
    Notificatie,
    Organisatie,
    Persoon,
    User,
    Wijk,
)


def beheerder_only(request) -> bool:
    user = request.user
    return user.is_active and user.is_staff and (user.is_superuser or user.role == Role.BEHEERDER)


# The admin is for the functioneel beheerder only, whatever is_staff says.
admin.site.has_permission = beheerder_only
admin.site.site_header = _("Inclusie Portaal - beheer")
admin.site.site_title = _("Inclusie Portaal")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "username", "naam", "role", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["email", "username", "naam"]
    fieldsets = (
        (None, {"fields": ("email", "username", "password")}),
        (_("Persoon"), {"fields": ("naam", "role")}),
        (_("Rechten"), {"fields": ("is_active", "is_staff", "is_superuser")}),
    )
    add_fieldsets = (
        (
            None,
            {"classes": ("wide",), "fields": ("email", "naam", "role", "password1", "password2")},
        ),
    )


@admin.register(Persoon)
class PersoonAdmin(admin.ModelAdmin):
    list_display = ["naam", "organisatie", "functie", "toestemming_openbaar"]
    search_fields = ["naam", "email"]
    list_select_related = ["organisatie"]


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "sector", "wijk"]
    list_filter = ["sector"]
    search_fields = ["naam", "kvk_nummer"]


admin.site.register(GemeenteProfiel)
admin.site.register(Wijk)
admin.site.register(DiversiteitsAspect)
admin.site.register(Notificatie)


# --- Questionnaires (verkenning): a definition in use is read-only; copy it to a new
# version to change it, so filled-in verkenningen keep the questions they answered.
from inclusie.models import Deel, Vraag, Vragenlijst  # noqa: E402


def _in_use(vragenlijst) -> bool:
    return vragenlijst is not None and vragenlijst.verkenningen.exists()


@admin.action(description=_("Nieuwe versie maken (om te wijzigen)"))
def nieuwe_versie(modeladmin, request, queryset):
    from inclusie.services_verkenning import vragenlijst_nieuwe_versie

    for vragenlijst in queryset:
        nieuwe = vragenlijst_nieuwe_versie(vragenlijst=vragenlijst)
        modeladmin.message_user(request, _("Versie %(v)s gemaakt.") % {"v": nieuwe.versie})


class DeelInline(admin.TabularInline):
    model = Deel
    extra = 0


@admin.register(Vragenlijst)
class VragenlijstAdmin(admin.ModelAdmin):
    list_display = ["titel", "code", "versie", "actief"]
    list_filter = ["code", "actief"]
    inlines = [DeelInline]
    actions = [nieuwe_versie]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not _in_use(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not _in_use(obj)


@admin.register(Vraag)
class VraagAdmin(admin.ModelAdmin):
    list_display = ["nummer", "tekst", "soort", "deel"]
    list_filter = ["deel__vragenlijst"]
    search_fields = ["tekst"]

    def has_change_permission(self, request, obj=None):
        in_use = obj is not None and _in_use(obj.deel.vragenlijst)
        return super().has_change_permission(request, obj) and not in_use

    def has_delete_permission(self, request, obj=None):
        in_use = obj is not None and _in_use(obj.deel.vragenlijst)
        return super().has_delete_permission(request, obj) and not in_use
