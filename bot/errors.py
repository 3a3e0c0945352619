"""Errors a person can fix: raised anywhere, turned into an ephemeral notice by the router."""
from __future__ import annotations


class UserError(Exception):
    """A refusal or a problem with input, told to the person in their language."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
