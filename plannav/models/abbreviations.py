"""abbreviations.yaml: the abbreviations staff type for what the decision writes out in full (CCCD for
Căn cước công dân), for the site's search. Editorial, like the agency registry: not the decision's words."""

from typing import Annotated

from pydantic import Field

from plannav.models.base import Model, Name, Text


class Abbreviation(Model):
    short: Annotated[list[Name], Field(min_length=1, description="the forms staff type: 'LĐTBXH', 'LĐ-TB&XH'")]
    full: Annotated[list[Name], Field(min_length=1, description="the full forms, each as the decision writes it")]
    note: Text | None = None


class AbbreviationsFile(Model):
    abbreviations: list[Abbreviation]
