from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from core.models import ApiToken

pytestmark = pytest.mark.django_db


def test_a_developer_makes_a_token_by_user_name_and_the_printed_key_works(viewer):
    out, err = StringIO(), StringIO()

    call_command(
        "api_token", "create", "Live blog", "--user", viewer.username, "--access", "read", stdout=out, stderr=err
    )

    key = out.getvalue().strip()
    token = ApiToken.objects.get(name="Live blog")
    assert (token.user, token.access) == (viewer, ApiToken.Access.READ)
    assert "not shown again" in err.getvalue()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/claims/").status_code == 200


def test_an_unknown_account_or_a_taken_name_is_refused_with_a_message(viewer):
    with pytest.raises(CommandError, match="No account named 'nobody'"):
        call_command("api_token", "create", "Tool", "--user", "nobody")
    call_command("api_token", "create", "Tool", "--user", viewer.username, stdout=StringIO(), stderr=StringIO())
    with pytest.raises(CommandError, match="already exists"):
        call_command("api_token", "create", "Tool", "--user", viewer.username, stdout=StringIO(), stderr=StringIO())
