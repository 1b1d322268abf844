"""The command line: ask, sources, check, add, chat, eval, timeline, report, and the chat adapters."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TextIO

from pydantic import ValidationError

from bot.articles import Article, FrontMatter, read_file
from bot.cache import IndexCache
from bot.config import Settings
from bot.control_characters import TEXT_LAYOUT, control_characters, escape_controls, for_terminal
from bot.knowledge_base import KnowledgeBase, KnowledgeBaseError, load_snapshot
from bot.logs import configure_logging, secret_values
from bot.render import answer_text, notice_text, sources_text
from bot.spelling import ENGLISH

if TYPE_CHECKING:
    from bot.desk.adding import Adder
    from bot.ops.runtime import Operations

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

log = logging.getLogger(__name__)


def positive_int(text: str) -> int:
    """An argparse type for counts: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Answer questions about news articles with exact, attributed passages.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = commands.add_parser("ask", help="answer a question (or one per line from stdin)")
    ask.add_argument("question", nargs="?", help="the question; omit to read questions from stdin")
    ask.add_argument("--json", action="store_true", help="print JSON (JSON Lines from stdin)")
    ask.add_argument(
        "-k", type=positive_int, default=3, metavar="N", help="passages to quote (default 3)"
    )
    _add_kb(ask)

    sources = commands.add_parser("sources", help="list the articles of the knowledge base")
    sources.add_argument("--json", action="store_true", help="print JSON")
    _add_kb(sources)

    check = commands.add_parser("check", help="validate a knowledge base; exit 1 on problems")
    _add_kb(check)

    add = commands.add_parser(
        "add", help="add articles from URLs, HTML files or text files; exit 1 if any is refused"
    )
    add.add_argument("sources", nargs="+", metavar="SOURCE", help="a URL, an HTML or a text file")
    _add_kb(add)

    chat = commands.add_parser("chat", help="an interactive console session, no token needed")
    _add_kb(chat)

    timeline = commands.add_parser("timeline", help="a dated, sourced timeline of the events")
    timeline.add_argument("topic", nargs="?", help="keep only events about this topic")
    timeline.add_argument("--json", action="store_true", help="print JSON")
    timeline.add_argument("--limit", type=int, default=15, metavar="N", help="events (default 15)")
    timeline.add_argument("--png", type=Path, metavar="FILE", help="also draw it into FILE")
    _add_kb(timeline)

    evaluate = commands.add_parser("eval", help="retrieval quality on an eval set, with baseline")
    evaluate.add_argument("--questions", type=Path, default=Path("eval/questions.yml"))
    evaluate.add_argument("--json", action="store_true", help="print JSON")
    evaluate.add_argument(
        "--typos",
        type=int,
        metavar="SEED",
        help="add one random typo to every question, repeatably by SEED",
    )
    _add_kb(evaluate)

    report = commands.add_parser(
        "report", help="the questions that were declined or voted down, grouped"
    )
    report.add_argument(
        "--days", type=positive_int, default=30, metavar="N", help="the last N days (default 30)"
    )
    report_form = report.add_mutually_exclusive_group()
    report_form.add_argument("--json", action="store_true", help="print JSON")
    report_form.add_argument("--csv", action="store_true", help="print CSV")

    discord = commands.add_parser("discord", help="run the Discord bot (env DISCORD_TOKEN)")
    _add_health_port(discord)
    _add_kb(discord)

    slack = commands.add_parser("slack", help="run the Slack bot (Socket Mode, or --http)")
    slack.add_argument("--http", action="store_true", help="serve POST /slack/events over HTTP")
    slack.add_argument("--port", type=int, default=3000, help="HTTP port (default 3000)")
    _add_health_port(slack)
    _add_kb(slack)
    return parser


def _add_kb(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kb",
        type=Path,
        metavar="DIR",
        help="knowledge directory (default: $KNOWLEDGE_DIR or ./knowledge)",
    )


def _add_health_port(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--health-port",
        type=int,
        metavar="N",
        help="serve GET /healthz and /readyz on port N (default: $HEALTH_PORT, else none)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as error:
        first = error.errors()[0]
        print(f"error: setting {str(first['loc'][0]).upper()}: {first['msg']}", file=sys.stderr)
        return EXIT_USAGE
    configure_logging(settings.log_level, settings.log_format, secret_values(settings))
    if args.command == "report":
        return run_report(args, settings, sys.stdout)
    directory = args.kb or settings.knowledge_dir
    if args.command == "check":
        return run_check(directory, settings, sys.stdout)
    if args.command == "add":
        return run_add(directory, args.sources, settings, sys.stdout)
    cache = IndexCache(settings.index_cache_dir) if settings.index_cache else None
    ENGLISH.keep_copies_in(cache)  # the dictionary decompressed once, not at every run
    try:
        kb = KnowledgeBase(
            directory,
            max_file_bytes=settings.max_file_bytes,
            cache=cache,
            progress=True,
            aliases_fallback=settings.aliases_file,
            build_workers=settings.build_workers,
        )
    except KnowledgeBaseError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](kb, args, settings)
    except BrokenPipeError:
        return _reader_went_away()
    except Exception:
        log.exception("%s failed", args.command)  # through the handler that blanks secrets
        return EXIT_PROBLEMS


def _reader_went_away() -> int:
    """``newsdesk sources | head``: the reader closed the pipe. End quietly, as ``cat`` does;
    stdout goes to /dev/null so that the interpreter's last flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_OK


def run_ask(kb: KnowledgeBase, args: argparse.Namespace, settings: Settings) -> int:
    if args.question is not None:
        _print_answer(kb, args.question, args, sys.stdout)
        return EXIT_OK
    for line in question_lines(sys.stdin):
        _print_answer(kb, line, args, sys.stdout, one_line=True)
    return EXIT_OK


def question_lines(stream: TextIO) -> Iterator[str]:
    """One question per line. Bytes that are not UTF-8 become U+FFFD instead of ending the
    batch, whatever the locale's encoding: the JSON Lines out stay valid UTF-8."""
    for raw in getattr(stream, "buffer", None) or (line.encode() for line in stream):
        yield raw.decode("utf-8", errors="replace").rstrip("\r\n")


def _print_answer(
    kb: KnowledgeBase,
    question: str,
    args: argparse.Namespace,
    out: TextIO,
    *,
    one_line: bool = False,
) -> None:
    answer = kb.ask(question, k=args.k)
    if args.json:
        shown = {**answer.to_json(), "notice": notice_text(answer)}
        out.write(json.dumps(shown, ensure_ascii=False) + "\n")
    else:
        text = for_terminal(answer_text(answer))
        out.write((json.dumps(text, ensure_ascii=False) if one_line else text) + "\n")
    out.flush()


def run_sources(kb: KnowledgeBase, args: argparse.Namespace, settings: Settings) -> int:
    if args.json:
        print(json.dumps([a.reference() for a in kb.articles], ensure_ascii=False, indent=2))
    else:
        print(for_terminal(sources_text(kb.articles)))
    return EXIT_OK


def run_check(directory: Path, settings: Settings, out: TextIO) -> int:
    """One line per problem (file: reason), per guessed field, per unknown front-matter key and
    per field with control characters; exit 1 when any problem (guesses, unknown keys and control
    characters are notes, not problems). Every line is escaped for the terminal."""
    try:
        snapshot = load_snapshot(
            directory,
            max_file_bytes=settings.max_file_bytes,
            aliases_fallback=settings.aliases_file,
            workers=settings.build_workers,
        )
    except KnowledgeBaseError as error:
        for problem in error.problems:
            out.write(f"{problem}\n")
        out.write(f"error: {for_terminal(str(error))}\n" if not error.problems else "")
        return EXIT_PROBLEMS
    for problem in snapshot.problems:
        out.write(f"{problem}\n")
    for article in snapshot.articles.values():
        for line in _article_notes(article):
            out.write(escape_controls(line) + "\n")
    out.write(
        f"{len(snapshot.articles)} articles, {len(snapshot.passages)} passages, "
        f"{len(snapshot.problems)} problems (version {snapshot.version})\n"
    )
    return EXIT_PROBLEMS if snapshot.problems else EXIT_OK


def run_report(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """The unanswered-questions report from the feedback store, as text, JSON or CSV."""
    from bot.feedback import FeedbackUnavailable, open_store
    from bot.feedback.render import unanswered_text
    from bot.feedback.report import read_report

    try:
        store = open_store(settings)
    except FeedbackUnavailable as error:
        print(f"error: the feedback store is unavailable: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        report = read_report(store, days=args.days, now=datetime.now(UTC))
    finally:
        store.close()
    if args.json:
        out.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    elif args.csv:
        out.write(report.to_csv())
    else:
        out.write(unanswered_text(report, limit=len(report.groups)) + "\n")
    return EXIT_OK


CHECKED_FIELDS = ("title", "publisher", "author", "url", "text")


def _article_notes(article: Article) -> Iterator[str]:
    """``check``'s notes on one article: guessed fields and where from, fields left empty,
    unknown keys, control characters."""
    name = Path(article.path).name
    for field, where in article.provenance:
        value = getattr(article, field)
        shown = value.isoformat() if isinstance(value, date) else value
        yield f"{name}: guessed {field}: {shown} from {where}"
    for field, why in article.conflicts:
        yield f"{name}: {field} left empty: {why}"
    for key in article.unknown_keys:
        yield (
            f"{name}: front matter key `{key}` is not an article field "
            f"and was ignored (fields: {', '.join(FrontMatter.model_fields)})"
        )
    for field in CHECKED_FIELDS:
        keep = TEXT_LAYOUT if field == "text" else ""
        if found := control_characters(getattr(article, field) or "", keep=keep):
            yield (
                f"{name}: control characters in the {field} ({' '.join(found)}); "
                "shown escaped in the terminal"
            )


def run_add(directory: Path, sources: list[str], settings: Settings, out: TextIO) -> int:
    """Add each source in turn (a later one is checked against the earlier ones too)."""
    from bot.ingest.add import add_article
    from bot.ingest.fetch import fetch_policy
    from bot.render import RELOAD_HINT, add_report_text

    try:
        existing = list(_current_articles(directory, settings))
    except KnowledgeBaseError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    policy, added = fetch_policy(settings), 0
    for source in sources:
        report = add_article(source, directory, existing=existing, policy=policy)
        out.write(for_terminal(add_report_text(report)) + "\n")
        if report.ok and report.path:
            existing.append(load_added(report.path, settings))
            added += 1
    if added:
        out.write(RELOAD_HINT + "\n")
    return EXIT_OK if added == len(sources) else EXIT_PROBLEMS


def _current_articles(directory: Path, settings: Settings) -> Iterator[Article]:
    """The folder's articles as a reload would read them; none yet in an empty folder."""
    if not directory.is_dir():
        raise KnowledgeBaseError(f"knowledge directory {directory} does not exist")
    cache = IndexCache(settings.index_cache_dir) if settings.index_cache else None
    try:
        snapshot = load_snapshot(
            directory,
            max_file_bytes=settings.max_file_bytes,
            cache=cache,
            aliases_fallback=settings.aliases_file,
            workers=settings.build_workers,
        )
    except KnowledgeBaseError:  # no usable article yet: nothing to be a duplicate of
        return
    yield from snapshot.articles.values()


def load_added(path: str, settings: Settings) -> Article:
    from bot.ingest.files import read_article

    data = read_file(Path(path), max_bytes=settings.max_file_bytes)
    return read_article(data, article_id=Path(path).stem, path=path).article


def run_chat(kb: KnowledgeBase, args: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.console import ConsoleSession, console_desk
    from bot.feedback import recorder_for

    feedback = recorder_for(settings)
    desk = console_desk(kb, chat_adder(kb, settings), feedback=feedback)
    try:
        ConsoleSession(kb, desk).run(sys.stdin, sys.stdout)
    finally:
        feedback.close()
    return EXIT_OK


def chat_adder(kb: KnowledgeBase, settings: Settings) -> Adder:
    """The core add function for ``/add`` in chat, with the settings' fetch limits."""
    from bot.desk.adding import core_adder
    from bot.ingest.fetch import fetch_policy

    return core_adder(kb, fetch_policy(settings))


def run_timeline(kb: KnowledgeBase, args: argparse.Namespace, settings: Settings) -> int:
    from bot.timeline import command

    return command.run(kb, args)


def run_eval(kb: KnowledgeBase, args: argparse.Namespace, settings: Settings) -> int:
    from bot.evaluation import EvalSetError, run

    try:
        return run(kb, args.questions, as_json=args.json, typos=args.typos)
    except EvalSetError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE


def operations(
    kb: KnowledgeBase,
    args: argparse.Namespace,
    settings: Settings,
    platform: str,
    http_port: int | None = None,
) -> Operations:
    """The ops parts for a chat adapter.

    ``http_port`` is the port of the Slack HTTP server, which answers the health paths itself:
    no second server is started on it.
    """
    from bot.feedback import recorder_for
    from bot.ops.replicas import MissingRedisPackage
    from bot.ops.runtime import Operations

    health_port = args.health_port if args.health_port is not None else settings.health_port
    if health_port and health_port == http_port:
        health_port = None
    try:
        return Operations.build(
            kb,
            platform=platform,
            redis_url=settings.redis_url.get_secret_value() if settings.redis_url else None,
            replica_id=settings.replica_id,
            namespace=settings.redis_namespace,
            health_host=settings.health_host,
            health_port=health_port,
            feedback=recorder_for(settings),
        )
    except MissingRedisPackage as error:
        raise SystemExit(f"error: {error}") from None


ADAPTER_EXTRAS = {"discord": "discord.py", "slack": "slack-bolt"}


def import_adapter(platform: str) -> ModuleType:
    """The adapter module; exits with the install command when its optional extra is missing."""
    try:
        return importlib.import_module(f"bot.adapters.{platform}")
    except ModuleNotFoundError as error:
        if error.name and error.name.split(".")[0] == "bot":
            raise
        raise SystemExit(
            f"error: the {platform.capitalize()} bot needs {ADAPTER_EXTRAS[platform]} "
            f"({error.name} is not installed): pip install 'newsdesk-bot[{platform}]'"
        ) from None


def run_discord(kb: KnowledgeBase, args: argparse.Namespace, settings: Settings) -> int:
    discord = import_adapter("discord")
    ops = operations(kb, args, settings, "discord")
    discord.run(kb, settings, ops=ops, adder=chat_adder(kb, settings))
    return EXIT_OK


def run_slack(kb: KnowledgeBase, args: argparse.Namespace, settings: Settings) -> int:
    slack = import_adapter("slack")
    http_port = None if slack.uses_socket_mode(settings, args.http) else args.port
    ops = operations(kb, args, settings, "slack", http_port)
    slack.run(kb, settings, http=args.http, port=args.port, ops=ops, adder=chat_adder(kb, settings))
    return EXIT_OK


COMMANDS = {
    "ask": run_ask,
    "sources": run_sources,
    "chat": run_chat,
    "timeline": run_timeline,
    "eval": run_eval,
    "discord": run_discord,
    "slack": run_slack,
}
