from django import forms

from .models import Claim, ClaimLink

LINK_CHOICES_SHOWN = 100


def link_target_label(claim: Claim) -> str:
    return f"{claim.article.title[:50]} — “{claim.text[:60]}” ({claim.reading})"


class ClaimLinkForm(forms.Form):
    to_claim = forms.ModelChoiceField(queryset=Claim.objects.none(), label="Claim in another article")
    relation = forms.ChoiceField(choices=ClaimLink.Relation.choices)
    note = forms.CharField(
        required=False, max_length=2000, widget=forms.TextInput(attrs={"placeholder": "Note (optional)"})
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["to_claim"]
        field.queryset = targets  # validates against every allowed target
        # ...but offers only the best-ranked ones, so a page never lists the whole archive.
        field.widget.choices = [("", "— pick a claim —")] + [
            (claim.pk, link_target_label(claim)) for claim in targets[:LINK_CHOICES_SHOWN]
        ]
