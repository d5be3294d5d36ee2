#!/usr/bin/env python3
"""Builds FinOps Copilot's embedded price catalog from the shared price facts.

Usage: python3 tools/pricing/build_catalog.py [../shared/pricing/aws-prices.json] [server/FinOpsCopilot.Core/Data/aws-price-catalog.json]

The input is the `aws-prices/1` facts file (see its README). The output is the `finops-price-catalog/1`
format described in docs/pricing.md: one price per SKU and region, every value copied, none derived.
Only the sections the estimators use are kept; re-run after the facts change and commit the result.
"""
import json
import sys
from decimal import Decimal

FORMAT = "finops-price-catalog/1"


def number(x):
    """Shortest decimal text without an exponent, so every JSON reader parses it as the same decimal."""
    d = Decimal(repr(float(x)))
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


class Catalog:
    def __init__(self):
        self.prices = {}  # sku -> (unit, {region: usd})
        self.regions = set()

    def add(self, sku, unit, region, usd):
        if usd is None:
            return
        entry = self.prices.setdefault(sku, (unit, {}))
        if entry[0] != unit:
            raise SystemExit(f"{sku}: unit {unit} differs from {entry[0]}")
        entry[1][region] = usd
        self.regions.add(region)

    def add_item(self, sku, item, default_region="us-east-1"):
        """A regional item (usd_by_region) or a single-region item (usd)."""
        if "usd_by_region" in item:
            for region, usd in item["usd_by_region"].items():
                self.add(sku, item["unit"], region, usd)
        elif "usd" in item:
            self.add(sku, item["unit"], default_region, item["usd"])


def build(facts):
    c = Catalog()
    for itype, spec in facts["ec2"]["instances"].items():
        for region, usd in spec["price"].items():
            c.add(f"ec2/{itype}", "hour", region, usd)
    for node, spec in facts["elasticache"]["nodes"].items():
        for region, engines in spec["price"].items():
            for engine, usd in engines.items():
                c.add(f"elasticache/{node}/{engine}", "hour", region, usd)

    for row in facts["rds"]["instances"]:
        if row["engine"].startswith("aurora"):
            option = row.get("aurora_storage") or "standard"
        else:
            option = row["deployment"]
        c.add(f"rds/{row['class']}/{row['engine']}/{row['license']}/{option}", row["unit"], row["region"], row["usd"])
    for key, item in facts["rds"]["regional"].items():
        c.add_item(f"rds-storage/{key}", item)

    # Regional sections first; the us-east-1-only Infracost items fill keys the regional data lacks.
    for key, item in facts["ebs"]["regional"].items():
        c.add_item(f"ebs/{key}", item)
    for key, item in facts["ebs"]["prices"].items():
        if f"ebs/{key}" not in c.prices:
            c.add_item(f"ebs/{key}", item)
    for cls, items in facts["s3"]["regional"].items():
        for key, item in items.items():
            c.add_item(f"s3/{cls}/{key}", item)
    for service, items in facts["other"]["regional"].items():
        for key, item in items.items():
            c.add_item(f"{service}/{key}", item)
    services = facts["other"]["services"]
    dynamo = services["dynamodb"]
    for key, item in dynamo.items():
        if isinstance(item, dict):
            c.add_item(f"dynamodb/{key}", item, default_region=dynamo["region"])
    c.add_item("elasticache/backup_storage", services["elasticache_backup_storage"])

    regions = sorted(c.regions)
    units = sorted({unit for unit, _ in c.prices.values()})
    unit_index = {u: i for i, u in enumerate(units)}
    region_index = {r: i for i, r in enumerate(regions)}
    prices = {}
    for sku in sorted(c.prices):
        unit, by_region = c.prices[sku]
        row = ["null"] * len(regions)
        for region, usd in by_region.items():
            row[region_index[region]] = number(usd)
        prices[sku] = f"[{unit_index[unit]},{','.join(row)}]"

    ec2_types = {}
    for itype, spec in sorted(facts["ec2"]["instances"].items()):
        gen = spec.get("current_gen")
        ec2_types[itype] = f'[{spec["vcpu"]},{number(spec["mem_gib"])},"{spec["arch"]}",{"null" if gen is None else str(gen).lower()}]'

    sources = {k: {"commit": v.get("commit"), "dataDate": v.get("data_date") or v.get("commit_date")}
               for k, v in facts["sources"].items()}
    out = ["{",
           f'"format":"{FORMAT}",',
           f'"currency":{json.dumps(facts["currency"])},',
           f'"built":{json.dumps(facts["built"])},',
           '"generator":"tools/pricing/build_catalog.py from aws-prices/1",',
           f'"sources":{json.dumps(sources, separators=(",", ":"), sort_keys=True)},',
           f'"regions":{json.dumps(regions)},',
           f'"units":{json.dumps(units)},',
           '"ec2Types":{']
    out.append(",\n".join(f'"{k}":{v}' for k, v in ec2_types.items()))
    out.append('},\n"prices":{')
    out.append(",\n".join(f'"{k}":{v}' for k, v in prices.items()))
    out.append("}}")
    return "\n".join(out) + "\n", len(prices), len(regions)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "../shared/pricing/aws-prices.json"
    dst = sys.argv[2] if len(sys.argv) > 2 else "server/FinOpsCopilot.Core/Data/aws-price-catalog.json"
    with open(src, encoding="utf-8") as f:
        facts = json.load(f)
    if facts.get("format") != "aws-prices/1":
        raise SystemExit(f"{src}: not an aws-prices/1 file")
    text, skus, regions = build(facts)
    with open(dst, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"{dst}: {skus} SKUs, {regions} regions, {len(text.encode())} bytes")


if __name__ == "__main__":
    main()
