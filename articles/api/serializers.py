from rest_framework import serializers

from articles.models import Article, Language, Source


class SourceSerializer(serializers.ModelSerializer):
    article_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Source
        fields = ["id", "name", "default_language", "article_count", "created_at"]


class ArticleSerializer(serializers.ModelSerializer):
    source = serializers.CharField(source="source.name")
    url = serializers.CharField(help_text="The article's address, or empty when it has none.")
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


class ArticleInputSerializer(serializers.Serializer):
    """One article a newsroom tool pushes in; its claims are extracted in the background."""

    title = serializers.CharField(max_length=500)
    body = serializers.CharField(help_text="The article's plain text.")
    source = serializers.CharField(max_length=200, help_text="The outlet's name; made if the tracker lacks it.")
    language = serializers.ChoiceField(choices=Language.choices, default=Language.FRENCH)
    published_on = serializers.DateField(required=False, allow_null=True)
    url = serializers.URLField(max_length=1000, required=False, allow_blank=True, default="")
