"""Command line: check the data, export the schema, review conversions, diff facts, build."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from generator.load import load_fact_base
from generator.problems import DataError
from generator.schema import stale_schemas, write_schemas


def _check(args: argparse.Namespace) -> int:
    base = load_fact_base(Path(args.data))
    stale = stale_schemas(Path(args.data))
    if stale:
        print(f"schema out of date: {', '.join(stale)} (run: python -m generator schema)", file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(getattr(base, name))} {name.replace('_', ' ')}" for name in type(base).model_fields)
    print(f"data OK: {counts}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    if args.check:
        stale = stale_schemas(Path(args.data))
        for relative in stale:
            print(f"{args.data}/{relative} is out of date", file=sys.stderr)
        return 1 if stale else 0
    for relative in write_schemas(Path(args.data)):
        print(f"wrote {args.data}/{relative}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--data", default="data", help="data folder (default: data)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="load and validate every data file").set_defaults(run=_check)
    schema = commands.add_parser("schema", help="write the JSON Schema of each data file")
    schema.add_argument("--check", action="store_true", help="only fail if a schema is stale")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
