"""CLI: ``frontierguard share`` -- exchange distillation indicators with other labs.

``export`` writes a STIX 2.1 bundle from a detect output folder (``--explain`` says what
would leave, and why, writing nothing); ``import`` stores partners' bundles; ``push`` and
``pull`` exchange bundles with a TAXII 2.1 collection; ``keygen`` makes a group key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from frontierguard.cli.common import DbOption, JsonOption, db_path, domain_errors, info, print_json
from frontierguard.traffic.sharing import api
from frontierguard.traffic.sharing import revoke as revoke_mod
from frontierguard.traffic.sharing import taxii as taxii_mod
from frontierguard.traffic.sharing.keys import write_new_key

share_app = typer.Typer(help="Share distillation indicators with other labs (STIX 2.1, TAXII "
                             "2.1), identifiers only as keyed hashes.\n\nExample: `frontierguard "
                             "share export --detections out --out bundle.json --key-file "
                             "group.key`", no_args_is_help=True)

KeyOption = Annotated[Path | None, typer.Option(
    "--key-file", help="The sharing group's key file (default: $FRONTIERGUARD_SHARE_KEY_FILE).")]


@domain_errors
def export(
    detections: Annotated[Path, typer.Option("--detections", help="A `detect` --out folder.")],
    out: Annotated[Path | None, typer.Option("--out", help="Bundle file to write.")] = None,
    key_file: KeyOption = None,
    lab: Annotated[str | None, typer.Option(
        "--lab", help="This lab's name in the bundle (default: setting share_lab_name).")] = None,
    min_accounts: Annotated[int | None, typer.Option(
        "--min-accounts", help="Share a value only when this many accounts used it (default 5).",
    )] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="List what would be shared and why; write nothing.")] = False,
    json_out: JsonOption = False,
) -> None:
    """Export decided campaigns and their indicators as a STIX 2.1 bundle.

    Example: `frontierguard share export --detections out --out bundle.json --key-file group.key`
    """
    if explain:
        _explain(api.explain(detections, min_accounts), json_out)
        return
    if out is None:
        raise typer.BadParameter("give --out FILE (or --explain)", param_hint="--out")
    result = api.export_bundle(detections, out, key_file, lab, min_accounts)
    if json_out:
        print_json(result.as_dict())
        return
    info(f"wrote {result.out}: {result.campaigns} campaigns, {result.indicators} indicators "
         f"({result.withheld} values withheld)")


def _explain(items: list[dict[str, object]], json_out: bool) -> None:
    if json_out:
        print_json(items)
        return
    for item in items:
        typer.echo(f"{item['campaign']}  {item['kind']:<10} {item['value']!r}: {item['why']}")
    shared = sum(1 for i in items if i["shared"])
    info(f"{shared} of {len(items)} values would be shared; nothing written")


@domain_errors
def import_(
    bundles: Annotated[list[Path], typer.Argument(help="STIX 2.1 bundle files from partners.")],
    key_file: KeyOption = None,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Store partners' indicators (all bundles or none); `detect` then matches them.

    Example: `frontierguard share import partner.json --key-file group.key --db lab.duckdb`
    """
    result = api.import_bundles(bundles, db_path(db), key_file)
    if json_out:
        print_json(result.as_dict())
        return
    info(f"stored {result.indicators} indicators of {result.campaigns} campaigns from "
         f"{result.bundles} bundles ({result.revoked} revoked, {result.older_ignored} older "
         f"versions ignored, {result.foreign_indicators} indicators without the frontierguard "
         "extension left out)")


TaxiiOption = Annotated[str, typer.Option("--taxii", help="TAXII 2.1 API root URL.")]
CollectionOption = Annotated[str, typer.Option("--collection", help="Collection id.")]
UserOption = Annotated[str | None, typer.Option(
    "--user", help="TAXII user (default: setting share_taxii_user).")]
PasswordOption = Annotated[str | None, typer.Option(
    "--password", help="TAXII password (default: setting share_taxii_password).")]


@domain_errors
def push(
    bundle: Annotated[Path, typer.Argument(help="A bundle made by `share export`.")],
    taxii: TaxiiOption, collection: CollectionOption, user: UserOption = None,
    password: PasswordOption = None, json_out: JsonOption = False,
) -> None:
    """Add a bundle's objects to a TAXII 2.1 collection.

    Example: `frontierguard share push bundle.json --taxii https://taxii.example/share/ --collection ID`
    """
    result = taxii_mod.push(bundle, taxii_mod.server(taxii, collection, user, password))
    if json_out:
        print_json(result.as_dict())
        return
    info(f"pushed {result.objects} objects: {result.added} added, {result.already_there} "
         "already in the collection")


@domain_errors
def pull(
    taxii: TaxiiOption, collection: CollectionOption, user: UserOption = None,
    password: PasswordOption = None, key_file: KeyOption = None, db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Store every partner indicator in a TAXII 2.1 collection (all or nothing).

    Example: `frontierguard share pull --taxii https://taxii.example/share/ --collection ID`
    """
    srv = taxii_mod.server(taxii, collection, user, password)
    result = taxii_mod.pull(srv, api.group_key(key_file), db_path(db))
    if json_out:
        print_json(result.as_dict())
        return
    info(f"stored {result.indicators} indicators of {result.campaigns} campaigns "
         f"({result.revoked} revoked, {result.older_ignored} older versions ignored)")


@domain_errors
def keygen(out: Annotated[Path, typer.Option("--out", help="Key file to create.")]) -> None:
    """Create a random group key file (never overwrites); give it to every lab in the group.

    Example: `frontierguard share keygen --out group.key`
    """
    key = write_new_key(out)
    info(f"wrote {out} (key id {key.key_id}); share it only with the group's labs")


@domain_errors
def revoke(
    bundle: Annotated[Path, typer.Option("--bundle", help="A bundle this lab exported.")],
    campaign: Annotated[list[str], typer.Option(
        "--campaign", help="Campaign to revoke (C001, its name or STIX id); repeatable.")],
    out: Annotated[Path, typer.Option("--out", help="Revocation bundle to write.")],
) -> None:
    """Withdraw campaigns found to be false positives: importers drop their indicators.

    Example: `frontierguard share revoke --bundle bundle.json --campaign C002 --out revoke.json`
    """
    n = revoke_mod.write(bundle, campaign, out)
    info(f"wrote {out}: {n} objects revoked")


def register(app: typer.Typer) -> None:
    """Add the ``share`` command group to the root app."""
    share_app.command("export")(export)
    share_app.command("import")(import_)
    share_app.command("keygen")(keygen)
    share_app.command("revoke")(revoke)
    share_app.command("push")(push)
    share_app.command("pull")(pull)
    app.add_typer(share_app, name="share")
