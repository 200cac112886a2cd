"""Finding legal documents cited in text: by number ("34/2021/QĐ-TTg") or by name."""

import re
from functools import cached_property

from plannav.matching import PhraseMatcher
from plannav.models import DocumentsFile

# A Vietnamese document number: 468/QĐ-UBND, 137/2015/NĐ-CP, 32/TTr-CAT.
DOCUMENT_NUMBER = re.compile(r"(?<![\w/])\d+/(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ]*-[A-ZĐ][A-Za-zĐđ]*(?![\w/])")


class DocumentIndex:
    def __init__(self, documents: DocumentsFile):
        self.documents = documents.documents
        self.by_number = {d.number: d.id for d in self.documents if d.number}

    @cached_property
    def name_matcher(self) -> PhraseMatcher:
        return PhraseMatcher({w: d.id for d in self.documents for w in d.wordings})

    def numbers_in(self, text: str) -> list[re.Match]:
        return list(DOCUMENT_NUMBER.finditer(text))

    def cited(self, text: str) -> list[str]:
        """Document ids cited in the text, in order of first appearance."""
        found = [(m.start(), self.by_number[m.group(0)]) for m in self.numbers_in(text) if m.group(0) in self.by_number]
        found += [(m.start, m.target) for m in self.name_matcher.find(text)]
        return list(dict.fromkeys(doc for _, doc in sorted(found)))

    def unknown_numbers(self, text: str) -> list[str]:
        return [m.group(0) for m in self.numbers_in(text) if m.group(0) not in self.by_number]
