"""The claim extraction pipeline: text and metadata in, `ClaimRecord`s out. Imports nothing from the ORM."""

from .passages import extract_passages
from .pipeline import EXTRACTOR_VERSION, Document, extract, extract_documents
from .records import ClaimRecord, EntityMention, Kind

__all__ = [
    "EXTRACTOR_VERSION",
    "ClaimRecord",
    "Document",
    "EntityMention",
    "Kind",
    "extract",
    "extract_documents",
    "extract_passages",
]
