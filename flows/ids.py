"""Content-derived ids: the same input always yields the same ids."""

import hashlib
from collections.abc import Iterable


def stable_id(*parts: object) -> str:
    """16 hex digits of SHA-256 over the parts, joined unambiguously."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def stable_ids(prefix: str, values: Iterable[object]) -> list[str]:
    """``stable_id(prefix, value)`` for each value, without a call per value (a run has 100,000s of groups)."""
    head, sha256 = f"{prefix}\x1f", hashlib.sha256
    return [sha256(f"{head}{value}".encode("utf-8")).hexdigest()[:16] for value in values]


def sha256_hex(data: bytes | str) -> str:
    """Full SHA-256 of bytes, or of text encoded as UTF-8."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()

