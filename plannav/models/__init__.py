"""Typed models of the plan files. Their JSON Schema is what editors validate against.

Every model forbids unknown keys and is strict about types, so a typo or a number where
text belongs is reported rather than silently coerced. One module per group of plan files;
this package exports every model by name.
"""

from plannav.models.abbreviations import Abbreviation, AbbreviationsFile
from plannav.models.agencies import AgenciesFile, Agency, AgencyKind, Letterhead
from plannav.models.base import (
    FIRST_YEAR,
    LAST_YEAR,
    AgencyId,
    DutyKey,
    GroupNumber,
    Heading,
    IsoDate,
    IsoMonth,
    Letter,
    Model,
    Name,
    PlanValueError,
    Slug,
    TaskKey,
    Text,
    Year,
)
from plannav.models.deadlines import (
    ContinuousDeadline,
    DateDeadline,
    Deadline,
    EventDeadline,
    MonthDeadline,
    RecurringDeadline,
    Stage,
    StagedDeadline,
    YearDeadline,
)
from plannav.models.decision import (
    Article,
    DecisionFile,
    GeneralObjective,
    Header,
    Metadata,
    Objective,
    ObjectivesFile,
    Phase,
    PlanTitle,
    Requirement,
    RequirementsFile,
    Signature,
    SpecificObjectives,
    UtilityGroup,
)
from plannav.models.documents import Document, DocumentsFile, RelatedEntry
from plannav.models.items import (
    AppendixGroup,
    AppendixTask,
    AppendixTasksFile,
    Cell,
    Duty,
    DutySection,
    Exclusion,
    FundingFile,
    FundingItem,
    Join,
    Procedure,
    ProceduresFile,
    ResponsibilitiesFile,
    Task,
    TaskSection,
    TasksFile,
    Who,
)
from plannav.models.review import ReviewFile, ReviewNote
from plannav.models.successors import Heir, LaterDocument, Succession, SuccessorBody, SuccessorsFile

FILE_MODELS: dict[str, type[Model]] = {
    "decision": DecisionFile,
    "objectives": ObjectivesFile,
    "requirements": RequirementsFile,
    "tasks": TasksFile,
    "funding": FundingFile,
    "responsibilities": ResponsibilitiesFile,
    "procedures": ProceduresFile,
    "appendix_tasks": AppendixTasksFile,
    "agencies": AgenciesFile,
    "documents": DocumentsFile,
    "abbreviations": AbbreviationsFile,
    "successors": SuccessorsFile,
}
# Files a plan may have or not, with what stands for them when absent.
OPTIONAL_FILES: dict[str, type[Model]] = {"review": ReviewFile}
