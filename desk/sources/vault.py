"""A connection's settings sealed at rest: Fernet (AES with an HMAC) under the key in
SECRET_KEY, so a copy of the database alone reveals no site's token."""
from __future__ import annotations

import json
from typing import Mapping

from cryptography.fernet import Fernet, InvalidToken

HOW_TO_MAKE_ONE = ("Set SECRET_KEY (in .env) to a key made with: python -c \"from "
                   "cryptography.fernet import Fernet; print(Fernet.generate_key().decode())\"")


class VaultError(Exception):
    """No key, a key that is no Fernet key, or settings sealed under another key."""


class Vault:
    def __init__(self, key: str) -> None:
        if not key:
            raise VaultError("SECRET_KEY is not set. " + HOW_TO_MAKE_ONE)
        try:
            self._fernet = Fernet(key.encode())
        except ValueError:
            raise VaultError("SECRET_KEY is not a Fernet key. " + HOW_TO_MAKE_ONE) from None

    def seal(self, settings: Mapping[str, str]) -> str:
        return self._fernet.encrypt(json.dumps(dict(settings)).encode()).decode()

    def open(self, sealed: str) -> dict[str, str]:
        try:
            return json.loads(self._fernet.decrypt(sealed.encode()))
        except InvalidToken:
            raise VaultError("the settings were sealed with another SECRET_KEY; connect the "
                             "site again") from None
