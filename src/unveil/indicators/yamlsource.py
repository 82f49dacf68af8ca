"""YAML loading that remembers line numbers, for error messages that point at the file.

Mappings load as :class:`LinedDict` and sequences as :class:`LinedList`; both
know the line they start on and the line of each key or item.  Duplicate keys,
which plain YAML silently collapses, are an error.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["LinedDict", "LinedList", "YamlSyntaxError", "line_of", "load_yaml"]


class YamlSyntaxError(ValueError):
    """Malformed YAML; ``line`` is 1-based (0 when unknown)."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


class LinedDict(dict[Any, Any]):
    """A mapping with the line it starts on and the line of each key."""

    line: int = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LinedList(list[Any]):
    """A sequence with the line it starts on and the line of each item."""

    line: int = 0

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


def line_of(container: Any, key: Any = None) -> int:
    """Line of ``container[key]`` (or of the container itself) when known, else 0."""
    if key is not None and isinstance(container, LinedDict | LinedList):
        return container.line_of(key)
    return int(getattr(container, "line", 0))


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LinedDict:
    loader.flatten_mapping(node)
    out = LinedDict()
    out.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            duplicate = key in out
        except TypeError as exc:
            raise YamlSyntaxError(f"a mapping key must be a plain value, not {key!r}", line) from exc
        if duplicate:
            raise YamlSyntaxError(f"duplicate key {key!r} (first on line {out.key_lines[key]})", line)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = line
    return out


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LinedList:
    out = LinedList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def load_yaml(text: str) -> Any:
    """Parse one YAML document with line numbers; raise :class:`YamlSyntaxError` if malformed."""
    try:
        return yaml.load(text, Loader=_Loader)
    except YamlSyntaxError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise YamlSyntaxError(f"invalid YAML: {exc.problem or exc}", line) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"invalid YAML: {exc}", 0) from exc
