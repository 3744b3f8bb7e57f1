from datetime import date

from django import forms

from .extraction.readings import QUALIFIER_LABELS, Precision, all_reading_fields, partial_date, reading_fields
from .models import Claim, ClaimLink, Rating


class ReadingDateField(forms.DateField):
    """A date, or one the article gave without its year ("--11-09", "--03"), kept as the text it is."""

    def to_python(self, value):
        if isinstance(value, str) and partial_date(value.strip()):
            return value.strip()
        return super().to_python(value)


QUALIFIER_CHOICES = [(qualifier.value, label) for qualifier, label in QUALIFIER_LABELS.items()]
READING_FORM_FIELDS = {
    "value": lambda: forms.CharField(label="Value", max_length=40),
    "value_max": lambda: forms.CharField(label="Up to (ranges only)", max_length=40, required=False),
    "qualifier": lambda: forms.ChoiceField(
        label="Qualifier", choices=[(q.value, label) for q, label in QUALIFIER_LABELS.items()]
    ),
    "unit": lambda: forms.CharField(label="Unit", max_length=80, required=False),
    "unit_key": lambda: forms.CharField(label="Unit key (same in every language)", max_length=40, required=False),
    "per": lambda: forms.CharField(label="Per (a rate's denominator)", max_length=80, required=False),
    "value_old": lambda: forms.CharField(label="Changed from", max_length=40, required=False),
    "date": lambda: ReadingDateField(label="Date", widget=forms.DateInput(attrs={"type": "date"})),
    "precision": lambda: forms.ChoiceField(label="Precision", choices=[(p.value, p.value) for p in Precision]),
    "speaker": lambda: forms.CharField(label="Speaker", max_length=200, required=False),
    "speaker_mention": lambda: forms.CharField(label="Speaker as the text words it", max_length=200, required=False),
    "fragment": lambda: forms.BooleanField(label="A fragment of a sentence", required=False),
    "quote": lambda: forms.CharField(label="Quote", widget=forms.Textarea(attrs={"rows": 3})),
    "label": lambda: forms.CharField(label="Entity type (PER, ORG, LOC, MISC)", max_length=40),
}


def show_year_less_date(form: forms.Form) -> None:
    """A date input cannot show "--11-09": a text box shows it, and takes the full date that fixes it."""
    if partial_date(form.initial.get("date")):
        form.fields["date"].widget = forms.TextInput(attrs={"placeholder": "YYYY-MM-DD"})
        form.fields["date"].help_text = "The article gives no year: type the full date (YYYY-MM-DD), or keep it."


def reading_date_text(data: dict) -> dict:
    """The form's reading with its date written as the reading stores it."""
    if isinstance(data.get("date"), date):
        data["date"] = data["date"].isoformat()
    return data


def reading_initial(claim: Claim) -> dict:
    return {name: claim.normalized.get(name) for name in reading_fields(claim.kind)}


def reading_initial_values(reading: dict) -> dict:
    """A reading as a form shows it: no empty fields, and a whole number without its ".0"."""
    shown = {}
    for name, value in reading.items():
        if value is None:
            continue
        shown[name] = int(value) if isinstance(value, float) and value.is_integer() else value
    return shown


class ClaimEditForm(forms.Form):
    """A reviewer's correction of a claim's reading and span; `version` detects someone else's save."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    start = forms.IntegerField(min_value=0, label="Starts at character")
    end = forms.IntegerField(min_value=1, label="Ends before character")

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        for name in reading_fields(kind):
            self.fields[name] = READING_FORM_FIELDS[name]()
        if "date" in self.fields:
            show_year_less_date(self)

    def reading(self) -> dict:
        return reading_date_text(
            {name: self.cleaned_data.get(name) for name in self.fields if name not in {"version", "start", "end"}}
        )


class ClaimCreateForm(forms.Form):
    """A claim the extractor missed: its span (filled from the reader's selection) and reading."""

    kind = forms.ChoiceField(choices=Claim.Kind.choices)  # the kinds of claims.extraction.readings
    start = forms.IntegerField(min_value=0, label="Starts at character")
    end = forms.IntegerField(min_value=1, label="Ends before character")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in all_reading_fields():
            field = READING_FORM_FIELDS[name]()
            field.required = False  # which ones are needed depends on the kind: the service checks
            self.fields[name] = field
        show_year_less_date(self)  # a suggestion for a selection in an article with no publication date

    def kind_fields(self) -> list[tuple[forms.BoundField, str, bool]]:
        """Each reading field, the kinds it belongs to, and whether the chosen kind hides it."""
        kind = self["kind"].value() or Claim.Kind.QUANTITY
        return [
            (
                self[name],
                " ".join(k for k in Claim.Kind.values if name in reading_fields(k)),
                name not in reading_fields(kind),
            )
            for name in all_reading_fields()
        ]

    def reading(self) -> dict:
        kind = self.cleaned_data["kind"]
        return reading_date_text({name: self.cleaned_data.get(name) for name in reading_fields(kind)})


class CommentForm(forms.Form):
    body = forms.CharField(
        label="Comment", max_length=5000, widget=forms.Textarea(attrs={"rows": 2, "placeholder": "Note for colleagues"})
    )


class ClaimLinkForm(forms.Form):
    to_claim = forms.ModelChoiceField(queryset=Claim.objects.all(), widget=forms.HiddenInput)
    relation = forms.ChoiceField(choices=ClaimLink.Relation.choices)
    note = forms.CharField(required=False, max_length=2000)


class VerdictForm(forms.Form):
    rating = forms.ModelChoiceField(
        queryset=Rating.objects.all(), required=False, label="Verdict", empty_label="— no verdict —"
    )
    note = forms.CharField(required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))
    # Set by the "Save anyway" button once the reviewer has been told some claims are still candidates.
    despite_candidates = forms.BooleanField(required=False, widget=forms.HiddenInput)


class FactStatementForm(forms.Form):
    statement = forms.CharField(
        label="Statement", max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="The fact in words, as a reader should understand it.",
    )  # fmt: skip
