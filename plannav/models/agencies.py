"""agencies.yaml: every body the decision names, with every wording it uses."""

from typing import Annotated, Literal

from pydantic import Field

from plannav.models.base import AgencyId, Model, Name, Slug, Text

AgencyKind = Literal[
    "provincial-leadership",
    "provincial-agency",
    "central-in-province",
    "local-government",
    "national",
    "enterprise",
    "group",
]


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


class AgenciesFile(Model):
    agencies: Annotated[list[Agency], Field(min_length=1)]
