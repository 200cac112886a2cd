"""Parsing one plan YAML text with libyaml, safely: dates kept as text (by the parser, and by the resolver
that gives an untagged value its tag), and aliases, anchors, absurd nesting and pasted data refused in a
flat pass over the parse events before any node is composed.

``yamlsource`` turns the node tree composed here into the file's data with the line of every key and item.
"""

import yaml

MAX_DEPTH = 40
# Keys, values, lists and mappings in one file. The real plan has a few thousand, a plan fifty times
# its size (scripts/synthetic_plan.py) a few tens of thousands; rows pasted by the hundred thousand are
# refused before they cost memory.
MAX_VALUES = 250_000


def _without_timestamps(resolvers):
    return {
        first: [(tag, regexp) for tag, regexp in entries if tag != "tag:yaml.org,2002:timestamp"]
        for first, entries in resolvers.items()
    }


class _FastLoader(yaml.CSafeLoader):
    """libyaml's parser (about 20 times faster than PyYAML's own; its wheels ship it), with dates kept as text."""

    yaml_implicit_resolvers = _without_timestamps(yaml.CSafeLoader.yaml_implicit_resolvers)


class _PlainResolver(yaml.resolver.Resolver):
    """The tags YAML gives untagged values, dates kept as text as in _FastLoader."""

    yaml_implicit_resolvers = _without_timestamps(yaml.resolver.Resolver.yaml_implicit_resolvers)


RESOLVER = _PlainResolver()


_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def compose(text: str):
    """The document's node tree, refusing aliases, anchors and deep nesting before composing."""
    # A flat pass over the events first: it costs little and never recurses.
    depth = values = 0
    for event in yaml.parse(text, Loader=_FastLoader):
        values += 1
        if values > MAX_VALUES:
            raise Refused(
                event.start_mark,
                f"more than {MAX_VALUES:,} values in one file",
                "a plan file holds one part of one decision; remove pasted data",
                "too-many-values",
            )
        if isinstance(event, yaml.AliasEvent):
            raise Refused(
                event.start_mark,
                "YAML aliases (*name) are not allowed in plan files",
                "write the value out in full; anchors and aliases make plans hard to read",
                "yaml-alias",
            )
        if getattr(event, "anchor", None):
            raise Refused(
                event.start_mark,
                "YAML anchors (&name) are not allowed in plan files",
                "remove the anchor and write values out in full",
                "yaml-alias",
            )
        if isinstance(event, _OPENS):
            depth += 1
            if depth > MAX_DEPTH:
                raise Refused(
                    event.start_mark,
                    f"nested more than {MAX_DEPTH} levels deep",
                    "plan files are at most a few levels deep; check the indentation",
                    "too-deep",
                )
        elif isinstance(event, _CLOSES):
            depth -= 1
    return yaml.compose(text, Loader=_FastLoader)


class Refused(Exception):
    def __init__(self, mark, message, hint, code):
        super().__init__(message)
        self.mark, self.message, self.hint, self.code = mark, message, hint, code


def load_checked(text: str):
    """The data of a text that parse_source has read in this build and found clean (another process of
    the same build did): the same values, read by libyaml alone, without the line of each."""
    return yaml.load(text, Loader=_FastLoader)
