"""Command line: check the data, export the schema, review conversions, diff facts, build."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from generator.editions.edition import Edition, converted_editions
from generator.facts import fingerprint
from generator.facts.commands import program, step_command
from generator.facts.kinds import list_word
from generator.facts.load import load_documents, load_fact_base, load_report
from generator.facts.messages import say, word
from generator.facts.problems import DataError
from generator.facts.schema import stale_schemas, write_schemas
from generator.glue.staged_build import staged_build
from generator.site.site_files import report_names


def _check(args: argparse.Namespace) -> int:
    base = load_fact_base(Path(args.data), args.data.rstrip("/"))
    load_report(Path(args.data), base, args.data.rstrip("/"), report_names())
    stale = stale_schemas(Path(args.data))
    if stale:
        print(
            say("schema-stale", files=", ".join(stale), command=step_command("schema")),
            file=sys.stderr,
        )
        return 1
    counts = word("comma").join(
        f"{list_word(name)} {len(getattr(base, name))}" for name in type(base).model_fields
    )
    print(say("data-ok", counts=counts))
    return 0


def _schema(args: argparse.Namespace) -> int:
    if args.check:
        stale = stale_schemas(Path(args.data))
        for relative in stale:
            shown = f"{args.data}/{relative}"
            print(
                say("schema-file-stale", file=shown, command=step_command("schema")),
                file=sys.stderr,
            )
        return 1 if stale else 0
    for relative in write_schemas(Path(args.data)):
        print(say("schema-written", file=f"{args.data}/{relative}"))
    return 0


def _review_editions(args: argparse.Namespace) -> list[Edition] | None:
    """The editions a review command reads new text in: the one `--opencc`/`--lang` name, else
    every converted edition mkdocs.yml lists; None (after saying why) when neither is known."""
    if args.opencc:
        if not args.lang:
            print(say("editions-lang-missing", opencc=args.opencc), file=sys.stderr)
            return None
        return [Edition(args.lang, args.lang, args.opencc, "")]
    config_file = Path(args.config_file)
    if not config_file.is_file():
        print(say("editions-unknown", file=args.config_file), file=sys.stderr)
        return None
    from generator.glue.site_config import site_editions

    try:
        return converted_editions(site_editions(config_file)[0])
    except ValueError as error:
        print(error, file=sys.stderr)
        return None


def _edition_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--config-file",
        default="mkdocs.yml",
        help="the site's settings, whose converted editions are reviewed (default mkdocs.yml)",
    )
    command.add_argument(
        "--opencc", help="review only this edition: its OpenCC config (e.g. s2twp, s2hk)"
    )
    command.add_argument("--lang", help="with --opencc: the edition's language code (zh-Hant)")


def _conversions(args: argparse.Namespace) -> int:
    # The review's modules load only here: the site's build never needs them (nor zhconv-rs).
    from generator.editions.second_opinion import second_converter_missing
    from generator.review.conversions import conversions_in, group_counts, review, texts_of

    editions = _review_editions(args)
    if editions is None:
        return 1
    if not (args.since or args.all) and second_converter_missing():
        install = f"{program('python')} -m pip install -e '.[review]'"
        print(say("review-needs-zhconv", install=install), file=sys.stderr)
        return 1
    # Conversion is about wording, not evidence: the grounding checks are left to `check`.
    base, documents = load_documents(Path(args.data), args.data.rstrip("/"), grounding=False)
    if args.since or args.all:
        texts = list(texts_of(base, None, documents))
        if args.since:
            from generator.facts.at_revision import load_revision
            from generator.facts.revisions import GitError, repository_of

            try:
                root, data_rel = repository_of(Path(args.data))
                old = load_revision(root, data_rel, args.since)
            except (GitError, ValueError) as error:
                print(f"conversions: {error}", file=sys.stderr)
                return 1
            known = {text for _, text in texts_of(old, None)}
            texts = [(place, text) for place, text in texts if text not in known]
        changes = [
            change
            for edition in editions
            for change in conversions_in(texts, base, edition.opencc or "", edition.lang)
        ]
    else:
        report = load_report(Path(args.data), base, args.data.rstrip("/"), report_names())
        changes = [
            change
            for edition in editions
            for change in review(
                base,
                edition.opencc or "",
                edition.lang,
                Path(args.docs),
                documents=documents,
                second_opinion=True,
                report=report,
            )
        ]
    for change in changes:
        print(change.line())
    totals = group_counts(changes)
    kinds = {kind: sum(1 for c in changes if c.kind == kind) for kind in ("differs", "decided")}
    print(
        say(
            "conversions-summary",
            count=len(changes),
            glossary=totals.get("glossary", 0),
            phrase=totals.get("phrase", 0),
            char=totals.get("char", 0),
            vocabulary=totals.get("vocabulary", 0),
        )
    )
    if args.since or args.all:
        return 0
    print(
        say(
            "conversions-second-opinion",
            count=kinds["differs"] + kinds["decided"],
            decided=kinds["decided"],
            differs=kinds["differs"],
        )
    )
    return 1 if args.strict and kinds["differs"] else 0


def _fingerprint(args: argparse.Namespace) -> int:
    copy = Path(args.copy)
    try:
        text = copy.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        print(say("fingerprint-unreadable", copy=copy, reason=reason), file=sys.stderr)
        return 1
    try:
        paragraphs = fingerprint.select_lines(text, args.lines) if args.lines else None
    except ValueError:
        print(say("fingerprint-bad-lines", lines=args.lines), file=sys.stderr)
        return 1
    if paragraphs is None:
        paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    target = fingerprint.fingerprint_path(Path(args.data), args.source)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        fingerprint.dump(fingerprint.build(args.source, paragraphs)), encoding="utf-8"
    )
    shown = f"{args.data}/{fingerprint.FOLDER}/{target.name}"
    print(
        say("fingerprint-written", file=shown, count=len(paragraphs), command=step_command("check"))
    )
    return 0


def _diff(args: argparse.Namespace) -> int:
    from generator.review.fact_diff import run_diff

    editions = _review_editions(args)
    if editions is None:
        return 1
    return run_diff(args.base, args.head, Path(args.data), editions, markdown=args.markdown)


def _pr_comment(args: argparse.Namespace) -> int:
    from generator.facts.revisions import GitError
    from generator.glue.site_config import site_editions
    from generator.review.pull_request import build_comment

    try:
        editions, docs = site_editions(Path(args.config_file))
        body = build_comment(
            Path(args.event),
            editions,
            docs,
            Path(args.data),
            Path(args.site_dir),
            run_url=args.run_url or None,
            preview_url=args.preview_url or None,
        )
    except (GitError, ValueError, KeyError, OSError) as error:
        print(f"pr-comment: {error}", file=sys.stderr)
        return 1
    if args.out:
        Path(args.out).write_text(body, encoding="utf-8")
    else:
        sys.stdout.write(body)
    return 0


def _guide(args: argparse.Namespace) -> int:
    from generator.facts.guide import update

    path = Path(args.file)
    text = path.read_text(encoding="utf-8")
    fresh = update(text)
    if args.check:
        if fresh != text:
            print(
                say("guide-stale", file=args.file, command=step_command("guide")), file=sys.stderr
            )
            return 1
        return 0
    path.write_text(fresh, encoding="utf-8")
    return 0


def _build(args: argparse.Namespace) -> int:
    return staged_build(Path.cwd(), args.site_dir, args.config_file)


def _ask(question: str) -> str:
    """One answer typed in the terminal; end of input answers nothing."""
    try:
        return input(question)
    except EOFError:
        return ""


def _new(args: argparse.Namespace) -> int:
    from generator.glue.starter import (
        Identity,
        StarterError,
        asked,
        check_target,
        create_report,
        publish_address,
    )

    target = Path(args.folder)
    identity = Identity(
        args.site_name, args.author, args.citation_key, args.site_url, args.editions
    )
    try:
        check_target(target)
        # Asked only of a person at a terminal: a script or a test never waits for an answer.
        if sys.stdin.isatty() and not args.no_input:
            identity = asked(identity, _ask)
        written = create_report(target, identity)
    except StarterError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        say(
            "new-written",
            folder=target,
            count=len(written),
            python=program("python", target),
            mkdocs=program("mkdocs", target),
            site_url=publish_address(identity),
        )
    )
    left = identity.samples_left()
    if left:
        samples = word("comma").join(left.values())
        print(say("new-samples-left", flags=" ".join(left), values=samples))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--data", default="data", help="data folder (default: data)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="load and validate every data file").set_defaults(run=_check)
    new = commands.add_parser(
        "new",
        help="start a new report in FOLDER (missing or empty)",
        description="在 FOLDER 建立一份新报道。没给出的项目，在终端里运行时会逐一询问；"
        "不在终端里运行时（脚本、测试）不询问，留下示例值，发布构建会拒绝示例值。",
    )
    new.add_argument("folder", metavar="FOLDER", help="新报道的文件夹（不存在或为空）")
    new.add_argument("--site-name", help="网站名称（mkdocs.yml 的 site_name）")
    new.add_argument("--author", help="作者或编写团队（site_author）")
    new.add_argument(
        "--citation-key", help="引用键，小写字母、数字和连字符，也是数据包的文件名（citation_key）"
    )
    new.add_argument("--site-url", help="网站发布后的网址，例如 https://example.org/report/")
    new.add_argument(
        "--editions",
        help="版本，逗号分隔，简体在前：zh-Hans,zh-Hant（默认）、zh-Hans,zh-HK、zh-Hans,zh-TW,zh-HK",
    )
    new.add_argument("--no-input", action="store_true", help="不询问，没给出的项目留下示例值")
    new.set_defaults(run=_new)
    schema = commands.add_parser("schema", help="write the JSON Schema of each data file")
    schema.add_argument("--check", action="store_true", help="only fail if a schema is stale")
    schema.set_defaults(run=_schema)
    conversions = commands.add_parser(
        "conversions", help="list what conversion changes and where zhconv-rs disagrees"
    )
    _edition_options(conversions)
    conversions.add_argument("--docs", default="docs", help="hand-written pages folder")
    conversions.add_argument(
        "--all",
        action="store_true",
        help="every conversion (character ones too), not only what phrases and the glossary change",
    )
    conversions.add_argument(
        "--since",
        metavar="REV",
        help="only text that is new or changed since git revision REV (implies --all)",
    )
    conversions.add_argument(
        "--strict", action="store_true", help="fail while a disagreement is undecided"
    )
    conversions.set_defaults(run=_conversions)
    prints = commands.add_parser(
        "fingerprint",
        help="write data/fingerprints/SOURCE.yml from an archived copy (its text is not stored)",
    )
    prints.add_argument("source", metavar="SOURCE", help="the source's id in sources.yml")
    prints.add_argument("copy", metavar="COPY", help="archived copy of the source, UTF-8 text")
    prints.add_argument(
        "--lines",
        help="lines of COPY that hold the numbered paragraphs, e.g. 25-102 or 1,14,20 (default:"
        " every non-empty line); each non-empty line is one paragraph",
    )
    prints.set_defaults(run=_fingerprint)
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
    _edition_options(diff)
    diff.set_defaults(run=_diff)
    comment = commands.add_parser(
        "pr-comment", help="write the pull-request preview comment for a recorded event"
    )
    comment.add_argument("event", metavar="EVENT_JSON", help="pull_request event payload")
    comment.add_argument("--out", help="file to write the comment to (default: print it)")
    comment.add_argument("--site-dir", default="site", help="the built site (default: site)")
    comment.add_argument("--config-file", default="mkdocs.yml")
    comment.add_argument("--run-url", help="URL of the CI run whose artifacts hold the site")
    comment.add_argument(
        "--preview-url", help="where the built site is served, if anywhere: page links become URLs"
    )
    comment.set_defaults(run=_pr_comment)
    guide = commands.add_parser(
        "guide", help="rewrite the generated tables (errors, fields) of the contributing guide"
    )
    guide.add_argument("file", nargs="?", default="CONTRIBUTING.md")
    guide.add_argument("--check", action="store_true", help="only fail if a table is stale")
    guide.set_defaults(run=_guide)
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
