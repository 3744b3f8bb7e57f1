from rest_framework import serializers

from claims.models import Claim, ClaimLink


class ClaimSerializer(serializers.ModelSerializer):
    article_title = serializers.CharField(source="article.title")
    source = serializers.CharField(source="article.source.name")
    published_on = serializers.DateField(source="article.published_on")
    article_url = serializers.CharField(source="article.url")
    reviewed_by = serializers.CharField(source="reviewed_by.username", default=None)

    class Meta:
        model = Claim
        fields = [
            "id",
            "article",
            "article_title",
            "source",
            "published_on",
            "article_url",
            "kind",
            "text",
            "start",
            "end",
            "sentence",
            "normalized",
            "negated",
            "hypothetical",
            "reported",
            "entities",
            "status",
            "origin",
            "reviewed_by",
            "reviewed_at",
            "extractor_version",
            "rule",
            "confidence",
            "created_at",
            "updated_at",
        ]


class ClaimLinkSerializer(serializers.ModelSerializer):
    created_by = serializers.CharField(source="created_by.username", default=None)

    class Meta:
        model = ClaimLink
        fields = ["id", "from_claim", "to_claim", "relation", "note", "created_by", "created_at"]
