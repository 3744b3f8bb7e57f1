"""Who may call the API: a newsroom tool's token (read-only or read-write), or a signed-in session."""

from rest_framework import exceptions, permissions, throttling
from rest_framework.authentication import TokenAuthentication

from core.models import ApiToken


class ApiTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>` with a key an admin made for one tool (see ApiToken)."""

    def authenticate_credentials(self, key):
        token = (
            ApiToken.objects.select_related("user")
            .filter(key_digest=ApiToken.digest(key), is_active=True, user__is_active=True)
            .first()
        )
        if token is None:
            raise exceptions.AuthenticationFailed("Invalid or revoked token.")
        return token.user, token


class TokenAccess(permissions.BasePermission):
    """A read-only token may only read, whatever its account's role; role checks come on top of this."""

    message = "This token is read-only."

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS or not isinstance(request.auth, ApiToken):
            return True
        return request.auth.can_write


class RolePermissions(permissions.DjangoModelPermissions):
    """The roles' model permissions, reads included: an account without a role reads nothing."""

    perms_map = {
        **permissions.DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
    }


class PerTokenRateThrottle(throttling.SimpleRateThrottle):
    """One budget per token (so each newsroom tool has its own), or per account for a browser session."""

    scope = "api"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
