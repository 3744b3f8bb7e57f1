from django.urls import path

from . import views

app_name = "claims"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/new/", views.article_upload, name="article_upload"),
    path("articles/<id:pk>/", views.article_reader, name="article_reader"),
    path("articles/<id:pk>/edit/", views.article_edit, name="article_edit"),
    path("articles/<id:pk>/retry/", views.article_retry, name="article_retry"),
    path("articles/<id:article_pk>/claims/new/", views.claim_create, name="claim_create"),
    path("review/", views.review_queue, name="review_queue"),
    path("claims/undo/", views.claim_undo, name="claim_undo"),
    path("claims/decide/", views.claims_decide, name="claims_decide"),
    path("claims/<id:pk>/", views.claim_card, name="claim_card"),
    path("claims/<id:pk>/confirm/", views.claim_decide, {"decision": "confirm"}, name="claim_confirm"),
    path("claims/<id:pk>/reject/", views.claim_decide, {"decision": "reject"}, name="claim_reject"),
    path("claims/<id:pk>/edit/", views.claim_edit, name="claim_edit"),
    path("claims/<id:pk>/span/", views.claim_span, name="claim_span"),
    path("claims/<id:pk>/context/", views.claim_context, name="claim_context"),
    path("claims/<id:pk>/comments/", views.claim_comment, name="claim_comment"),
    path("claims/<id:pk>/history/<id:history_id>/undo/", views.claim_revert, name="claim_revert"),
    path("claims/<id:pk>/related/", views.claim_related, name="claim_related"),
    path("claims/<id:pk>/link/", views.claim_link, name="claim_link"),
    path("links/<id:pk>/delete/", views.link_delete, name="link_delete"),
    path("suggestions/", views.suggestion_list, name="suggestion_list"),
    path("suggestions/<id:pk>/accept/", views.suggestion_accept, name="suggestion_accept"),
    path("suggestions/<id:pk>/dismiss/", views.suggestion_dismiss, name="suggestion_dismiss"),
    path("links/restore/<id:history_id>/", views.link_restore, name="link_restore"),
    path("facts/", views.fact_list, name="fact_list"),
    path("facts/<id:pk>/", views.fact_detail, name="fact_detail"),
    path("facts/<id:pk>/verdict/", views.fact_verdict, name="fact_verdict"),
    path("facts/<id:pk>/statement/", views.fact_statement, name="fact_statement"),
]
