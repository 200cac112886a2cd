"""What the site calls the decision and its plan, taken from the plan files, so that the same tool
builds the site of another plan by replacing plan/: number, date, province, signer, years, counts."""

import datetime as dt
import re
from dataclasses import dataclass

from plannav.plan import Plan
from plannav.textnorm import fold, without_diacritics

# Counts written out at the start of a phrase, as Vietnamese prose does: "Năm nhóm tiện ích".
_NUMBER_WORDS = {1: "Một", 2: "Hai", 3: "Ba", 4: "Bốn", 5: "Năm", 6: "Sáu", 7: "Bảy", 8: "Tám", 9: "Chín", 10: "Mười"}


def count_word(count: int) -> str:
    """A count to open a phrase: 'Năm' for 5, digits past ten."""
    return _NUMBER_WORDS.get(count, str(count))


@dataclass(frozen=True)
class Identity:
    number: str  # "468/QĐ-UBND"
    date: dt.date  # the day it was signed
    province: str  # "Đắk Nông"
    signer: str
    known_as: str  # what staff call the scheme the plan carries out: "Đề án 06"
    first_year: int  # the span of the plan's objectives
    last_year: int
    instrument: str = "Quyết định"  # the kind of document that issued the plan (metadata.type)

    @property
    def date_text(self) -> str:
        """As the decision writes its own date: '01/3/2022'."""
        return f"{self.date.day:02d}/{self.date.month}/{self.date.year}"

    @property
    def committee(self) -> str:
        return f"Ủy ban nhân dân tỉnh {self.province}"

    @property
    def issued_with(self) -> str:
        """The plan as a report cites it: '… ban hành kèm theo Quyết định số 468/QĐ-UBND ngày 01/3/2022 của
        UBND tỉnh Đắk Nông'. Its own number is the decision's: the plan has none of its own."""
        return f"ban hành kèm theo {self.instrument} số {self.number} ngày {self.date_text} của {self.committee}"

    @property
    def plan_name(self) -> str:
        return f"Kế hoạch {self.number}"

    @property
    def site_name(self) -> str:
        return f"{self.plan_name} — {self.known_as} tỉnh {self.province}"

    @property
    def years(self) -> str:
        return f"{self.first_year}–{self.last_year}"

    @property
    def slug(self) -> str:
        """ASCII, for identifiers that outlive a build (calendar event ids): 'ke-hoach-468.dak-nong'."""
        ascii_words = lambda text: re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")  # "Đắk Nông" -> "dak-nong"
        return f"ke-hoach-{ascii_words(self.number.split('/')[0])}.{ascii_words(self.province)}"

    @property
    def ascii_name(self) -> str:
        """'Ke hoach 468/QD-UBND Dak Nong', for the calendar's product id."""
        return f"Ke hoach {without_diacritics(self.number)} {without_diacritics(self.province)}"


def identity(plan: Plan) -> Identity:
    meta, phases = plan.decision.metadata, [p for o in plan.objectives.specific.objectives for p in o.phases]
    years = [p.from_year for p in phases] + [p.to_year for p in phases if p.to_year]
    return Identity(
        meta.number,
        dt.date.fromisoformat(meta.issued_date),
        meta.place,
        meta.signer,
        plan.decision.plan.known_as,
        min(years),
        max(years),
        meta.type,
    )
