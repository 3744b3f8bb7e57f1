from django.urls import path

from . import views

app_name = "articles"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("new/", views.article_upload, name="upload"),
    path("<int:pk>/retry/", views.article_retry, name="retry"),
    path("<int:pk>/edit/", views.article_edit, name="edit"),
]
