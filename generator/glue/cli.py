"""Command line: check the data, export the schema, review conversions, diff facts, build.

Every word a user reads is Chinese (English with REPORT_LANG=en): the help texts come from
`COMMAND_HELP`, and argparse's own words (usage, section titles, its errors) from
`ARGPARSE_WORDS`. argparse asks gettext for those, through the `_` and `ngettext` it bound at
import; a gettext catalogue would need a compiled .mo file and the reader's locale settings, so
`_argparse_words` rebinds the two lookups to the catalogue while the parser is built and runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from generator.editions.edition import Edition, converted_editions
from generator.facts import fingerprint
from generator.facts.commands import program, step_command
from generator.facts.kinds import list_word
from generator.facts.load import load_documents, load_fact_base, load_report
from generator.facts.messages import argparse_word, helps, say, word
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
        help=helps("config-file-review"),
    )
    command.add_argument("--opencc", help=helps("opencc"))
    command.add_argument("--lang", help=helps("lang"))


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
            from generator.facts.at_revision import load_revision, revision_problem
            from generator.facts.revisions import GitError, repository_of

            try:
                root, data_rel = repository_of(Path(args.data))
                old = load_revision(root, data_rel, args.since)
            except GitError as error:
                print(revision_problem(error, "conversions --since", args.data), file=sys.stderr)
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


def _event_problem(event: Path) -> str | None:
    """Why `event` is no recorded pull_request event, or None when it is one."""
    from generator.review.pull_request import read_event

    if not event.is_file():
        return say("preview-event-missing", file=event)
    try:
        read_event(event)
    except (OSError, ValueError, KeyError, TypeError):
        return say("preview-event-unreadable", file=event)
    return None


def _pr_comment(args: argparse.Namespace) -> int:
    from generator.facts.at_revision import revision_problem
    from generator.facts.revisions import GitError
    from generator.glue.site_config import site_editions
    from generator.review.pull_request import build_comment

    problem = _event_problem(Path(args.event))
    if problem is None and not Path(args.config_file).is_file():
        problem = say("editions-unknown", file=args.config_file)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    try:
        editions, docs = site_editions(Path(args.config_file))
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    try:
        body = build_comment(
            Path(args.event),
            editions,
            docs,
            Path(args.data),
            Path(args.site_dir),
            run_url=args.run_url or None,
            preview_url=args.preview_url or None,
        )
    except GitError as error:
        print(revision_problem(error, "pr-comment", args.data), file=sys.stderr)
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


def _ngettext(singular: str, plural: str, count: int) -> str:
    return argparse_word(singular if count == 1 else plural)


@contextmanager
def _argparse_words() -> Iterator[None]:
    """argparse speaks the contributor's language while the block runs (see the module's doc)."""
    names = vars(argparse)
    saved = names["_"], names["ngettext"]
    names["_"], names["ngettext"] = argparse_word, _ngettext
    try:
        yield
    finally:
        names["_"], names["ngettext"] = saved


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    run: Callable[[argparse.Namespace], int],
    description: str | None = None,
) -> argparse.ArgumentParser:
    """Subcommand `name`, its help (and description) from COMMAND_HELP, running `run`."""
    command = commands.add_parser(
        name, help=helps(name), description=description or helps(name), add_help=False
    )
    _help_option(command)
    command.set_defaults(run=run)
    return command


def _help_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help=helps("help"))


def build_parser() -> argparse.ArgumentParser:
    """The command line; build it inside `_argparse_words` for argparse's own words too."""
    parser = argparse.ArgumentParser(
        prog="python -m generator", description=helps("description"), add_help=False
    )
    _help_option(parser)
    parser.add_argument("--data", default="data", help=helps("data"))
    commands = parser.add_subparsers(dest="command", metavar=helps("command"), required=True)
    _command(commands, "check", _check)
    new = _command(commands, "new", _new, helps("new-description"))
    new.add_argument("folder", metavar="FOLDER", help=helps("new-folder"))
    new.add_argument("--site-name", help=helps("new-site-name"))
    new.add_argument("--author", help=helps("new-author"))
    new.add_argument("--citation-key", help=helps("new-citation-key"))
    new.add_argument("--site-url", help=helps("new-site-url"))
    new.add_argument("--editions", help=helps("new-editions"))
    new.add_argument("--no-input", action="store_true", help=helps("new-no-input"))
    schema = _command(commands, "schema", _schema)
    schema.add_argument("--check", action="store_true", help=helps("schema-check"))
    conversions = _command(commands, "conversions", _conversions)
    _edition_options(conversions)
    conversions.add_argument("--docs", default="docs", help=helps("docs"))
    conversions.add_argument("--all", action="store_true", help=helps("all"))
    conversions.add_argument("--since", metavar="REV", help=helps("since"))
    conversions.add_argument("--strict", action="store_true", help=helps("strict"))
    prints = _command(commands, "fingerprint", _fingerprint)
    prints.add_argument("source", metavar="SOURCE", help=helps("fingerprint-source"))
    prints.add_argument("copy", metavar="COPY", help=helps("fingerprint-copy"))
    prints.add_argument("--lines", help=helps("fingerprint-lines"))
    diff = _command(commands, "diff", _diff)
    diff.add_argument("base", metavar="BASE", help=helps("diff-base"))
    diff.add_argument("head", metavar="HEAD", nargs="?", help=helps("diff-head"))
    diff.add_argument("--markdown", action="store_true", help=helps("diff-markdown"))
    _edition_options(diff)
    comment = _command(commands, "pr-comment", _pr_comment)
    comment.add_argument("event", metavar="EVENT_JSON", help=helps("pr-comment-event"))
    comment.add_argument("--out", help=helps("pr-comment-out"))
    comment.add_argument("--site-dir", default="site", help=helps("site-dir-built"))
    comment.add_argument("--config-file", default="mkdocs.yml", help=helps("config-file"))
    comment.add_argument("--run-url", help=helps("pr-comment-run-url"))
    comment.add_argument("--preview-url", help=helps("pr-comment-preview-url"))
    guide = _command(commands, "guide", _guide)
    guide.add_argument(
        "file", metavar="FILE", nargs="?", default="CONTRIBUTING.md", help=helps("guide-file")
    )
    guide.add_argument("--check", action="store_true", help=helps("guide-check"))
    build = _command(commands, "build", _build)
    build.add_argument("--site-dir", default="site", help=helps("site-dir-build"))
    build.add_argument("--config-file", default="mkdocs.yml", help=helps("config-file"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    with _argparse_words():
        args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
