"""Checks a STIX 2.1 bundle with ``stix2-validator`` and the ``stix2`` library.

Errors name the source (a file or a TAXII collection) and the object, e.g.
``partner.json, object indicator--...: pattern: ...``; the first few are listed.
Validator warnings (SHOULD-level best practices) do not fail a bundle. Both libraries are
imported only when a bundle is checked, so other commands start without them.
"""

from __future__ import annotations

import logging
from typing import Any

from frontierguard.core.errors import InputError

MAX_LISTED = 5


def _errors(bundle: dict[str, Any]) -> list[str]:
    import stix2validator  # slow to import: only where a bundle is checked

    options = stix2validator.ValidationOptions(version="2.1", strict=False)
    logging.getLogger("stix2validator").setLevel(logging.ERROR)
    try:
        result = stix2validator.validate_parsed_json(bundle, options)
    except stix2validator.ValidationError as exc:
        return [str(exc)]
    results = result if isinstance(result, list) else [result]
    return [str(e) for r in results for e in (r.errors or [])]


def check_bundle(bundle: Any, source: str) -> None:
    """Raise InputError unless ``bundle`` is a valid STIX 2.1 bundle."""
    if not isinstance(bundle, dict) or bundle.get("type") != "bundle":
        raise InputError("not a STIX bundle (expected a JSON object with \"type\": \"bundle\")",
                         source)
    objects = bundle.get("objects")
    if not isinstance(objects, list) or not all(isinstance(o, dict) for o in objects):
        raise InputError("a bundle's 'objects' must be a list of JSON objects", source,
                         field="objects")
    errors = _errors(bundle)
    if errors:
        more = f" (and {len(errors) - MAX_LISTED} more)" if len(errors) > MAX_LISTED else ""
        raise InputError("invalid STIX 2.1: " + "; ".join(
            f"object {e}" for e in errors[:MAX_LISTED]) + more, source)
    import stix2

    for obj in objects:
        try:
            stix2.parse(obj, allow_custom=True, version="2.1")
        except stix2.exceptions.STIXError as exc:
            raise InputError(f"object {obj.get('id', '?')}: {exc}", source) from None
