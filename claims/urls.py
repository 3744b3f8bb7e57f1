from django.urls import path

from . import views

app_name = "claims"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/new/", views.article_upload, name="article_upload"),
    path("articles/<int:pk>/", views.article_reader, name="article_reader"),
    path("articles/<int:pk>/edit/", views.article_edit, name="article_edit"),
    path("articles/<int:pk>/retry/", views.article_retry, name="article_retry"),
    path("articles/<int:article_pk>/claims/new/", views.claim_create, name="claim_create"),
    path("review/", views.review_queue, name="review_queue"),
    path("claims/undo/", views.claim_undo, name="claim_undo"),
    path("claims/<int:pk>/", views.claim_card, name="claim_card"),
    path("claims/<int:pk>/confirm/", views.claim_decide, {"decision": "confirm"}, name="claim_confirm"),
    path("claims/<int:pk>/reject/", views.claim_decide, {"decision": "reject"}, name="claim_reject"),
    path("claims/<int:pk>/edit/", views.claim_edit, name="claim_edit"),
    path("claims/<int:pk>/comments/", views.claim_comment, name="claim_comment"),
    path("claims/<int:pk>/history/<int:history_id>/undo/", views.claim_revert, name="claim_revert"),
    path("claims/<int:pk>/related/", views.claim_related, name="claim_related"),
    path("claims/<int:pk>/link/", views.claim_link, name="claim_link"),
    path("links/<int:pk>/delete/", views.link_delete, name="link_delete"),
    path("facts/", views.fact_list, name="fact_list"),
    path("facts/<int:pk>/", views.fact_detail, name="fact_detail"),
    path("facts/<int:pk>/verdict/", views.fact_verdict, name="fact_verdict"),
]
