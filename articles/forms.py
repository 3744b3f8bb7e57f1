from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from .ingest import IngestedDocument, document_from_upload, upload_size_check
from .models import Article, Language, Source

ACCEPTED_EXTENSIONS = (".txt", ".html", ".htm", ".docx", ".pdf")
DETECT_LANGUAGE = ""


@dataclass(frozen=True)
class UploadedFile:
    """One dropped file: its document when it could be read, else why not."""

    name: str
    document: IngestedDocument | None = None
    error: ValidationError | None = None


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe); each is read on its own, later."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        # An empty file is refused by name with the other bad files, not by the field as a whole.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(upload, initial) for upload in files if upload]


def uploaded_file_read(upload) -> UploadedFile:
    """Check one file's size, then read it by its content; a bad file becomes an error naming it."""
    name = upload.name
    try:
        upload_size_check(upload.size)
        return UploadedFile(name=name, document=document_from_upload(name=name, data=upload.read()))
    except ValidationError as error:
        return UploadedFile(name=name, error=error)


class OutletChoice:
    """Pick an outlet or type a new one: the upload and edit forms share the rule."""

    def clean_new_source(self):
        return " ".join(self.cleaned_data["new_source"].split())

    def require_outlet(self, cleaned: dict) -> None:
        if not cleaned.get("source") and not cleaned.get("new_source") and "source" not in self.errors:
            self.add_error("source", "Pick the outlet or type a new one.")


def new_source_field() -> forms.CharField:
    return forms.CharField(
        max_length=200, required=False, label="or a new outlet", help_text="Type a name to add an outlet."
    )


def url_field() -> forms.URLField:
    # An address pasted without its scheme is a web page: https, as Django 6 will assume.
    return forms.URLField(required=False, max_length=1000, label="URL", assume_scheme="https")


class ArticleUploadForm(OutletChoice, forms.Form):
    """Paste one article's text, drop one or several files (each its own article), or both."""

    title = forms.CharField(
        max_length=500, required=False, help_text="Needed for pasted text; files take their own title."
    )
    source = forms.ModelChoiceField(
        queryset=Source.objects.all(), required=False, empty_label="— pick an outlet —", label="Outlet"
    )
    new_source = new_source_field()
    language = forms.ChoiceField(
        choices=[(DETECT_LANGUAGE, "Detect automatically"), *Language.choices],
        required=False,
        help_text="Detected from each article's text unless you choose.",
    )
    published_on = forms.DateField(
        required=False, label="Publication date", widget=forms.DateInput(attrs={"type": "date"})
    )
    url = url_field()
    body = forms.CharField(
        required=False,
        label="Text",
        widget=forms.Textarea(attrs={"rows": 12, "placeholder": "Paste the article here"}),
    )
    files = MultipleFileField(
        required=False,
        label="or files",
        help_text="One or several .txt, .html, .docx or .pdf files; each becomes its own article.",
        widget=MultipleFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )

    def clean_files(self):
        return [uploaded_file_read(upload) for upload in self.cleaned_data.get("files") or []]

    def clean(self):
        cleaned = super().clean()
        self.require_outlet(cleaned)
        pasted = (cleaned.get("body") or "").strip()
        files = cleaned.get("files") or []
        if not pasted and not files and "files" not in self.errors:
            self.add_error("body", "Paste the article's text or choose files.")
        if pasted and not cleaned.get("title"):
            self.add_error("title", "Give the pasted article a title.")
        typed_title = cleaned.get("title", "")
        pasted_documents = [UploadedFile(name="", document=IngestedDocument(typed_title, pasted))] if pasted else []
        cleaned["documents"] = [*pasted_documents, *documents_titled(files, title="" if pasted else typed_title)]
        if self.errors:  # nothing will be saved: say now what is wrong with the files too
            self.add_refusals([(document.name, document.error) for document in cleaned["documents"] if document.error])
        return cleaned

    def add_refusals(self, refused: list[tuple[str, ValidationError]]) -> None:
        """Each refused file named next to the files field (pasted text next to the text)."""
        for name, error in refused:
            for message in error.messages:
                if name:
                    self.add_error("files", format_html("{}: {}", name, message))
                else:
                    self.add_error("body", message)


def documents_titled(files: list[UploadedFile], *, title: str) -> list[UploadedFile]:
    """A title typed for a single file wins over the one read from it."""
    if title and len(files) == 1 and files[0].document:
        return [UploadedFile(name=files[0].name, document=IngestedDocument(title, files[0].document.text))]
    return files


class ArticleEditForm(OutletChoice, forms.ModelForm):
    """An editor's correction of an article's details or text (a typo, a correction notice, an update)."""

    new_source = new_source_field()
    url = url_field()
    note = forms.CharField(
        max_length=100,  # the audit trail's change reason holds 100 characters
        required=False,
        label="What changed and why",
        help_text="Kept in the article's history, e.g. “Typo in the second paragraph” or “Correction notice added”.",
    )

    class Meta:
        model = Article
        fields = ["title", "source", "new_source", "language", "published_on", "url", "body", "note"]
        labels = {"source": "Outlet", "published_on": "Publication date", "url": "URL", "body": "Text"}
        help_texts = {
            "body": "Claims follow their words. A claim whose words you change goes back to the reviewers with a "
            "note; one whose words are gone is listed on the article's page."
        }
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "body": forms.Textarea(attrs={"rows": 16}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].required = False  # a new outlet may be typed instead
        self.fields["body"].required = False  # a post that leaves the text out keeps it (see clean_body)

    def clean_body(self):
        if "body" not in self.data:
            return self.instance.body
        body = self.cleaned_data["body"]
        if not body.strip():
            raise ValidationError("The article's text cannot be empty; correct it instead.")
        return body

    def clean(self):
        cleaned = super().clean()
        self.require_outlet(cleaned)
        return cleaned
