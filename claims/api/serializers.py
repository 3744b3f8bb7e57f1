"""Input serializers validate what a tool sends; output serializers shape what it reads. Neither writes."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.exports.columns import CLAIM_FIELDS
from claims.models import Claim, ClaimLink, Fact, Rating

# The model's help text, with what a tool needs to read a date: the OpenAPI description of the reading.
NORMALIZED_HELP = (
    "Reading by kind: value, value_max, qualifier, unit; date, precision; speaker, quote; label. A date is "
    'ISO 8601 (YYYY-MM-DD, the first day of its month or year if vaguer), or a partial date "--MM-DD" or "--MM" '
    "when the article has no publication date and the text gives no year; null when nothing places it."
)


class ClaimSerializer(serializers.ModelSerializer):
    article_title = serializers.CharField(source="article.title")
    source = serializers.CharField(source="article.source.name")
    source_id = serializers.IntegerField(source="article.source_id")
    language = serializers.CharField(source="article.language")
    published_on = serializers.DateField(source="article.published_on", allow_null=True)
    article_url = serializers.CharField(source="article.url")
    reviewed_by = serializers.CharField(source="reviewed_by.username", default=None, allow_null=True)

    class Meta:
        model = Claim
        fields = CLAIM_FIELDS  # the one exported shape, shared with the dumps and the CSVs
        extra_kwargs = {"normalized": {"help_text": NORMALIZED_HELP}}


class ClaimChangeSerializer(serializers.Serializer):
    """A reviewer's decision on a claim: confirm or reject it, or correct its reading or span (which confirms it)."""

    status = serializers.ChoiceField(
        choices=[Claim.Status.CONFIRMED, Claim.Status.REJECTED], required=False, help_text="The decision."
    )
    reading = serializers.DictField(
        required=False,
        help_text='Corrected normalised fields for the claim\'s kind, e.g. {"value": 30, "unit": "pays"}; a date is '
        'YYYY-MM-DD, or "--MM-DD" / "--MM" when the article has no publication date and the text gives no year.',
    )
    start = serializers.IntegerField(min_value=0, required=False, help_text="Corrected span start.")
    end = serializers.IntegerField(min_value=1, required=False, help_text="Corrected span end.")
    version = serializers.IntegerField(
        min_value=1, required=False, help_text='The version you read; or send it as `If-Match: "<version>"`.'
    )

    def validate(self, attrs):
        correcting = "reading" in attrs or "start" in attrs or "end" in attrs
        if not correcting and "status" not in attrs:
            raise serializers.ValidationError("Send a status, or a corrected reading or span.")
        if correcting and attrs.get("status") == Claim.Status.REJECTED:
            raise serializers.ValidationError("A corrected claim counts as confirmed: do not reject it at once.")
        return attrs


class ClaimLinkSerializer(serializers.ModelSerializer):
    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True)

    class Meta:
        model = ClaimLink
        fields = ["id", "from_claim", "to_claim", "relation", "note", "created_by", "created_at"]


class RatingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rating
        fields = ["value", "name", "description"]


class FactClaimSerializer(serializers.ModelSerializer):
    source = serializers.CharField(source="article.source.name")
    published_on = serializers.DateField(source="article.published_on", allow_null=True)
    article_url = serializers.CharField(source="article.url")

    class Meta:
        model = Claim
        fields = ["id", "article", "source", "published_on", "article_url", "kind", "text", "normalized", "status"]
        extra_kwargs = {"normalized": {"help_text": NORMALIZED_HELP}}


class ContradictionSerializer(serializers.Serializer):
    link = serializers.IntegerField(source="pk")
    from_claim = serializers.IntegerField(source="from_claim_id")
    to_claim = serializers.IntegerField(source="to_claim_id")
    note = serializers.CharField()


class FactSerializer(serializers.ModelSerializer):
    verdict = RatingSerializer(allow_null=True)
    verdict_by = serializers.CharField(source="verdict_by.username", default=None, allow_null=True)
    claims = FactClaimSerializer(many=True)
    contradictions = serializers.SerializerMethodField()

    class Meta:
        model = Fact
        fields = [
            "id",
            "statement",
            "verdict",
            "verdict_note",
            "verdict_by",
            "verdict_at",
            "claims",
            "contradictions",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(ContradictionSerializer(many=True))
    def get_contradictions(self, fact):
        """Contradicts links touching this fact's claims, read from what `facts_with_claims` prefetched (no query)."""
        links = {
            link.pk: link for claim in fact.claims.all() for link in [*claim.contradicts_out, *claim.contradicts_in]
        }
        return ContradictionSerializer(sorted(links.values(), key=lambda link: link.pk), many=True).data


class ConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    changes = serializers.ListField(child=serializers.CharField(), help_text="Who changed what since your version.")
    version = serializers.IntegerField(help_text="The claim's current version.")
