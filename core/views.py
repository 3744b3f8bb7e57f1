"""The load balancer's probe: plain JSON, no sign-in, nothing that can leak a trace."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .selectors import broker_reachable, database_reachable

# Load balancers probe every few seconds and mark a slow answer down anyway: one short try, no retry.
BROKER_TIMEOUT_SECONDS = 1


@require_safe
@never_cache
def healthz(request):
    parts = {"database": database_reachable(), "broker": broker_reachable(timeout_seconds=BROKER_TIMEOUT_SECONDS)}
    failing = [part for part, up in parts.items() if not up]
    body = {"status": "failing" if failing else "ok", **{part: "ok" if up else "down" for part, up in parts.items()}}
    if failing:
        body["detail"] = f"Did not answer: {', '.join(failing)}."
    return JsonResponse(body, status=503 if failing else 200)
