from rest_framework import serializers

from articles.models import Article, Source


class SourceSerializer(serializers.ModelSerializer):
    article_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Source
        fields = ["id", "name", "default_language", "article_count", "created_at"]


class ArticleSerializer(serializers.ModelSerializer):
    source = serializers.CharField(source="source.name")
    claim_count = serializers.IntegerField(read_only=True)
    unreviewed_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "source",
            "url",
            "language",
            "published_on",
            "uploaded_at",
            "updated_at",
            "content_hash",
            "extraction_status",
            "extraction_error",
            "extractor_version",
            "claim_count",
            "unreviewed_count",
        ]


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body"]
