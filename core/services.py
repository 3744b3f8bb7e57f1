"""Tokens the newsroom tools use to call the API."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from .models import ApiToken


@transaction.atomic
def api_token_create(*, name: str, user: AbstractBaseUser, access: str = ApiToken.Access.READ) -> tuple[ApiToken, str]:
    """Make a token and return it with its key, which is readable only now."""
    token = ApiToken(name=name.strip(), user=user, access=access)
    key = token.issue_key()
    token.full_clean()
    token.save()
    return token, key
