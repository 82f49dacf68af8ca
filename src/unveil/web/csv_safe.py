"""CSV cells that a spreadsheet will not run as formulas.

Ad text is written by strangers; a cell such as ``=HYPERLINK(...)`` in an
exported CSV would run when a reviewer opens the file.  Cells starting with
``=``, ``@``, a tab or a carriage return, or with ``+``/``-`` followed by
anything but a plain number, get a leading apostrophe (OWASP's advice).
E.164 phone numbers such as ``+447700900123`` stay as they are.
"""

from __future__ import annotations

import re
from typing import Any

_PLAIN_NUMBER = re.compile(r"^[+-][0-9][0-9 ().-]*$")


def cell(value: Any) -> Any:
    """The value, made inert if a spreadsheet would read it as a formula."""
    if not isinstance(value, str) or not value:
        return value
    first = value[0]
    if first in "=@\t\r" or (first in "+-" and not _PLAIN_NUMBER.match(value)):
        return "'" + value
    return value


def row(values: list[Any]) -> list[Any]:
    return [cell(v) for v in values]
