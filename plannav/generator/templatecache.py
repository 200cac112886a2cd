"""The theme's templates compiled once per process: mkdocs makes a new Jinja environment for each build, and
compiling the theme's templates again is a tenth of a `make serve` rebuild. Kept by Jinja's own bytecode
cache, whose key is each template's name and source: an edited template is compiled again."""

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)  # left empty where the template's source changed since

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


THEME_TEMPLATES = MemoryBytecodeCache()
