"""Control characters made visible, for text that reaches a log line, a report or a terminal.

A newline in a question or a file name would start what looks like a line of its own in a log
or a reload report; ``ESC[2J`` in an article would clear the terminal it is printed on. Escaped,
they are shown as ``\\n`` and ``\\x1b[2J`` instead. Covered: the C0 and C1 controls and DEL
(Unicode category Cc), the line and paragraph separators, and the bidirectional overrides and
isolates that can make a line read differently from what it contains.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
TEXT_LAYOUT = "\n\t"
"""The controls that lay out text (line breaks and tabs), kept where text spans lines."""


def escape_controls(text: str, keep: str = "") -> str:
    """``text`` with every control character not in ``keep`` written as an escape.

    >>> escape_controls("a\\nb\\x1b[2J")
    'a\\\\nb\\\\x1b[2J'
    """
    return _CONTROL.sub(lambda match: _escape(match.group(), keep), text)


def for_terminal(text: str) -> str:
    """Text for a terminal: line breaks and tabs kept, every other control character escaped,
    so an article's ``ESC[2J`` is printed as ``\\x1b[2J`` instead of clearing the screen."""
    return escape_controls(text, keep=TEXT_LAYOUT)


def control_characters(text: str, keep: str = "") -> list[str]:
    """The distinct control characters of ``text`` (those not in ``keep``), each escaped."""
    found = {char for char in _CONTROL.findall(text) if char not in keep}
    return sorted(_escape(char, "") for char in found)


def _escape(char: str, keep: str) -> str:
    if char in keep:
        return char
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
