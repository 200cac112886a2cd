"""Reading one plan YAML file safely, keeping the line of every key and item.

PyYAML nodes carry ``start_mark``; we compose nodes ourselves (``yamlparse``, which refuses aliases, anchors
and absurd nesting before they can cost anything) instead of calling ``safe_load``, so that each value's
path maps to its line, and duplicate keys and custom tags are caught.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from plannav.problems import Problem, format_path
from plannav.textfile import read_text
from plannav.textnorm import FORBIDDEN, character_name
from plannav.yamlparse import RESOLVER, Refused, compose

# The scalar tags a plan value may have: text, numbers, true/false, null.
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:float",
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

    def problem(self, parts, message: str, hint: str, code: str) -> Problem:
        return Problem(self.path, self.line_of(parts), format_path(parts), message, hint, code)


def read_source(path: Path, display: str) -> tuple[SourceFile, list[Problem]]:
    """Load ``path``; on any problem return what could be read and the problems."""
    text, problems = read_text(path, display)
    return (SourceFile(display), problems) if text is None else parse_source(text, display)


def parse_source(text: str, display: str) -> tuple[SourceFile, list[Problem]]:
    """Parse a plan file's text (as read_text returned it); on any problem return what could be read
    and the problems."""
    source, problems = SourceFile(display), []
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return source, [
            Problem(display, 1, "", "file is empty", "restore its content from version control", code="file-empty")
        ]
    try:
        node = compose(text)
    except Refused as err:
        return source, [Problem(display, err.mark.line + 1, "", err.message, err.hint, code=err.code)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = (mark.line + 1) if mark else 1
        what = " ".join(x for x in (err.context, err.problem) if x)
        lines = text.splitlines()
        if "\t" in text and ("\t" in what or any("\t" in ln for ln in lines[max(0, line - 2) : line])):
            hint = "YAML indents with spaces, never tabs: replace the tab with spaces"
        else:
            hint = "check the indentation, a missing ':' or an unclosed quote on this line or the one above"
        return source, [Problem(display, line, "", f"YAML syntax error: {what}", hint, code="yaml-syntax")]
    except yaml.YAMLError as err:
        return source, [Problem(display, 1, "", f"YAML error: {err}", "check the file's syntax", code="yaml-syntax")]
    except RecursionError:
        return source, [Problem(display, 1, "", "nested too deeply to read", "check the indentation", code="too-deep")]
    if node is None:
        return source, [
            Problem(display, 1, "", "file is empty", "restore its content from version control", code="file-empty")
        ]
    source.data = _build(node, (), source, problems)
    if source.data is None and not problems:
        return source, [
            Problem(
                display,
                node.start_mark.line + 1,
                "",
                "file holds no values, only a null ('~')",
                "restore its content from version control",
                code="file-empty",
            )
        ]
    return source, problems


def _problem(source: SourceFile, node, parts, message: str, hint: str, code: str) -> Problem:
    """A problem at the line of a node of the file."""
    return Problem(source.path, node.start_mark.line + 1, format_path(parts), message, hint, code)


def _build(node, parts, source: SourceFile, problems: list[Problem]):
    """The value of a node, recording the line of every path in it in ``source.lines``; what plain YAML
    would read wrongly or not at all goes to ``problems``."""
    source.lines.setdefault(parts, node.start_mark.line + 1)
    collection = isinstance(node, (yaml.MappingNode, yaml.SequenceNode))
    if node.tag not in (_COLLECTION_TAGS if collection else _SCALAR_TAGS):
        plain = "mappings and lists" if collection else "text, numbers, true/false"
        written = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(
            _problem(
                source,
                node,
                parts,
                f"unsupported YAML tag {written}",
                f"remove '{written}'; plan values are plain {plain}",
                "yaml-tag",
            )
        )
        # Read on as if untagged: the tag is the one mistake, and what it tags is still checked as written.
        node = _untagged(node)
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(node, parts, source, problems)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, parts + (i,), source, problems) for i, item in enumerate(node.value)]
    return _build_scalar(node, parts, source, problems)


def _untagged(node):
    """The node as it would be without its tag: a mapping, a list, or the text, number, true/false or null
    its plain value reads as (a quoted one stays text)."""
    if isinstance(node, yaml.MappingNode):
        return yaml.MappingNode("tag:yaml.org,2002:map", node.value, node.start_mark, node.end_mark, node.flow_style)
    if isinstance(node, yaml.SequenceNode):
        return yaml.SequenceNode("tag:yaml.org,2002:seq", node.value, node.start_mark, node.end_mark, node.flow_style)
    tag = RESOLVER.resolve(yaml.ScalarNode, node.value, (not node.style, True))
    tag = tag if tag in _SCALAR_TAGS else "tag:yaml.org,2002:str"
    return yaml.ScalarNode(tag, node.value, node.start_mark, node.end_mark, node.style)


def _build_mapping(node: yaml.MappingNode, parts, source: SourceFile, problems: list[Problem]) -> dict:
    """A mapping's keys and values; a key that is not text, or comes twice, is reported and left out."""
    result = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(
                _problem(
                    source,
                    key_node,
                    parts,
                    "a key must be plain text",
                    "write keys as simple words: `text:`",
                    "key-not-text",
                )
            )
            continue
        key = key_node.value
        child = parts + (key,)
        _refuse_hidden(key, key_node, child, source, problems)
        if key in result:
            problems.append(
                _problem(
                    source,
                    key_node,
                    child,
                    f"duplicate key '{key}' (first at line {source.lines[child]})",
                    "remove one of them; YAML would silently keep only the last",
                    "duplicate-key",
                )
            )
            continue
        source.lines[child] = key_node.start_mark.line + 1
        result[key] = _build(value_node, child, source, problems)
    return result


def _build_scalar(node: yaml.ScalarNode, parts, source: SourceFile, problems: list[Problem]):
    """A scalar's value (text, a number, true/false or null); a forbidden character written as an escape,
    and a number not written in plain decimal, are reported."""
    value = _SCALARS.construct_object(node)
    if isinstance(value, str):
        _refuse_hidden(value, node, parts, source, problems)
    if node.tag == "tag:yaml.org,2002:int" and not _DECIMAL.fullmatch(node.value):
        # YAML 1.1 reads 010 as 8, 0x10 as 16 and 1_000 as 1000: a number must look like what it means.
        problems.append(
            _problem(
                source,
                node,
                parts,
                f"'{node.value}' is not a plain decimal number (YAML reads it as {value})",
                f"write it in decimal without a leading zero, e.g. {_decimal(node.value, value)}",
                "not-decimal",
            )
        )
    return value


_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)")


def _decimal(written: str, value) -> int:
    """What a number written with leading zeros was meant to be: '010' -> 10 (YAML read 8)."""
    return int(written.lstrip("0") or 0) if written.isdigit() else value


def _refuse_hidden(text: str, node, parts, source: SourceFile, problems: list[Problem]) -> None:
    """A forbidden character written as an escape in a quoted string ("\\e", "\\u202e")."""
    found = FORBIDDEN.search(text)
    if found:
        problems.append(
            _problem(
                source,
                node,
                parts,
                f"forbidden character {character_name(found.group())} (written as an escape)",
                "remove the escape sequence; plan text holds only visible characters",
                code="forbidden-character",
            )
        )
