from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "apps.core"

    def ready(self) -> None:
        from apps.core import sessions  # noqa: F401  (starts the session clock at sign-in)
