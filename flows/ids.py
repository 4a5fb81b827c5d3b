"""Content-derived ids: the same input always yields the same ids."""

import hashlib


def stable_id(*parts: object) -> str:
    """16 hex digits of SHA-256 over the parts, joined unambiguously."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def sha256_hex(data: bytes | str) -> str:
    """Full SHA-256 of bytes, or of text encoded as UTF-8."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()

