"""Command line: check the data, export the schema, review conversions, diff facts, build."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from generator.load import load_fact_base
from generator.problems import DataError
from generator.review import group_counts, review
from generator.schema import stale_schemas, write_schemas
from generator.staged_build import staged_build


def _check(args: argparse.Namespace) -> int:
    base = load_fact_base(Path(args.data), args.data.rstrip("/"))
    stale = stale_schemas(Path(args.data))
    if stale:
        print(
            f"schema out of date: {', '.join(stale)} (run: python -m generator schema)",
            file=sys.stderr,
        )
        return 1
    counts = ", ".join(
        f"{len(getattr(base, name))} {name.replace('_', ' ')}" for name in type(base).model_fields
    )
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


def _conversions(args: argparse.Namespace) -> int:
    base = load_fact_base(Path(args.data), args.data.rstrip("/"))
    changes = review(
        base,
        args.opencc,
        args.lang,
        Path(args.docs),
        data_dir=Path(args.data),
        second_opinion=True,
    )
    for change in changes:
        print(change.line())
    totals = group_counts(changes)
    kinds = {kind: sum(1 for c in changes if c.kind == kind) for kind in ("differs", "decided")}
    print(
        f"{len(changes)} distinct changes: {totals.get('phrase', 0)} phrase,"
        f" {totals.get('glossary', 0)} glossary, {totals.get('vocabulary', 0)} vocabulary"
    )
    print(
        f"zhconv-rs disagrees on {kinds['differs'] + kinds['decided']} distinct words:"
        f" {kinds['decided']} decided, {kinds['differs']} still to decide (differs)"
    )
    return 1 if args.strict and kinds["differs"] else 0


def _diff(args: argparse.Namespace) -> int:
    from generator.diff import run_diff

    return run_diff(args.base, args.head, Path(args.data), markdown=args.markdown)


def _build(args: argparse.Namespace) -> int:
    return staged_build(Path.cwd(), args.site_dir, args.config_file)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--data", default="data", help="data folder (default: data)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="load and validate every data file").set_defaults(run=_check)
    schema = commands.add_parser("schema", help="write the JSON Schema of each data file")
    schema.add_argument("--check", action="store_true", help="only fail if a schema is stale")
    schema.set_defaults(run=_schema)
    conversions = commands.add_parser(
        "conversions", help="list what conversion changes and where zhconv-rs disagrees"
    )
    conversions.add_argument(
        "--opencc", default="s2twp", help="OpenCC config of the edition (default s2twp)"
    )
    conversions.add_argument("--lang", default="zh-Hant", help="language code of the edition")
    conversions.add_argument("--docs", default="docs", help="hand-written pages folder")
    conversions.add_argument(
        "--strict", action="store_true", help="fail while a disagreement is undecided"
    )
    conversions.set_defaults(run=_conversions)
    diff = commands.add_parser("diff", help="list the facts added, removed or changed since BASE")
    diff.add_argument(
        "base", metavar="BASE", help="git revision to compare with (e.g. origin/main)"
    )
    diff.add_argument(
        "head",
        metavar="HEAD",
        nargs="?",
        help="git revision to compare (default: the working tree)",
    )
    diff.add_argument("--markdown", action="store_true", help="Markdown for a pull-request comment")
    diff.set_defaults(run=_diff)
    build = commands.add_parser("build", help="build site/; on failure the last good site/ stays")
    build.add_argument("--site-dir", default="site")
    build.add_argument("--config-file", default="mkdocs.yml")
    build.set_defaults(run=_build)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
