"""Every problem code the program can report, with what it means: `python -m plannav codes` prints them, and
a test holds every code the source can emit to this list. A code never changes once given: editors and
scripts search for it."""

# (code, meaning), grouped by what reports them, in the order `codes` prints them.
GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Reading a file (plan files and report files)",
        (
            ("plan-folder-missing", "the plan folder given does not exist or is not a folder"),
            ("file-missing", "a plan file the program needs is not in the folder"),
            ("file-unreadable", "a file could not be read (permissions, a folder where a file belongs)"),
            ("file-too-large", "a file is larger than a plan or report file can be: pasted data"),
            ("file-empty", "a file holds nothing"),
            ("not-utf8", "a file is not UTF-8 text"),
            ("forbidden-character", "a control, invisible or line-separating character that editors do not show"),
            ("yaml-syntax", "the file is not valid YAML (indentation, a missing colon or quote)"),
            ("yaml-alias", "a YAML anchor or alias (& or *): every value is written where it belongs"),
            ("yaml-tag", "a YAML tag (!something): values are plain text, numbers, lists and mappings"),
            ("duplicate-key", "the same key twice in one mapping: the second would silently win"),
            ("key-not-text", "a key that is not plain text (a number, a list)"),
            ("not-decimal", "a number YAML would read otherwise than written (octal, sexagesimal)"),
            ("too-deep", "values nested deeper than any plan file needs"),
            ("too-many-values", "more values in one file than one part of one decision holds"),
            ("not-a-mapping", "the file's top level is not a mapping of keys"),
            ("stale-schema", "a JSON Schema in plan/schema/ differs from the models: run make schema"),
        ),
    ),
    (
        "Drafting a plan from a decision's text (make draft-plan)",
        (
            ("not-plain-text", "the decision's file is a PDF, a Word document or other binary data, not plain text"),
            ("no-plan-structure", "the text has none of a plan's landmarks ('QUYẾT ĐỊNH:', parts I., II., …)"),
            ("output-exists", "the folder to write the draft into already holds files"),
            ("draft-does-not-check", "the text read into a plan that would not pass make check: a damaged copy"),
            ("review-note", "a warning: a reading of the decision's text the draft is not sure of (review.yaml)"),
        ),
    ),
    (
        "The shape of a plan file (its JSON Schema)",
        (
            ("unknown-key", "a key the file's model does not have: a typo, or a key in the wrong place"),
            ("missing-key", "a required key is absent"),
            ("wrong-type", "a value of the wrong type (a number where text belongs, text where a list does)"),
            ("wrong-format", "text that does not have the expected form (an id, a date, a reference, a symbol)"),
            ("too-long", "a name longer than a name can be: pasted text"),
            ("empty-list", "a list that must hold at least one entry is empty"),
            ("deadline-kind", "a deadline whose `kind` is not one of the kinds of deadline"),
            ("not-allowed", "a value outside the values listed for the key"),
            ("invalid-value", "a value the model refuses for a reason it states"),
            ("more-problems", "a summary line: further problems of the same kind in the same place"),
        ),
    ),
    (
        "References between the plan's parts",
        (
            ("unknown-agency", "an agency id that agencies.yaml (or successors.yaml) does not list"),
            ("unknown-group", "a group id that is not a group of agencies.yaml"),
            ("unknown-task", "a Part II task reference (2.đ) that tasks.yaml does not have"),
            ("unknown-duty", "a Part IV duty reference (1.d) that responsibilities.yaml does not have"),
            ("unknown-procedure", "a procedure number that procedures.yaml does not have"),
            ("unknown-document", "a document id that documents.yaml (or successors.yaml) does not list"),
            ("self-join", "a procedure listed as joined ('liên thông') with itself"),
            ("duplicate-id", "two entries with the same id"),
            ("duplicate-number", "two entries with the same number"),
            ("duplicate-restatement", "two Appendix II rows restate the same Part II task"),
            ("reserved-id", "an id that a section's own page uses"),
            ("objective-count", "a utility group without exactly one specific objective"),
        ),
    ),
    (
        "Who does what (roles)",
        (
            ("who-unresolved", "a wording of who does the work that names no known body"),
            ("who-mismatch", "the bodies recorded for an item differ from those its text names"),
            ("no-lead", "an item with no lead ('chủ trì')"),
            ("duty-roles", "a Part IV duty whose roles break its section's rule without a recorded basis"),
            ("duty-agency-unnamed", "a Part IV section lists a body its heading does not name"),
            ("exclusion", "a body both given a role and excluded (`not_for`) on the same duty"),
        ),
    ),
    (
        "Deadlines",
        (
            ("deadline-not-quoted", "a deadline's wording does not occur in its item's text"),
            ("deadline-mismatch", "a deadline's normalised date does not say what its wording says"),
            ("deadline-unreadable", "a deadline's wording gives no date the program can read"),
            ("deadline-applies-elsewhere", "a deadline applies to a body that neither leads nor coordinates the item"),
            ("deadline-meaning-unstated", "a dated deadline whose wording leaves open whether its day is due or start"),
        ),
    ),
    (
        "The agency registry",
        (
            ("unreferenced-agency", "an agency no text names and no item refers to"),
            ("unused-wording", "a wording of an agency that occurs nowhere in the plan"),
            ("duplicate-wording", "the same wording listed twice for one agency"),
            ("wording-claimed-twice", "one wording listed for two agencies"),
            ("group-without-members", "a closed group with no members"),
            ("group-cycle", "a group that contains itself through its members"),
            ("members-of-a-body", "members listed on a body that is not a group"),
            ("open-group", "`open: true` on a body that is not a group"),
            ("letterhead-of-group", "a letterhead on a group, which issues no documents"),
            ("letterhead-source-without-symbol", "where a symbol was read is given, but no symbol"),
            ("committee-not-in-registry", "no body of the registry bears the name of the committee that issued the plan"),
        ),
    ),
    (
        "Documents and abbreviations",
        (
            ("unregistered-document", "a text cites a document number that documents.yaml does not list"),
            ("uncited-document", "a document that no text cites and that is not listed as related"),
            ("duplicate-document", "two documents with the same number"),
            ("document-unverifiable", "a document without a number that also lacks its issuer, date or source"),
            ("abbreviation-not-found", "a full form of an abbreviation that does not occur in the decision"),
            ("duplicate-abbreviation", "a short form listed in two entries of abbreviations.yaml"),
            ("initials-shared", "two different names give the same initials: the search could not tell them apart"),
        ),
    ),
    (
        "Successions (successors.yaml)",
        (
            ("unknown-predecessor", "a succession `of:` a body that is neither in agencies.yaml nor formed since"),
            ("unknown-successor", "an heir that is not a body of either file"),
            ("unknown-basis", "a succession's basis that is not a known document"),
            ("succession-without-basis", "a succession with no basis document"),
            ("succession-cycle", "successions that lead back to where they start"),
            ("succession-before-plan", "a succession dated before the decision"),
            ("succession-before-basis", "a succession dated before its basis takes effect"),
            ("heir-not-yet-formed", "an heir that is formed after the day it takes the work"),
            ("ceases-when-formed", "an heir that ceases the day it is formed"),
            ("duplicate-succession", "two successions of one body on one day"),
            ("duplicate-heir", "the same heir twice in one succession"),
            ("duplicate-body", "a body formed since listed twice, or with an id agencies.yaml uses"),
            ("collective-heir", "a group or an open wording named as an heir"),
            ("partial-shares", "shares given to some heirs of a split and not to the others"),
            ("unused-body", "a body formed since that succeeds no one"),
        ),
    ),
    (
        "Progress reports (progress/<YYYY-MM>/<agency>.yaml)",
        (
            ("progress-layout", "a file or folder in progress/ that is not where reports go"),
            ("not-a-reporter", "a report from a body with nothing to report on"),
            ("not-there-that-month", "a report from a body that did not exist, or whose work had passed on, that month"),
            ("period-before-plan", "a report for a month before the decision's"),
            ("report-date", "a report dated outside its month and the month after"),
            ("unknown-item", "an item that the plan does not have"),
            ("not-its-item", "an item the body does not report on"),
            ("duplicate-entry", "the same item twice in one report"),
            ("completed-missing", "Hoàn thành without the day it was done"),
            ("completed-not-done", "a completion day on an item not reported done"),
            ("completed-after-report", "a completion day after the report's date"),
            ("completed-before-plan", "a completion day before the decision"),
            ("reason-missing", "Không thực hiện without its reason"),
        ),
    ),
    (
        "Importing a filled report form (make import-report)",
        (
            ("not-xlsx", "the file is not an Excel workbook (.xlsx)"),
            ("zip-bomb", "a part of the workbook would unpack far larger than a report form can be"),
            ("form-too-large", "a workbook larger than any report form"),
            ("not-a-form", "a workbook that is not the site's report form"),
            ("form-changed", "the form's header row lacks columns: they were deleted or renamed"),
            ("empty-form", "no row of the form was filled"),
            ("unknown-status", "a status that is not one of the four in the drop-down list"),
            ("not-a-date", "a date that cannot be read as a day"),
            ("formula", "a cell holding a formula: the form is read, not computed"),
            ("unknown-column", "a warning: a cell typed outside the form's columns, not imported"),
            ("ignored-row", "a warning: a filled row without a Mã, not imported"),
            ("read-only-typed", "a warning: text typed into a read-only column, not imported"),
            ("read-only-changed", "a warning: a read-only wording differs from today's plan"),
            ("beyond-form", "a warning: the sheet claims rows far below the form's, not read"),
            ("sample-folder", "a warning: a real report imported into a folder of sample reports"),
            ("report-exists", "a report for that agency and month is already there (REPLACE=1 to replace it)"),
        ),
    ),
)

CODES: dict[str, str] = {code: meaning for _, group in GROUPS for code, meaning in group}


def listing() -> str:
    """The catalogue as `python -m plannav codes` prints it."""
    lines = []
    for title, group in GROUPS:
        lines.append(title)
        lines += [f"  {code:<34} {meaning}" for code, meaning in group]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
