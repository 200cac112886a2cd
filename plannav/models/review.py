"""review.yaml: the review notes of a drafted plan (make draft-plan), each a reading of the decision's text
that is uncertain. Optional: a plan without it has been reviewed. `make check` lists each as a warning, and
the site built from a plan with notes says "Bản nháp" on every page."""

from typing import Annotated

from pydantic import Field

from plannav.models.base import Model, Text


class ReviewNote(Model):
    file: Text = Field(description="the plan file the reading went into: 'tasks.yaml'")
    path: str = Field("", description="where in it: 'sections[0].tasks[2].who'")
    line: Annotated[int, Field(ge=0)] = Field(description="the line of the decision's text it was read from")
    read: str = Field("", description="what was read")
    why: Text = Field(description="why it is uncertain, and what to check")


class ReviewFile(Model):
    source: Text = Field(description="the text file the draft was read from")
    notes: list[ReviewNote]
