from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Fact tracker"

    def ready(self):
        from . import roles

        roles.connect()
