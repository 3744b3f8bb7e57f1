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
    path("articles/<id:pk>/assign/", views.article_assign, name="article_assign"),
    path("articles/<id:pk>/take/", views.article_take, name="article_take"),
    path("articles/<id:pk>/release/", views.article_release, name="article_release"),
    path("articles/<id:pk>/presence/", views.article_presence, name="article_presence"),
    path("articles/<id:pk>/wire/<id:other_pk>/link/", views.wire_copy_link, name="wire_copy_link"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/mine/", views.my_queue, name="my_queue"),
    path("review/presence/", views.queue_presence, name="queue_presence"),
    path("claims/undo/", views.claim_undo, name="claim_undo"),
    path("claims/<id:pk>/", views.claim_card, name="claim_card"),
    path("claims/<id:pk>/confirm/", views.claim_decide, {"decision": "confirm"}, name="claim_confirm"),
    path("claims/<id:pk>/reject/", views.claim_decide, {"decision": "reject"}, name="claim_reject"),
    path("claims/<id:pk>/edit/", views.claim_edit, name="claim_edit"),
    path("claims/<id:pk>/comments/", views.claim_comment, name="claim_comment"),
    path("claims/<id:pk>/history/<id:history_id>/undo/", views.claim_revert, name="claim_revert"),
    path("claims/<id:pk>/related/", views.claim_related, name="claim_related"),
    path("claims/<id:pk>/link/", views.claim_link, name="claim_link"),
    path("links/<id:pk>/delete/", views.link_delete, name="link_delete"),
    path("facts/", views.fact_list, name="fact_list"),
    path("facts/<id:pk>/", views.fact_detail, name="fact_detail"),
    path("facts/<id:pk>/verdict/", views.fact_verdict, name="fact_verdict"),
]
