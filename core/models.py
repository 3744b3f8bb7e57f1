import hashlib
import secrets

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """The key one newsroom tool uses: it acts as `user`, and only reads unless its access allows writes.

    Only a digest of the key is stored, so a leaked database does not leak working keys; the admin shows
    the key once, when the token is made.
    """

    class Access(models.TextChoices):
        READ = "read", "Read only"
        READ_WRITE = "read_write", "Read and write"

    name = models.CharField(max_length=100, unique=True, help_text='The newsroom tool, e.g. "Live blog plugin".')
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text="The tool has this account's role, and its decisions are recorded under it.",
    )
    access = models.CharField(max_length=16, choices=Access.choices, default=Access.READ)
    key_digest = models.CharField(max_length=64, unique=True, editable=False)
    key_prefix = models.CharField(
        max_length=8, editable=False, help_text="The key's first characters, to recognise it."
    )
    is_active = models.BooleanField(default=True, help_text="Untick to revoke the token at once.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_access_display().lower()})"

    @staticmethod
    def digest(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @property
    def can_write(self) -> bool:
        return self.access == self.Access.READ_WRITE

    def issue_key(self) -> str:
        """Give the token a new random key and return it: the only time the key is readable."""
        key = secrets.token_urlsafe(32)
        self.key_digest = self.digest(key)
        self.key_prefix = key[:8]
        return key
