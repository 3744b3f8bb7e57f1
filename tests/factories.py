import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.models import Article, Source, content_hash
from claims.models import Claim
from claims.services import claims_suggest_links

# Every test user signs in with this.
PASSWORD = "correct horse battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))
        self.save()


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Outlet {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    source = factory.SubFactory(SourceFactory)
    body = factory.Sequence(lambda n: f"Plus de {n + 2} pays ont envoyé des soldats. Texte numéro {n}.")
    content_hash = factory.LazyAttribute(lambda article: content_hash(article.body))
    extraction_status = Article.ExtractionStatus.DONE


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim
        skip_postgeneration_save = True

    article = factory.SubFactory(ArticleFactory)
    kind = Claim.Kind.QUANTITY
    start = 0
    end = factory.LazyAttribute(lambda claim: claim.start + len(claim.text))
    text = factory.LazyAttribute(lambda claim: claim.article.body[claim.start : claim.start + 12])
    sentence = factory.LazyAttribute(lambda claim: claim.article.body)
    normalized = factory.LazyFunction(
        lambda: {"value": 30.0, "value_max": None, "qualifier": "more_than", "unit": "pays"}
    )

    @factory.post_generation
    def link_suggestions(self, create, extracted, **kwargs):
        """Indexed and compared with the archive at once, as the app does for every claim once it is stored
        (`extracted=False` leaves it out, like a claim whose task has not run yet)."""
        if create and extracted is not False:
            claims_suggest_links(claim_ids=[self.pk])


def year_less_date_claim(sentence: str, words: str = "le 9 novembre", date: str = "--11-09") -> Claim:
    """A date claim whose article has no publication date, so its date has no year ("--11-09")."""
    article = ArticleFactory(body=sentence, published_on=None)
    return ClaimFactory(
        article=article,
        kind=Claim.Kind.DATE,
        start=sentence.index(words),
        text=words,
        normalized={"date": date, "precision": "day"},
    )
