"""Exceptions raised by unveil.  The CLI maps ``UnveilError`` to exit code 1."""


class UnveilError(Exception):
    """Base class for errors the user can act on; the message says what to do."""


class InputError(UnveilError):
    """An input path cannot be read at all (missing file, unknown format)."""


class StoreError(UnveilError):
    """The database is unusable (newer schema, locked, corrupt)."""
