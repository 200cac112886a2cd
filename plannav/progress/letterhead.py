"""The form of a drafted report (Nghị định 30/2020/NĐ-CP, Phụ lục I): its fixed words, the issuing body's
letterhead from plan/ (`letterhead` beside each body), the place of its date line, its summary line, to
whom it goes and who signs. IV.2.k says who reports to whom."""

from dataclasses import dataclass

from plannav.items import ItemIndex
from plannav.progress.models import period_title
from plannav.succession import carriers

# IV.2.k: the agencies report by the 18th to Văn phòng UBND tỉnh and Công an tỉnh; the Tổ công tác advises
# the Chủ tịch UBND tỉnh, who reports to Văn phòng Chính phủ and Bộ Công an before the 22nd.
AGENCY_ADDRESSEES = ("Văn phòng Ủy ban nhân dân tỉnh", "Công an tỉnh")


AGENCY_COPIES = ()


SUMMARY_ADDRESSEES = ("Văn phòng Chính phủ", "Bộ Công an")


def summary_copies(known_as: str) -> tuple[str, ...]:
    """Who receives a copy of the consolidated report, the working group named by the scheme it carries out."""
    return (
        "Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân tỉnh",
        f"Tổ công tác thực hiện {known_as} của tỉnh",
        "Công an tỉnh (cơ quan thường trực)",
        "Các sở, ban, ngành",
    )


@dataclass(frozen=True)
class DocumentForm:
    """The fixed words of an administrative document's form (Nghị định 30/2020/NĐ-CP, Appendix I), printed
    the same on a draft's page and in its Word document (exports/wordreport.py). Blanks are for staff."""

    national_title: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    kind: str = "BÁO CÁO"
    kind_symbol: str = "BC"  # the kind's abbreviation in the number (Nghị định 30/2020/NĐ-CP, Phụ lục III)
    blank: str = "……"  # what staff fill: the number, the day, an unknown symbol
    unknown_superior: str = "……………………"  # the line of a superior body not recorded: filled or struck out
    addressed: str = "Kính gửi:"
    recipients: str = "Nơi nhận:"
    as_above: str = "Như trên;"  # the addressees, in "Nơi nhận"
    filed: str = "Lưu: VT, ……"  # the issuing body's records, and the drafting unit's initials to fill
    head_signs: tuple[str, ...] = ("THỦ TRƯỞNG CƠ QUAN",)  # where the body's authority lines are not recorded
    appendix: str = "Phụ lục"
    results: str = "I. KẾT QUẢ THỰC HIỆN"
    difficulties: str = "II. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN"
    next_work: str = "III. NHIỆM VỤ TRỌNG TÂM {month}"
    proposals: str = "IV. ĐỀ XUẤT, KIẾN NGHỊ"
    none: str = "Không có."
    no_reason: str = "Chưa nêu"  # an overdue item's reason, where its report gives none
    # The consolidated table's last row adds up the agencies' rows: agency-item pairs, not the plan's items.
    pairs_total: str = "Tổng cộng (lượt cơ quan – việc)"
    sample_note: str = "DỮ LIỆU MẪU — báo cáo này soạn từ số liệu giả định, dùng để thử nghiệm; không phải báo cáo thật."


FORM = DocumentForm()


@dataclass(frozen=True)
class Letterhead:
    """The top left of a document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the body above the issuer, the
    issuer's name, its number; and the place of its date line. From the body's `letterhead` in plan/."""

    superior: str | None  # None: no line; FORM.unknown_superior where it is not recorded
    lines: tuple[str, ...]  # the issuer's name, in capitals, line by line
    symbol: str  # "STP"; FORM.blank where it is not recorded
    proposed: bool  # the symbol was not read in a document of the body: check it before signing
    place: str  # "Lâm Đồng": the province of the report's date
    unknown: tuple[str, ...] = ()  # what plan/ does not record, for the draft page to say

    @property
    def number_line(self) -> str:
        return f"Số: {FORM.blank}/{FORM.kind_symbol}-{self.symbol}"

    @property
    def place_date(self) -> str:
        return f"{self.place}, ngày {FORM.blank} tháng {FORM.blank} năm {FORM.blank}"


@dataclass(frozen=True)
class Heading:
    """What every drafted document starts and ends with (Nghị định 30/2020/NĐ-CP): who issues it, its
    summary line, to whom it goes, who signs. The form's fixed words are FORM's, above."""

    issuer: str  # the body's name, as in the text: "Sở Tư pháp tỉnh Lâm Đồng"
    letterhead: Letterhead
    summary: str  # the summary line under "BÁO CÁO"
    addressees: tuple[str, ...]  # Kính gửi
    copies: tuple[str, ...]  # in "Nơi nhận", after "Như trên"
    signs: tuple[str, ...]  # the authority lines: ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    period_title: str  # Tháng 10/2026
    sample: bool  # drafted from made-up reports: every document says so

    @property
    def appendix_line(self) -> str:
        """Under an appendix's title: which document it goes with, its number and date left as blanks."""
        return (
            f"(Kèm theo Báo cáo số {FORM.blank}/{FORM.kind_symbol}-{self.letterhead.symbol} "
            f"ngày {FORM.blank}/{FORM.blank}/{FORM.blank} của {self.issuer})"
        )


def summary_line(index: ItemIndex, period: str) -> str:
    who = index.identity
    return f"Kết quả thực hiện Kế hoạch triển khai {who.known_as} {who.issued_with}, {period_title(period).lower()}"


def province_body(index: ItemIndex) -> str:
    """The provincial committee that issued the plan, which issues the consolidated report and whose province
    every date line names: the body of the registry named as the decision names its issuer (Identity.committee;
    `make check` requires one, checks.agencies.committee_in_registry)."""
    return next(a.id for a in index.registry.agencies if a.name == index.identity.committee)


def province_name(index: ItemIndex, day: str) -> str:
    """The province of a day, as a date line writes it ("Lâm Đồng"): that of the body that carries the
    provincial committee's work that day (plan/successors.yaml)."""
    registry, committee = index.registry, province_body(index)
    found, _ = carriers(registry.successions, committee, day)
    name = registry.by_id[found[0].body if found else committee].name
    return name.split(" tỉnh ", 1)[1] if " tỉnh " in name else name


def letterhead(index: ItemIndex, agency_id: str, day: str) -> tuple[Letterhead, tuple[str, ...]]:
    """The body's letterhead on a day, and its authority lines: what plan/ records (`letterhead`), blanks
    for the clerk where it records nothing."""
    body = index.registry.by_id[agency_id]
    drawn = getattr(body, "letterhead", None)
    unknown = []
    if drawn is None or drawn.superior is None:
        superior = FORM.unknown_superior
        unknown.append("cơ quan cấp trên")
    else:
        superior = drawn.superior or None  # false: no line
    if drawn is None or drawn.symbol is None:
        unknown.append("ký hiệu")
    if drawn is None or not drawn.signs:
        unknown.append("chức danh người ký")
    head = Letterhead(
        superior,
        tuple(drawn.lines) if drawn and drawn.lines else (body.name.upper(),),
        drawn.symbol if drawn and drawn.symbol else FORM.blank,
        bool(drawn and drawn.symbol and not drawn.symbol_source),
        province_name(index, day),
        tuple(unknown),
    )
    return head, tuple(drawn.signs) if drawn and drawn.signs else FORM.head_signs


def heading_of(index: ItemIndex, agency_id: str, period: str, day: str, addressees, copies, sample: bool) -> Heading:
    head, signs = letterhead(index, agency_id, day)
    return Heading(
        index.registry.by_id[agency_id].name,
        head,
        summary_line(index, period),
        addressees,
        copies,
        signs,
        period_title(period),
        sample,
    )


def carrier(registry, agency_id: str, day: str) -> str:
    """The body that carries a body's work on a day (plan/successors.yaml): UBND tỉnh Lâm Đồng from July 2025."""
    found, _ = carriers(registry.successions, agency_id, day)
    return found[0].body if found else agency_id
