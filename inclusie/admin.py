from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from inclusie.constants import Role
from inclusie.models import (
    DiversiteitsAspect,
    GemeenteProfiel,
    Lakbesluit,
    Lakregel,
    Lakvoorvertoning,
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


@admin.register(Lakbesluit, Lakregel, Lakvoorvertoning)
class LakAdmin(admin.ModelAdmin):
    """Redaction decisions, previews and the publication log: read-only evidence."""

    list_display = ["__str__", "content_type", "object_id", "door", "op"]
    list_filter = ["content_type"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
