"""Reading one plan YAML file safely, keeping the line of every key and item.

PyYAML nodes carry ``start_mark``; we compose nodes ourselves instead of calling
``safe_load`` so that each value's path maps to its line, duplicate keys are caught,
and aliases, custom tags and absurd nesting are refused before they can cost anything.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from plannav.problems import Problem, format_path

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40


def _without_timestamps(resolvers):
    return {first: [(tag, regexp) for tag, regexp in entries if tag != "tag:yaml.org,2002:timestamp"]
            for first, entries in resolvers.items()}



class _PlanLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text and refuses aliases and deep nesting."""

    yaml_implicit_resolvers = _without_timestamps(yaml.SafeLoader.yaml_implicit_resolvers)

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(event.start_mark, "YAML aliases (*name) are not allowed in plan files",
                           "write the value out in full; anchors and aliases make plans hard to read")
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise _Refused(event.start_mark, "YAML anchors (&name) are not allowed in plan files",
                           "remove the anchor and write values out in full")
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(event.start_mark, f"nested more than {MAX_DEPTH} levels deep",
                               "plan files are at most a few levels deep; check the indentation")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


if yaml.__with_libyaml__:
    class _FastLoader(yaml.CSafeLoader):
        """libyaml's parser (about 20 times faster), with dates kept as text."""

        yaml_implicit_resolvers = _without_timestamps(yaml.CSafeLoader.yaml_implicit_resolvers)
else:  # pragma: no cover - PyYAML wheels ship libyaml on the platforms we build on
    _FastLoader = None

_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _compose(text: str):
    """The document's node tree, refusing aliases, anchors and deep nesting before composing."""
    if _FastLoader is None:
        loader = _PlanLoader(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    # A flat pass over the events first: it costs little and never recurses.
    depth = 0
    for event in yaml.parse(text, Loader=_FastLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, "YAML aliases (*name) are not allowed in plan files",
                           "write the value out in full; anchors and aliases make plans hard to read")
        if getattr(event, "anchor", None):
            raise _Refused(event.start_mark, "YAML anchors (&name) are not allowed in plan files",
                           "remove the anchor and write values out in full")
        if isinstance(event, _OPENS):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(event.start_mark, f"nested more than {MAX_DEPTH} levels deep",
                               "plan files are at most a few levels deep; check the indentation")
        elif isinstance(event, _CLOSES):
            depth -= 1
    return yaml.compose(text, Loader=_FastLoader)


class _Refused(Exception):
    def __init__(self, mark, message, hint):
        super().__init__(message)
        self.mark, self.message, self.hint = mark, message, hint


_TYPE_NAMES = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:bool": bool,
    "tag:yaml.org,2002:null": type(None),
    "tag:yaml.org,2002:float": float,
}


_SCALARS = yaml.constructor.SafeConstructor()
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


@dataclass
class SourceFile:
    """A loaded YAML file: its data and the line of every path in it."""

    path: str
    data: object = None
    lines: dict = field(default_factory=dict)

    def line_of(self, parts) -> int:
        """Line of the deepest known prefix of ``parts`` (1 if nothing matches)."""
        parts = tuple(parts)
        for end in range(len(parts), -1, -1):
            if parts[:end] in self.lines:
                return self.lines[parts[:end]]
        return 1

    def problem(self, parts, message: str, hint: str = "") -> Problem:
        return Problem(self.path, self.line_of(parts), format_path(parts), message, hint)


def read_source(path: Path, display: str) -> tuple[SourceFile, list[Problem]]:
    """Load ``path``; on any problem return what could be read and the problems."""
    source = SourceFile(display)
    if not path.is_file():
        return source, [Problem(display, 0, "", "file is missing",
                                f"create {display}; every plan file is required")]
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return source, [Problem(display, 0, "", f"file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit",
                                "a plan file holds one part of one decision; split it or remove pasted data")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return source, [Problem(display, line, "", f"not UTF-8: byte 0x{raw[err.start]:02x} cannot be decoded",
                                "save the file as UTF-8 (most editors: 'Save with encoding')")]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return source, [Problem(display, 1, "", "file is empty", "restore its content from version control")]
    problems: list[Problem] = []
    try:
        node = _compose(text)
    except _Refused as err:
        return source, [Problem(display, err.mark.line + 1, "", err.message, err.hint)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = (mark.line + 1) if mark else 1
        what = " ".join(x for x in (err.context, err.problem) if x)
        lines = text.splitlines()
        if "\t" in text and ("\t" in what or any("\t" in ln for ln in lines[max(0, line - 2) : line])):
            hint = "YAML indents with spaces, never tabs: replace the tab with spaces"
        else:
            hint = "check the indentation, a missing ':' or an unclosed quote on this line or the one above"
        return source, [Problem(display, line, "", f"YAML syntax error: {what}", hint)]
    except yaml.YAMLError as err:
        return source, [Problem(display, 1, "", f"YAML error: {err}", "check the file's syntax")]
    except RecursionError:
        return source, [Problem(display, 1, "", "nested too deeply to read", "check the indentation")]
    if node is None:
        return source, [Problem(display, 1, "", "file is empty", "restore its content from version control")]
    source.data = _build(node, (), source, problems)
    return source, problems


def _build(node, parts, source: SourceFile, problems: list[Problem]):
    source.lines.setdefault(parts, node.start_mark.line + 1)
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _COLLECTION_TAGS:
        problems.append(Problem(source.path, node.start_mark.line + 1, format_path(parts),
                                f"unsupported YAML tag {node.tag}", "remove the '!tag'; plan values are plain mappings and lists"))
        return None
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(source.path, key_node.start_mark.line + 1, format_path(parts),
                                        "a key must be plain text", "write keys as simple words: `text:`"))
                continue
            key = key_node.value
            child = parts + (key,)
            if key in result:
                problems.append(Problem(source.path, key_node.start_mark.line + 1, format_path(child),
                                        f"duplicate key '{key}' (first at line {source.lines[child]})",
                                        "remove one of them; YAML would silently keep only the last"))
                continue
            source.lines[child] = key_node.start_mark.line + 1
            result[key] = _build(value_node, child, source, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, parts + (i,), source, problems) for i, item in enumerate(node.value)]
    if node.tag not in _TYPE_NAMES:
        problems.append(Problem(source.path, node.start_mark.line + 1, format_path(parts),
                                f"unsupported YAML tag {node.tag}", "remove the '!tag'; plan values are plain text, numbers, true/false"))
        return node.value
    return _SCALARS.construct_object(node)
