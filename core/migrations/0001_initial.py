# ApiToken moves from claims to core: the table is renamed, the rows stay.
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("claims", "0003_api_tokens_webhooks_rating_scale"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ApiToken",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(help_text='The newsroom tool, e.g. "Live blog plugin".', max_length=100, unique=True)),
                        ("access", models.CharField(choices=[("read", "Read only"), ("read_write", "Read and write")], default="read", max_length=16)),
                        ("key_digest", models.CharField(editable=False, max_length=64, unique=True)),
                        ("key_prefix", models.CharField(editable=False, help_text="The key's first characters, to recognise it.", max_length=8)),
                        ("is_active", models.BooleanField(default=True, help_text="Untick to revoke the token at once.")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("user", models.ForeignKey(help_text="The tool has this account's role, and its decisions are recorded under it.", on_delete=django.db.models.deletion.CASCADE, related_name="api_tokens", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={"ordering": ["name"]},
                ),
            ],
            database_operations=[
                # The same statement on SQLite and PostgreSQL.
                migrations.RunSQL(
                    "ALTER TABLE claims_apitoken RENAME TO core_apitoken",
                    "ALTER TABLE core_apitoken RENAME TO claims_apitoken",
                ),
            ],
        ),
    ]
