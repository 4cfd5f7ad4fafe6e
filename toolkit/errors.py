"""Errors the toolkit reports to users as one line: ``file: reason``.

Every failure a user can cause (bad path, unreadable bytes, corrupt .docx, unknown
format) is a ToolkitError, so the CLI can print it without a traceback and a batch can
note it and go on to the next file.
"""

from __future__ import annotations


class ToolkitError(Exception):
    """Base of every error the CLI prints as one line and exit code 1."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputNotFound(ToolkitError):
    """The path does not exist."""


class UnreadableInput(ToolkitError):
    """The bytes cannot be read as an article (binary, undecodable, empty, too big)."""


class UnknownFormat(ToolkitError):
    """No reader or writer is registered for the format asked for."""


class CorruptDocument(ToolkitError):
    """A container format (.docx) that is damaged, truncated or unsafe to open."""


class OutputError(ToolkitError):
    """The output cannot be written where asked (would overwrite an input, ...)."""


class ConversionError(ToolkitError):
    """Text that cannot be converted or encoded as asked (e.g. not in Big5)."""


class UsageError(ToolkitError):
    """Options that do not fit together; the CLI exits with 2."""
