"""Names of bodies in running text, where no list of who does the work sets them apart: a name from its
institution's word to where the sentence goes on ("Sở Tài chính tham mưu …"), a collective wording ("các
Sở, ngành"), and the committee that issued the plan."""

import re

from plannav.matching import PhraseMatcher
from plannav.planreader.bodies import NAME_START

# A collective wording in running text: "các Sở, ngành", "các Sở, Ban, ngành, địa phương".
_PROSE_COLLECTIVE = re.compile(r"(?<!\w)[Cc]ác (?:Sở|Ban|Bộ)(?:,? (?:Sở|Ban|ngành|địa phương|Bộ)(?!\w))+")


def prose_collectives(text: str, known: PhraseMatcher) -> list[str]:
    covered = [(m.start, m.end) for m in known.find(text)]
    return [m.group(0) for m in _PROSE_COLLECTIVE.finditer(text) if not any(s <= m.start() < e for s, e in covered)]


def committee_wordings(text: str, place: str, known: PhraseMatcher) -> list[str]:
    """How the text names the committee that issued the plan, where no longer known name holds it."""
    pattern = re.compile(rf"(?<!\w)(?:Ủy ban nhân dân|UBND) tỉnh(?: {re.escape(place)})?(?!\w)")
    covered = [(m.start, m.end) for m in known.find(text)]
    return [m.group(0) for m in pattern.finditer(text) if not any(s <= m.start() < e for s, e in covered)]


# Lower-case words that end a name in running text: what the sentence goes on with ("Sở Tài chính tham mưu
# …", "Bộ Công an hướng dẫn …"). A capitalised word never ends one; "và" goes on only before a capital.
_ENDS_NAME = {
    "về",
    "với",
    "của",
    "để",
    "trong",
    "theo",
    "tại",
    "khi",
    "đã",
    "có",
    "là",
    "được",
    "cho",
    "cùng",
    "sẽ",
    "đang",
    "các",
    "những",
    "mà",
    "nhằm",
    "đến",
    "từ",
    "trên",
    "như",
    "hoặc",
    "thì",
    "đối",
    "gửi",
    "qua",
    "trước",
    "sau",
    "ngày",
    "hàng",
    "hằng",
    "năm",
    "tháng",
    "giao",
    "chịu",
    "nếu",
    "hỗ",
    "đôn",
    "ưu",
    "lập",
    "rà",
    "phận",
}
# Two words that go on with the sentence though either may stand in a name ("ban" in "Ủy ban").
_ENDS_NAME_PAIRS = {
    "ban hành",
    "tổ chức",
    "chủ trì",
    "phối hợp",
    "thực hiện",
    "triển khai",
    "báo cáo",
    "hướng dẫn",
    "cung cấp",
    "phê duyệt",
    "quy định",
    "tham mưu",
    "bảo đảm",
    "đảm bảo",
    "bố trí",
    "xây dựng",
    "kết nối",
    "hoàn thành",
    "tiếp nhận",
    "đề nghị",
    "phục vụ",
    "căn cứ",
    "chỉ đạo",
    "tham gia",
    "nghiên cứu",
    "trực tiếp",
    "khai thác",
}
_WORD = re.compile(r"\s+([\w&-]+)")


def _name_words(words: list[str]) -> list[str]:
    """The words of a name after its institution's word: up to its last capitalised word and one lower-case
    word after it ("Bộ Tư pháp", "Thủ tướng Chính phủ"), none after a proper name of two capitalised words
    ("Bảo hiểm xã hội Việt Nam"); or, with no capitalised word, up to "tỉnh" ("Bảo hiểm xã hội tỉnh")."""
    capitals = [i for i, w in enumerate(words) if w[0].isupper()]
    tail_start = capitals[-1] + 1 if capitals else 0
    tail = words[tail_start:]
    if "tỉnh" in tail[:4]:
        return words[: tail_start + tail.index("tỉnh") + 1]
    if not capitals:
        return []
    proper = len(capitals) > 1 and capitals[-2] == capitals[-1] - 1
    return words[: tail_start + (0 if proper else min(len(tail), 1))]


def prose_names(text: str, known: PhraseMatcher) -> list[str]:
    """Names in running text that no wording known so far covers: an institution's word and the words after
    it, up to the punctuation or the word where the sentence goes on ("Sở Tài chính tham mưu …"). A name
    holds a capitalised word after its first, or ends in "tỉnh" ("Công an tỉnh")."""
    covered = [(m.start, m.end) for m in known.find(text)]
    out = []
    for m in NAME_START.finditer(text):
        if any(start <= m.start() < end for start, end in covered) or m.group(0) in ("Giám đốc", "Thủ trưởng"):
            continue  # a head's title: the body's own name follows and is read from its own word
        end, words = m.end(), []
        while len(words) < 8 and (w := _WORD.match(text, end)):
            word = w.group(1)
            following = _WORD.match(text, w.end())
            pair = f"{word} {following.group(1)}" if following else ""
            next_is_name = following and following.group(1)[0].isupper() and not NAME_START.match(text, following.start(1))
            if word[0].islower() and (word in _ENDS_NAME or pair in _ENDS_NAME_PAIRS or word == "và" and not next_is_name):
                break
            if words and word[0].isupper() and NAME_START.match(text, w.start(1)):
                break  # another body's name begins
            words.append(word)
            end = w.end()
        kept = _name_words(words)
        if kept:
            out.append(" ".join([text[m.start() : m.end()], *kept]))
    return out
