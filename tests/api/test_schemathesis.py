"""Property-based run of schemathesis against the served OpenAPI schema: no 5xx, no response off the schema."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from core.models import ApiToken
from core.services import api_token_create
from tests.factories import ClaimFactory, UserFactory
from tracker.wsgi import application


@pytest.fixture
def api_headers(db):
    # A tool allowed everything, so writes are exercised too.
    user = UserFactory(username="schemathesis", roles=["editor", "reviewer"])
    _, key = api_token_create(name="schemathesis", user=user, access=ApiToken.Access.READ_WRITE)
    return {"Authorization": f"Token {key}"}


@pytest.fixture
def api_schema(api_headers):
    for _ in range(3):  # so lists and details are not all empty
        ClaimFactory()
    # The app is called as plain WSGI: keep the test's connection open, as Django's test client does.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", application, headers=api_headers)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_honours_its_schema(case, api_headers):
    case.call_and_validate(
        headers=api_headers, checks=[not_a_server_error, response_schema_conformance, content_type_conformance]
    )
