from django.core.exceptions import ValidationError

from ..models import Source


def source_get_or_create(*, name: str, default_language: str = "fr") -> Source:
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"source": "Give the outlet's name."})
    existing = Source.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    source = Source(name=name, default_language=default_language)
    source.full_clean()
    source.save()
    return source
