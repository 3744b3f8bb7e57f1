from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app builds on and imports nothing from them: API access and plumbing, the audited admin."""

    name = "core"
    verbose_name = "Access and API"
