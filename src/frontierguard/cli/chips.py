"""CLI: AI-chip classification (``chips``), licence determination (``licence``), order red
flags (``orders``) and IaaS customer checks (``iaas``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer

from frontierguard.cli.common import JsonOption, domain_errors, print_json
from frontierguard.controls import catalog, chips, kyc, licence, redflags, rules
from frontierguard.core.errors import InputError

chips_app = typer.Typer(
    help="Classify AI chips under ECCN 3A090 / 4A090.\n\nExample: `frontierguard chips catalog`",
    no_args_is_help=True)
licence_app = typer.Typer(
    help="Licence determination for advanced-computing exports.\n\n"
         "Example: `frontierguard licence check --item 3A090.a --destination AE`",
    no_args_is_help=True)
orders_app = typer.Typer(
    help="Diversion red flags for chip orders.\n\nExample: `frontierguard orders redflags order.json`",
    no_args_is_help=True)
iaas_app = typer.Typer(
    help="Know-your-customer checks for compute (IaaS) customers.\n\n"
         "Example: `frontierguard iaas kyc customer.json`",
    no_args_is_help=True)

DateOption = Annotated[str | None, typer.Option("--date", help="Date YYYY-MM-DD (default: today).")]


def _date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"expected YYYY-MM-DD, got {value!r}", field="date") from None


def _tp(name: str) -> Any:
    flag = "--" + name.replace("_", "-")
    return typer.Option(flag, help=f"Dense {name.split('_')[1].upper()} throughput (TOPS/TFLOPS).")


@domain_errors
def classify(
    csv_file: Annotated[Path | None, typer.Option("--csv", help="CSV of items (see docs).")] = None,
    name: Annotated[str, typer.Option("--name", help="Item name.")] = "item",
    datacenter: Annotated[bool | None, typer.Option(
        "--datacenter/--not-datacenter", help="Designed or marketed for data centres?")] = None,
    die_area: Annotated[float | None, typer.Option(
        "--die-area", help="Area of one compute die, mm2.")] = None,
    dies: Annotated[int, typer.Option("--dies", help="Number of compute dies.")] = 1,
    io_die_area: Annotated[float | None, typer.Option("--io-die-area", help="Other logic dies, mm2.")] = None,
    per_die: Annotated[bool, typer.Option("--per-die", help="Throughput is quoted per die.")] = False,
    sparse: Annotated[bool, typer.Option("--sparse", help="Throughput is quoted with sparsity.")] = False,
    memory_bandwidth: Annotated[float | None, typer.Option("--memory-bandwidth", help="GB/s.")] = None,
    item_type: Annotated[str, typer.Option("--item-type", help="ic, computer or hbm.")] = "ic",
    hbm_area: Annotated[float | None, typer.Option(
        "--hbm-area", help="HBM stack package area, mm2 (for --item-type hbm).")] = None,
    also_described_by: Annotated[str, typer.Option(
        "--also-described-by", help="ECCN with a .z paragraph that also describes the item.")] = "",
    tops_int4: Annotated[float | None, _tp("tops_int4")] = None,
    tops_int8: Annotated[float | None, _tp("tops_int8")] = None,
    tflops_fp4: Annotated[float | None, _tp("tflops_fp4")] = None,
    tflops_fp8: Annotated[float | None, _tp("tflops_fp8")] = None,
    tflops_fp16: Annotated[float | None, _tp("tflops_fp16")] = None,
    tflops_bf16: Annotated[float | None, _tp("tflops_bf16")] = None,
    tflops_tf32: Annotated[float | None, _tp("tflops_tf32")] = None,
    tflops_fp32: Annotated[float | None, _tp("tflops_fp32")] = None,
    tflops_fp64: Annotated[float | None, _tp("tflops_fp64")] = None,
    date: DateOption = None,
    json_out: JsonOption = False,
) -> None:
    """Classify one chip from datasheet flags, or every row of a CSV, under 3A090 / 4A090.

    Example: `frontierguard chips classify --tflops-fp8 1979 --die-area 814 --datacenter`
    """
    rule_set = rules.rule_set_for(_date(date))
    if csv_file is not None:
        table = catalog.read_table(csv_file)
    else:
        if datacenter is None:
            raise InputError("say --datacenter or --not-datacenter", field="datacenter")
        given = {"tops_int4": tops_int4, "tops_int8": tops_int8, "tflops_fp4": tflops_fp4,
                 "tflops_fp8": tflops_fp8, "tflops_fp16": tflops_fp16, "tflops_bf16": tflops_bf16,
                 "tflops_tf32": tflops_tf32, "tflops_fp32": tflops_fp32, "tflops_fp64": tflops_fp64,
                 "die_area_mm2": die_area, "io_die_area_mm2": io_die_area,
                 "memory_bandwidth_gbs": memory_bandwidth, "hbm_package_area_mm2": hbm_area}
        values = {k: "" if v is None else str(v) for k, v in given.items()}
        values.update(name=name, datacenter=str(datacenter), dies=str(dies), sparse=str(sparse),
                      throughput_basis="die" if per_die else "package", item_type=item_type,
                      also_described_by=also_described_by)
        table = catalog.single_item(values)
    _show(chips.classify_table(table, rule_set), json_out)


def _show(results: list[chips.ChipResult], json_out: bool) -> None:
    if json_out:
        print_json([r.as_dict() for r in results])
        return
    for r in results:
        tpp = "-" if r.tpp is None else f"{r.tpp:,.0f}"
        pd = "-" if r.pd is None else f"{r.pd:.2f}"
        typer.echo(f"{r.name:<40} {r.eccn:<10} TPP {tpp:>8}  PD {pd:>6}  {r.reasons[0]}")
    if results:
        typer.echo(f"rule set {results[0].rule_set}: {results[0].citation}")
    typer.echo(rules.DISCLAIMER)


@domain_errors
def catalog_cmd(date: DateOption = None, json_out: JsonOption = False) -> None:
    """Classify every accelerator in the shipped catalog (figures and sources in the CSV).

    Example: `frontierguard chips catalog --json`
    """
    _show(chips.classify_table(catalog.catalog_table(), rules.rule_set_for(_date(date))), json_out)


@domain_errors
def check(
    item: Annotated[str, typer.Option("--item", help="An ECCN (3A090.a) or a catalog chip name.")],
    destination: Annotated[str, typer.Option("--destination", help="Destination country (ISO code).")],
    hq: Annotated[str | None, typer.Option("--hq", help="Buyer's headquarters country.")] = None,
    parent: Annotated[str | None, typer.Option("--parent", help="Ultimate parent's country.")] = None,
    end_use: Annotated[str, typer.Option(
        "--end-use", help="commercial, iaas, model-training, supercomputer, ...")] = "commercial",
    date: DateOption = None,
    json_out: JsonOption = False,
) -> None:
    """Say whether a transaction needs a licence, why, the review policy and exceptions.

    Example: `frontierguard licence check --item "H100 SXM5" --destination SG --hq CN --date 2026-03-01`
    """
    tx = licence.transaction(item, destination, hq, parent, end_use, _date(date))
    out = licence.check_transaction(tx).as_dict()
    if json_out:
        print_json(out)
        return
    typer.echo(f"{out['item']['item']} ({out['item']['eccn']}) -> {tx.destination}: "
               f"licence {'REQUIRED' if out['licence_required'] else 'not required'}")
    for r in out["reasons"]:
        typer.echo(f"  reason: {r['reason']} [{r['paragraph']}]")
    for key in ("advisories", "pending_requirements"):
        for r in out[key]:
            typer.echo(f"  {key.split('_')[0]}: {r['reason']} [{r['paragraph']}]")
    if out["review_policy"]:
        typer.echo(f"  review policy: {out['review_policy']['policy']}")
    for e in out["eligible_exceptions"]:
        typer.echo(f"  exception {e['name']} [{e['paragraph']}]: " + "; ".join(e["notification"]))
    for n in out["notes"]:
        typer.echo(f"  note: {n}")
    typer.echo(f"rule set {out['rule_set']['rule_set']}: {out['rule_set']['citation']}")
    typer.echo(rules.DISCLAIMER)


@domain_errors
def order_redflags(
    order: Annotated[Path, typer.Argument(help="Order JSON file.")], json_out: JsonOption = False
) -> None:
    """Score an order against the published red flags and say which fired and why.

    Example: `frontierguard orders redflags order.json --json`
    """
    out = redflags.score_order(redflags.load_order(order))
    if json_out:
        print_json(out)
        return
    typer.echo(f"order {out['order_id']}: score {out['score']:.2f} ({out['scorer']})")
    for f in out["flags"]:
        typer.echo(f"  {f['flag']}: {f['detail']}  [{f['source']}]")
    typer.echo(rules.DISCLAIMER)


@domain_errors
def iaas_kyc(
    customer: Annotated[Path, typer.Argument(help="Customer JSON file.")],
    date: DateOption = None, json_out: JsonOption = False,
) -> None:
    """Check an IaaS customer's identity, owners, headquarters and training-scale D:5 links.

    Example: `frontierguard iaas kyc customer.json --date 2026-03-01`
    """
    out = kyc.load_customer(customer, _date(date))
    if json_out:
        print_json(out)
        return
    typer.echo(f"{out['customer']}: {'passed' if out['passed'] else 'NEEDS REVIEW'}")
    for c in out["checks"]:
        typer.echo(f"  [{'ok' if c['passed'] else 'FLAG'}] {c['check']}: {c['detail']}")
    typer.echo(rules.DISCLAIMER)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    chips_app.command("classify")(classify)
    chips_app.command("catalog")(catalog_cmd)
    licence_app.command("check")(check)
    orders_app.command("redflags")(order_redflags)
    iaas_app.command("kyc")(iaas_kyc)
    app.add_typer(chips_app, name="chips")
    app.add_typer(licence_app, name="licence")
    app.add_typer(orders_app, name="orders")
    app.add_typer(iaas_app, name="iaas")
