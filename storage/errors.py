"""Storage errors that callers handle: a lost race, or a database that is not there."""


class Conflict(Exception):
    """Someone else changed the same row first; re-read and decide again."""


class DatabaseUnavailable(Exception):
    """Locked for too long, or unreachable: nothing was written."""
