"""``share push`` and ``share pull``: bundles to and from a TAXII 2.1 collection.

``push`` checks a bundle file and adds its objects to a collection; ``pull`` reads every
object in a collection (page by page), checks them as one bundle and stores them like
``share import`` -- all or nothing, one transaction. The API root URL and collection id name
the collection; HTTP basic authentication comes from ``--user``/``--password`` or the
``share_taxii_user``/``share_taxii_password`` settings. Server and network failures are
errors naming the collection.

The ``extension-definition`` is not pushed: its ``version`` property ("1.0.0", the
extension's version) is read by TAXII servers such as medallion 3.0 as the object's TAXII
version, and they then fail every read of the collection. Every lab has the definition
(it ships with frontierguard, and bundle files carry it); ``pull`` puts it back.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontierguard.core.errors import InputError
from frontierguard.core.store import connect
from frontierguard.traffic.sharing import partners, settings
from frontierguard.traffic.sharing.bundles import parse, read_file
from frontierguard.traffic.sharing.keys import GroupKey
from frontierguard.traffic.sharing.reference import extension_objects
from frontierguard.traffic.sharing.validate import check_bundle

PAGE = 500


@dataclass(frozen=True)
class Server:
    """A TAXII 2.1 collection and the credentials to reach it."""

    api_root: str
    collection: str
    user: str | None = None
    password: str | None = None

    @property
    def url(self) -> str:
        return f"{self.api_root.rstrip('/')}/collections/{self.collection}/"

    def connect(self) -> Any:
        from taxii2client.v21 import Collection  # slow to import: only when used

        with errors(self):
            return Collection(self.url, user=self.user, password=self.password)


def server(api_root: str, collection: str, user: str | None = None,
           password: str | None = None) -> Server:
    """A :class:`Server`, credentials defaulting to the settings."""
    v = settings.values({"share_taxii_user": user, "share_taxii_password": password})
    return Server(api_root, collection, v["share_taxii_user"] or None,
                  v["share_taxii_password"] or None)


@contextmanager
def errors(srv: Server) -> Iterator[None]:
    """TAXII, HTTP and network failures as an InputError naming the collection."""
    import requests
    from taxii2client.exceptions import TAXIIServiceException

    try:
        yield
    except (TAXIIServiceException, requests.RequestException) as exc:
        raise InputError(f"TAXII 2.1 collection: {exc}", srv.url) from None


@dataclass(frozen=True)
class PushResult:
    """What the server said about a push."""

    objects: int
    added: int
    already_there: int

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def push(bundle_path: str | Path, srv: Server) -> PushResult:
    """Add a checked bundle's objects to the collection (objects already there are kept)."""
    bundle = read_file(bundle_path)
    check_bundle(bundle, str(bundle_path))
    objects = [o for o in bundle["objects"] if o["type"] != "extension-definition"]
    collection = srv.connect()
    with errors(srv):
        status = collection.add_objects({"objects": objects})
    return PushResult(len(objects), int(status.success_count), int(status.failure_count))


def fetch(srv: Server, page: int = PAGE) -> list[dict[str, Any]]:
    """Every object in the collection (latest versions), all pages."""
    from taxii2client.v21 import as_pages

    collection = srv.connect()
    objects: list[dict[str, Any]] = []
    get: Callable[..., Any] = collection.get_objects
    with errors(srv):
        for envelope in as_pages(get, per_request=page):
            objects.extend(envelope.get("objects", []))
    return objects


def pull(srv: Server, key: GroupKey, db: str | Path) -> partners.ImportResult:
    """Read the collection, check it as one bundle, store it like ``share import``; an empty
    collection stores nothing."""
    objects = fetch(srv)
    if not objects:
        return partners.ImportResult()
    have = {o.get("id") for o in objects}
    objects += [o for o in extension_objects() if o["id"] not in have]
    bundle = {"type": "bundle", "id": f"bundle--{uuid.uuid4()}", "objects": objects}
    parsed = parse(bundle, key, srv.url)
    con = connect(db)
    try:
        return partners.store(con, [parsed])
    finally:
        con.close()
