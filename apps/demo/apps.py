from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo partnerships and transcribed seed data; at the top of the layers, imported by no app."""

    name = "apps.demo"
