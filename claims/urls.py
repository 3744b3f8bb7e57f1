from django.urls import path

from . import views

app_name = "claims"
urlpatterns = [
    path("articles/<int:pk>/", views.article_review, name="article_review"),
    path("claims/<int:pk>/confirm/", views.claim_review, {"decision": "confirm"}, name="claim_confirm"),
    path("claims/<int:pk>/reject/", views.claim_review, {"decision": "reject"}, name="claim_reject"),
    path("claims/<int:pk>/link/", views.claim_link, name="claim_link"),
]
