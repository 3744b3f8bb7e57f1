"""Wire copies: articles reproducing the same agency copy, found by MinHash over their word shingles."""

from django.db import models
from django.db.models import F, Q

from articles.models import Article


class ArticleFingerprint(models.Model):
    """An article's MinHash signature, kept so a new article is compared without re-reading the others."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="fingerprint")
    content_hash = models.CharField(max_length=64, help_text="The text the signature was computed from.")
    signature = models.JSONField(help_text="MinHash values (datasketch), one per permutation.")

    def __str__(self) -> str:
        return f"Fingerprint of {self.article_id}"


class FingerprintBand(models.Model):
    """One locality-sensitive-hashing band of a signature: articles sharing a band key are compared."""

    fingerprint = models.ForeignKey(ArticleFingerprint, on_delete=models.CASCADE, related_name="bands")
    band = models.PositiveSmallIntegerField()
    key = models.CharField(max_length=32)

    class Meta:
        indexes = [models.Index(fields=["band", "key"])]

    def __str__(self) -> str:
        return f"{self.band}:{self.key}"


class WireCopy(models.Model):
    """Two articles carrying the same agency copy; stored once per pair, the lower article id first."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    similarity = models.FloatField(help_text="Estimated share of word shingles in common (Jaccard).")
    found_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "other"], name="wirecopy_unique_pair"),
            models.CheckConstraint(condition=Q(article__lt=F("other")), name="wirecopy_ordered_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} ≈ {self.other_id}"
