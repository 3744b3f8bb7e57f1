# ApiToken now lives in core (core.0001 renamed its table); claims only forgets it.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0003_api_tokens_webhooks_rating_scale"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="ApiToken")]),
    ]
