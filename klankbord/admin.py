from django.contrib import admin

from klankbord.models import Advies, KlankbordLid, Signaal


@admin.register(KlankbordLid)
class KlankbordLidAdmin(admin.ModelAdmin):
    list_display = ["persoon", "rol", "van", "tot"]
    list_filter = ["rol"]
    filter_horizontal = ["kennis", "bereik"]


@admin.register(Advies)
class AdviesAdmin(admin.ModelAdmin):
    list_display = ["onderwerp", "datum", "reactie_uiterlijk", "reactie_datum", "uitkomst"]
    list_filter = ["uitkomst", "soort"]


@admin.register(Signaal)
class SignaalAdmin(admin.ModelAdmin):
    list_display = ["titel", "datum", "thema", "wijk", "status"]
    list_filter = ["thema", "status", "bron"]
    filter_horizontal = ["aspecten"]
