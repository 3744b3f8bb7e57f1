from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from articles.api.views import SourceViewSet
from claims.api.articles import ArticleViewSet
from claims.api.export import ClaimCsvExportView, ClaimExportView
from claims.api.facts import ClaimReviewViewSet, FactViewSet
from claims.api.suggestions import SuggestionViewSet
from claims.api.views import ClaimLinkViewSet, ClaimViewSet
from core.api.routers import RowIdRouter
from core.views import healthz

router = RowIdRouter()
router.register("sources", SourceViewSet, basename="source")
router.register("articles", ArticleViewSet, basename="article")
router.register("claims", ClaimViewSet, basename="claim")
router.register("links", ClaimLinkViewSet, basename="link")
router.register("facts", FactViewSet, basename="fact")
router.register("claim-reviews", ClaimReviewViewSet, basename="claim-review")
router.register("suggestions", SuggestionViewSet, basename="suggestion")

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("claims.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/export/claims.jsonl", ClaimExportView.as_view(), name="claim-export"),
    path("api/v1/export/claims.csv", ClaimCsvExportView.as_view(), name="claim-export-csv"),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Its script is served apart (?script), so the page needs no inline script.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    # Redoc injects its styles and starts a worker from a blob at run time.
    path(
        "api/redoc/",
        csp_update({"style-src": [UNSAFE_INLINE], "worker-src": ["blob:"]})(
            SpectacularRedocView.as_view(url_name="schema")
        ),
        name="redoc",
    ),
]
