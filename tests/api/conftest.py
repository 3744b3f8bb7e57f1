import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from core.models import ApiToken
from core.services import api_token_create


@pytest.fixture(autouse=True)
def fresh_throttle_budget():
    """Throttle counts live in the cache: each test starts with a full budget."""
    cache.clear()
    yield
    cache.clear()


def token_client(user, access=ApiToken.Access.READ) -> APIClient:
    _, key = api_token_create(name=f"{user.username} tool ({access})", user=user, access=access)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def api(viewer):
    """A read-only newsroom tool."""
    return token_client(viewer)


@pytest.fixture
def reviewer_api(reviewer):
    return token_client(reviewer, ApiToken.Access.READ_WRITE)


@pytest.fixture
def editor_api(editor):
    return token_client(editor, ApiToken.Access.READ_WRITE)
