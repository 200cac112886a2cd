"""successors.yaml: who carries the decision's work since the State was reorganised (2025), a dated,
sourced layer beside the decision's words, which never change.

A succession says that from a day the work of a body the decision names (or of an earlier successor:
chains are allowed) is carried by one or more bodies, with the share of each where the work was split,
on the basis of a document: one of `documents` here (issued after the decision), or of documents.yaml.
A succession with no heir records that a body ceased without a recorded successor."""

from typing import Literal

from pydantic import Field

from plannav.models.agencies import Agency
from plannav.models.base import AgencyId, IsoDate, Model, Name, Slug, Text
from plannav.models.documents import Document


class SuccessorBody(Agency):
    """A body formed after the decision: the decision never names it, so it has no wordings."""

    kind: Literal[
        "provincial-leadership", "provincial-agency", "central-in-province", "local-government", "national", "enterprise"
    ]
    wordings: list[Name] = Field(default_factory=list, max_length=0)
    since: IsoDate = Field(description="the day it was formed")


class Heir(Model):
    id: AgencyId
    share: Text | None = Field(None, description="the part of the work it carries, where the work was split")
    basis: Slug | None = Field(
        None, description="the document that passed this share on, where it is not the succession's own basis"
    )


class Succession(Model):
    of: AgencyId = Field(description="the body whose work passes on")
    by: list[Heir] = Field(description="who carries it from `since`; none: the body ceased with no recorded heir")
    since: IsoDate = Field(description="the day the work passed on")
    basis: Slug | None = Field(None, description="the id of the document that decided it (required)")
    note: Text | None = None
    sources: list[Text] = Field(
        default_factory=list, description="where what this succession records was read, beside its basis's own sources"
    )


class LaterDocument(Document):
    """A document issued after the decision, the basis of a succession."""

    sources: list[Text] = Field(default_factory=list, description="where its text or a report of it was read")
    effective: IsoDate | None = Field(
        None,
        description="the day it takes effect, where it says one: it may be before its date (signed 02/03, in force 01/03)",
    )


class SuccessorsFile(Model):
    bodies: list[SuccessorBody] = Field(default_factory=list)
    successions: list[Succession] = Field(default_factory=list)
    documents: list[LaterDocument] = Field(default_factory=list)
