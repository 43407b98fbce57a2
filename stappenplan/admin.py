"""Admin of the questionnaires: a definition in use is read-only; copy it to a new
version to change it, so filled-in verkenningen keep the questions they answered."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from stappenplan.models import Deel, Vraag, Vragenlijst


def _in_use(vragenlijst) -> bool:
    return vragenlijst is not None and vragenlijst.verkenningen.exists()


@admin.action(description=_("Nieuwe versie maken (om te wijzigen)"))
def nieuwe_versie(modeladmin, request, queryset):
    from stappenplan.services import vragenlijst_nieuwe_versie

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
