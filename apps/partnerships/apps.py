from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "apps.partnerships"
    verbose_name = "Partnerships, agencies and people"
