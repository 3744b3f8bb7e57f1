import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claims.models import Rating, WebhookDelivery, WebhookSubscription
from claims.services import claim_link, fact_set_verdict
from claims.services.webhooks import webhook_signature
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db
SECRET = "s3cret-shared-with-the-cms"


class Receiver:
    """A real HTTP server on a free loopback port that records what it is sent and answers as told."""

    def __init__(self):
        self.requests: list[dict] = []
        self.answers: list[int] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"headers": dict(self.headers), "body": body})
                self.send_response(receiver.answers.pop(0) if receiver.answers else 204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    running = Receiver()
    WebhookSubscription.objects.create(name="CMS", url=running.url, secret=SECRET)
    yield running
    running.stop()


def test_confirming_a_claim_posts_a_signed_event(receiver, reviewer_api, django_capture_on_commit_callbacks):
    claim = ClaimFactory()

    with django_capture_on_commit_callbacks(execute=True):
        reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", {"status": "confirmed", "version": 1}, format="json")

    [request] = receiver.requests
    event = json.loads(request["body"])
    assert request["headers"]["X-Tracker-Event"] == "claim.confirmed"
    assert request["headers"]["X-Tracker-Signature"] == webhook_signature(secret=SECRET, body=request["body"])
    assert event["data"] == {"claim": claim.pk, "article": claim.article_id, "version": 2, "fact": None}
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("delivered", 1, 204)
    assert request["headers"]["X-Tracker-Delivery"] == str(delivery.uuid) == event["id"]


def test_nothing_is_sent_before_the_decision_commits(receiver, reviewer_api, django_capture_on_commit_callbacks):
    claim = ClaimFactory()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", {"status": "confirmed", "version": 1}, format="json")

    assert callbacks
    assert receiver.requests == []
    assert WebhookDelivery.objects.get().status == "pending"


def test_rejecting_a_claim_sends_nothing(receiver, reviewer_api, django_capture_on_commit_callbacks):
    claim = ClaimFactory()

    with django_capture_on_commit_callbacks(execute=True):
        reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", {"status": "rejected", "version": 1}, format="json")

    assert receiver.requests == []


def test_a_failing_subscriber_gets_the_same_event_again(receiver, reviewer, django_capture_on_commit_callbacks):
    receiver.answers = [500]
    first, second = ClaimFactory(), ClaimFactory()

    with django_capture_on_commit_callbacks(execute=True):
        claim_link(from_claim=first, to_claim=second, relation="contradicts", user=reviewer)

    assert [r["headers"]["X-Tracker-Event"] for r in receiver.requests] == ["link.created", "link.created"]
    assert receiver.requests[0]["body"] == receiver.requests[1]["body"]
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("delivered", 2)


def test_linking_as_same_and_setting_a_verdict_announce_the_fact(
    receiver, reviewer, django_capture_on_commit_callbacks
):
    first, second = ClaimFactory(), ClaimFactory()
    with django_capture_on_commit_callbacks(execute=True):
        claim_link(from_claim=first, to_claim=second, relation="same_as", user=reviewer)
    first.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        fact_set_verdict(fact=first.fact, rating=Rating.objects.order_by("value").last(), user=reviewer)

    events = [(r["headers"]["X-Tracker-Event"], json.loads(r["body"])["data"]) for r in receiver.requests]
    assert ("fact.changed", {"fact": first.fact_id}) in events
    assert events[-1] == ("fact.changed", {"fact": first.fact_id})
    assert sum(event == "link.created" for event, _ in events) == 1


def test_an_unreachable_subscriber_ends_up_failed_in_the_log(reviewer, django_capture_on_commit_callbacks):
    WebhookSubscription.objects.create(name="Gone", url="http://127.0.0.1:9/hooks", secret=SECRET)

    with django_capture_on_commit_callbacks(execute=True):
        claim_link(from_claim=ClaimFactory(), to_claim=ClaimFactory(), relation="supports", user=reviewer)

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed"
    assert delivery.attempts == 9
    assert "ConnectionError" in delivery.error
