"""decision.yaml, objectives.yaml and requirements.yaml: the decision itself, its objectives and requirements."""

from typing import Annotated

from pydantic import Field

from plannav.models.base import GroupNumber, Heading, IsoDate, Letter, Model, Slug, Text, Year


class Header(Model):
    issuer: Text
    motto: Text
    number: Text
    place_date: Text
    date: IsoDate
    authority: Text


class Article(Model):
    number: int
    label: Heading
    text: Text


class PlanTitle(Model):
    title: Text
    subtitle: Text
    preamble: Text
    known_as: Text = Field(description="editorial: what staff call the scheme the plan carries out, 'Đề án' and its number")


class Signature(Model):
    title: Text


class Metadata(Model):
    title: Text
    number: Text
    type: Text
    issued: Text
    issued_date: IsoDate
    place: Text
    signer: Text
    gazette_date: Text
    gazette_number: Text
    effective: Text
    status: Text


class DecisionFile(Model):
    header: Header
    legal_basis: Annotated[list[Text], Field(min_length=1)]
    decides: Text
    articles: Annotated[list[Article], Field(min_length=1)]
    signature: Signature
    plan: PlanTitle
    metadata: Metadata


# ---- objectives.yaml and requirements.yaml


class UtilityGroup(Model):
    number: GroupNumber
    id: Slug
    text: Text


class GeneralObjective(Model):
    heading: Heading
    text: Text
    note: Text | None = None
    groups: Annotated[list[UtilityGroup], Field(min_length=1)]


class Phase(Model):
    label: Text
    from_year: Year
    to_year: Year | None = Field(description="null: open-ended ('và các năm tiếp theo')")
    inline: bool = Field(False, description="the first statement shares the label's line")
    statements: Annotated[list[Text], Field(min_length=1)]


class Objective(Model):
    letter: Letter
    group: GroupNumber
    heading: Heading
    phases: Annotated[list[Phase], Field(min_length=1)]


class SpecificObjectives(Model):
    heading: Heading
    objectives: Annotated[list[Objective], Field(min_length=1)]


class ObjectivesFile(Model):
    part: Heading
    general: GeneralObjective
    specific: SpecificObjectives


class Requirement(Model):
    letter: Letter
    text: Text


class RequirementsFile(Model):
    heading: Heading
    requirements: Annotated[list[Requirement], Field(min_length=1)]
