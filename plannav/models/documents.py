"""documents.yaml: every legal document cited, and the related-documents lists."""

from typing import Annotated, Literal

from pydantic import Field

from plannav.models.base import IsoDate, Model, Name, Slug, Text


class Document(Model):
    id: Slug
    type: Text
    number: Text | None = None
    date: IsoDate | None = None
    issuer: Text | None = None
    title: Text
    status: Literal["issued", "pending"] = "issued"
    wordings: list[Name] = Field(default_factory=list)
    note: Text | None = None


class RelatedEntry(Model):
    number: int
    text: Text
    document: Slug


class DocumentsFile(Model):
    documents: Annotated[list[Document], Field(min_length=1)]
    related: list[RelatedEntry]
    earlier_related: list[RelatedEntry] = Field(default_factory=list)


# File name (without .yaml) -> the model of its content.
