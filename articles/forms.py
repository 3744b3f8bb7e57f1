from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from .ingest import text_from_upload
from .models import Language, Source

ACCEPTED_EXTENSIONS = (".txt", ".html", ".htm")


class ArticleUploadForm(forms.Form):
    """Paste the text or upload a .txt/.html file, with the article's metadata."""

    title = forms.CharField(max_length=500)
    source = forms.ModelChoiceField(
        queryset=Source.objects.all(), required=False, empty_label="— pick an outlet —", label="Outlet"
    )
    new_source = forms.CharField(
        max_length=200, required=False, label="or a new outlet", help_text="Type a name to add an outlet."
    )
    language = forms.ChoiceField(choices=Language.choices, initial=Language.FRENCH)
    published_on = forms.DateField(
        required=False, label="Publication date", widget=forms.DateInput(attrs={"type": "date"})
    )
    url = forms.URLField(required=False, max_length=1000, label="URL", assume_scheme="https")
    body = forms.CharField(
        required=False,
        label="Text",
        widget=forms.Textarea(attrs={"rows": 14, "placeholder": "Paste the article here"}),
    )
    file = forms.FileField(
        required=False,
        label="or a file",
        help_text="A .txt or .html file.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )

    def clean_new_source(self):
        return " ".join(self.cleaned_data["new_source"].split())

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if upload.size > settings.UPLOAD_MAX_BYTES:
            raise ValidationError(
                f"This file is {filesizeformat(upload.size)}; the limit is {filesizeformat(settings.UPLOAD_MAX_BYTES)}."
            )
        if not upload.name.lower().endswith(ACCEPTED_EXTENSIONS):
            raise ValidationError("Upload a .txt or .html file.")
        return text_from_upload(name=upload.name, data=upload.read())

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("source") and not cleaned.get("new_source") and "source" not in self.errors:
            self.add_error("source", "Pick the outlet or type a new one.")
        pasted = (cleaned.get("body") or "").strip()
        uploaded = cleaned.get("file")
        if "file" in self.errors:
            return cleaned
        if pasted and uploaded:
            self.add_error("body", "Paste the text or upload a file, not both.")
        elif not pasted and not uploaded:
            self.add_error("body", "Paste the article's text or upload a file.")
        cleaned["text"] = pasted or uploaded
        return cleaned
