"""agencies.yaml: every body the decision names, with every wording it uses."""

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints

from plannav.models.base import AgencyId, Model, Name, PlanValueError, Slug, Text

AgencyKind = Literal[
    "provincial-leadership",
    "provincial-agency",
    "central-in-province",
    "local-government",
    "national",
    "enterprise",
    "group",
]


def _false_or_name(value):
    # false says "no line"; true would say nothing: one clear problem rather than one per form allowed.
    if value is True:
        raise PlanValueError("true is not a body's name", "write the superior body's name, or false where none is written")
    return value


class Letterhead(Model):
    """How the body heads the documents it issues (Nghị định 30/2020/NĐ-CP, Phụ lục I), for its drafted
    monthly report. What is not known is left out, and the draft leaves its place for the clerk to fill."""

    superior: Annotated[Name | Literal[False] | None, BeforeValidator(_false_or_name)] = Field(
        None,
        description="the body directly above it, as its letterhead writes it; false: none is written; absent: not known",
    )
    lines: list[Name] = Field(
        default_factory=list,
        description="its own name as its letterhead writes it, line by line; absent: its name, in capitals",
    )
    symbol: Annotated[str, StringConstraints(pattern=r"^[A-ZĐ][A-ZĐa-z0-9&]*(-[A-ZĐ0-9][A-ZĐa-z0-9&]*)*$")] | None = Field(
        None, description="its abbreviation in a document's number, 'STP' in 'Số: 12/BC-STP'; absent: not known"
    )
    symbol_source: Text | None = Field(
        None, description="a document where the symbol was read; absent: the symbol is proposed, and drafts say so"
    )
    signs: list[Name] = Field(
        default_factory=list,
        description="the authority lines above the signature, 'GIÁM ĐỐC'; absent: 'THỦ TRƯỞNG CƠ QUAN'",
    )


class Agency(Model):
    id: Slug
    name: Name
    kind: AgencyKind
    wordings: Annotated[list[Name], Field(min_length=1)]
    bare_wordings: list[Name] = Field(default_factory=list)
    members: list[AgencyId] = Field(default_factory=list)
    open: bool = Field(False, description="a group whose wording names no enumerable bodies ('các đơn vị liên quan')")
    may_concern: list[AgencyId] = Field(
        default_factory=list,
        description="open groups only: bodies whose pages list the group's items apart, as possibly concerning them",
    )
    note: Text | None = None
    letterhead: Letterhead | None = Field(None, description="how it heads its documents: its drafted reports follow it")


class AgenciesFile(Model):
    agencies: Annotated[list[Agency], Field(min_length=1)]
