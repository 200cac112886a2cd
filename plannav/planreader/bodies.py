"""The agency registry of a draft: every body the text names, each with the wordings it is named by.

Names are read where the text lists who does the work ("Cơ quan thực hiện", the appendix tables, the
headings of Part IV), where they are separated only by commas, "và", ";" and the words of roles; a name
in running text is one of those, or a name beginning with an institution's word ("Bộ Công an", read by
`prosenames`). Wordings of one body are told by a key: case, "UBND", a title before it ("Giám đốc"), the
province's name after it and the aliases the text defines ("(sau đây gọi tắt là …)") make no difference.
A collective wording ("các Sở, Ban, ngành, địa phương có liên quan") is a group."""

import re
from dataclasses import dataclass, field

from plannav.matching import PhraseMatcher
from plannav.textnorm import ALIAS_DEFINITION, match_key, slugify

# Words an institution's name begins with. A name of one of these words alone ("Ban" in "các Sở, Ban,
# ngành") is part of a collective wording, not a body.
HEADS = (
    "Ban Chỉ đạo",
    "Bảo hiểm",
    "Bộ Chỉ huy",
    "Bộ",
    "Bưu điện",
    "Chi cục",
    "Chánh Văn phòng",
    "Chủ tịch",
    "Công an",
    "Công ty",
    "Cục",
    "Điện lực",
    "Đài",
    "Giám đốc",
    "Hội",
    "Kho bạc",
    "Liên đoàn",
    "Ngân hàng",
    "Quốc hội",
    "Sở",
    "Thanh tra",
    "Thủ trưởng",
    "Thủ tướng",
    "Tòa án",
    "Toà án",
    "Tổ công tác",
    "Tổng công ty",
    "Trung tâm",
    "Ủy ban",
    "UBND",
    "Văn phòng",
    "Viện",
    "Ban",
)
# Words that begin a collective wording, and the words of one that name no enumerable bodies.
COLLECTIVE = re.compile(r"^(thủ trưởng |chủ tịch )?(các |những )", re.IGNORECASE)
OPEN_WORDS = re.compile(r"\b(liên quan|đơn vị|cơ quan|tổ chức|doanh nghiệp)\b", re.IGNORECASE)
ROLE_WORDS = re.compile(
    r"(?<!\w)(?:đề nghị\s+)?(?:chủ trì|phối hợp(?: chặt chẽ)?(?: với)?|cùng với|cùng)(?!\w)", re.IGNORECASE
)
_HEAD = "|".join(re.escape(h) for h in sorted(HEADS, key=len, reverse=True))
_STARTS_BODY = re.compile(rf"^(?:{_HEAD}|các|Các|địa phương|đơn vị|cơ quan|doanh nghiệp)(?!\w)")
# After a comma only a body's own name or a new collective wording begins a body: "các Sở, Ban, ngành,
# địa phương" is one wording.
_STARTS_BODY_AFTER_COMMA = re.compile(rf"^(?:(?:{_HEAD})\s+[^\s,]|các\s|Các\s)")
_TITLES = re.compile(r"^(giám đốc|chánh|thủ trưởng)\s+", re.IGNORECASE)
# Where a body's name begins: its institution's word.
NAME_START = re.compile(rf"(?<!\w)(?:{_HEAD})(?!\w)")


def body_key(wording: str, province: str) -> str:
    """What two wordings of one body share."""
    key = match_key(wording)
    key = re.sub(r"\bubnd\b", "ủy ban nhân dân", key).replace("toà", "tòa").replace("uỷ", "ủy")
    key = re.sub(r"\s*-\s*", " - ", key)
    key = _TITLES.sub("", key)
    if province:
        key = re.sub(rf"\s+tỉnh\s+{re.escape(match_key(province))}$", " tỉnh", key)
    key = re.sub(r"\s+tỉnh$", "", key)
    if COLLECTIVE.match(key) or key.startswith("chủ tịch ủy ban nhân dân các"):
        key = COLLECTIVE.sub("", re.sub(r"^chủ tịch\s+", "", key))
        key = re.sub(r"\s+(có )?liên quan$", "", key).replace(" và các ", ", ")
    return key.strip(" .,;")


def split_names(phrase: str) -> list[str]:
    """The names in a wording of who does the work, in order, without the words of roles."""
    text = ALIAS_DEFINITION.sub("", phrase).strip().rstrip(".;,").strip()
    pieces = []
    for segment in re.split(r"\s*;\s*|" + ROLE_WORDS.pattern, text, flags=re.IGNORECASE):
        if segment and segment.strip(" ,.:"):
            pieces += _split_segment(segment.strip(" ,.:"))
    return [p for p in pieces if p]


def _split_segment(segment: str) -> list[str]:
    out: list[str] = []
    for part in _split_before(segment, r"\s+và\s+", _STARTS_BODY):
        out += _split_before(part, r"\s*,\s*", _STARTS_BODY_AFTER_COMMA)
    return [o.strip(" ,.") for o in out if o.strip(" ,.")]


def _split_before(text: str, separator: str, starts: re.Pattern) -> list[str]:
    """Split at a separator only where what follows begins a body's name ('và Xã hội' stays whole)."""
    pieces, start = [], 0
    for m in re.finditer(separator, text):
        rest = text[m.end() :]
        if starts.match(rest) and not re.match(r"^(Ban|Bộ|Sở)\s*,", rest):
            pieces.append(text[start : m.start()])
            start = m.end()
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


@dataclass
class Body:
    key: str
    wordings: list[str] = field(default_factory=list)
    first_line: int = 0
    in_prose_only: bool = False  # named only in running text, where a name's end is read less surely

    @property
    def collective(self) -> bool:
        return bool(COLLECTIVE.match(match_key(self.wordings[0]))) and not _local(self.key)


def _local(key: str) -> bool:
    return key.startswith("ủy ban nhân dân các") or key.startswith("ủy ban nhân dân cấp")


class BodyRegistry:
    """The bodies found so far, by key, in the order first seen."""

    def __init__(self, province: str):
        self.province = province
        self.bodies: dict[str, Body] = {}
        self.aliases: dict[str, str] = {}  # an abbreviation's key -> the key of the name it stands for

    def add(self, wording: str, line: int, in_prose: bool = False) -> str:
        wording = wording.strip(" ,.;:")
        key = body_key(wording, self.province)
        key = self.aliases.get(key, key)
        body = self.bodies.setdefault(key, Body(key, first_line=line, in_prose_only=in_prose))
        if wording not in body.wordings:
            body.wordings.append(wording)
        return key

    def alias(self, short: str, full: str, line: int) -> None:
        """The text's own "X (sau đây gọi tắt là Y)": Y names X's body, X from its institution's word on."""
        start = NAME_START.search(full)
        if not start:
            return
        full = full[start.start() :]
        self.aliases[body_key(short, self.province)] = self.add(full, line)
        self.add(short, line)

    def committee_key(self) -> str:
        """The committee that issued the plan, registered under its full name if the text never names it."""
        return self.add(f"Ủy ban nhân dân tỉnh {self.province}", 0)

    def matcher(self) -> PhraseMatcher:
        return PhraseMatcher({w: key for key, body in self.bodies.items() for w in body.wordings})

    def ids(self) -> dict[str, str]:
        """Each body's id: the slug of its name, unique."""
        out, used = {}, set()
        for key, body in self.bodies.items():
            slug = slugify(canonical_name(body))[:60].strip("-") or "co-quan"
            candidate, n = slug, 2
            while candidate in used:
                candidate, n = f"{slug}-{n}", n + 1
            used.add(candidate)
            out[key] = candidate
        return out


def canonical_name(body: Body) -> str:
    """The name a body's page shows: a wording without abbreviation or title, the longest such."""
    untitled = [w for w in body.wordings if not _TITLES.match(w)] or body.wordings
    plain = [w for w in untitled if "UBND" not in w] or [re.sub(r"\bUBND\b", "Ủy ban nhân dân", w) for w in untitled]
    return max(plain, key=lambda w: (sum(c.isupper() for c in w[:1]), len(w)))


def kind_of(body: Body) -> str:
    key = body.key
    if body.collective:
        return "group"
    if _local(key):
        return "local-government"
    if re.match(r"^(ủy ban nhân dân|chủ tịch|ban chỉ đạo|tổ công tác)", key):
        return "provincial-leadership"
    if re.match(r"^(thủ tướng|chính phủ|quốc hội|văn phòng chính phủ|bộ (?!chỉ huy))", key) or re.search(
        r"(việt nam|quốc gia|trung ương)", key
    ):
        return "national"
    if re.match(r"^(điện lực|công ty|tổng công ty|bưu điện)", key):
        return "enterprise"
    if re.match(r"^(cục|chi cục|bảo hiểm|ngân hàng|tòa án|viện|kho bạc)", key):
        return "central-in-province"
    return "provincial-agency"


def is_open(body: Body) -> bool:
    """A collective wording that names no enumerable bodies: 'các đơn vị có liên quan'."""
    return bool(OPEN_WORDS.search(body.key))


def is_bare(wording: str) -> bool:
    """A wording too common in prose to link there: lower case, a word or two ('địa phương')."""
    return wording == wording.lower() and len(wording.split()) <= 2
