"""The conversation suite: every command through the desk, as every surface reaches it.

The adapters' own tests check only that they translate to and from these requests and replies.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from harness import Clock, Conversation, Files, FolderAdder

from bot import render
from bot.desk import Attachment, Command, Desk, ReplyKind, Request
from bot.desk.threads import ThreadContexts
from bot.knowledge_base import KnowledgeBase
from bot.render import NO_ANSWER

VOLCANO = "When did the volcano erupt near Ashford?"


# -- questions ------------------------------------------------------------------------------------


def test_a_question_is_answered_with_the_quoted_passage_and_its_source(chat: Conversation):
    reply = chat.say(VOLCANO)
    assert reply is not None and reply.kind == ReplyKind.ANSWER
    assert reply.answer is not None and reply.answer.answered
    assert "erupted on Tuesday" in reply.text
    assert "Volcano erupts near the coast — The Coast Herald" in reply.text
    assert reply.answer_id and reply.answer_id.startswith(chat.kb.version)


def test_the_same_question_on_the_same_version_has_the_same_answer_id(chat: Conversation):
    first, second = chat.say(VOLCANO, user="ann"), chat.say(VOLCANO, user="bob")
    assert first and second and first.answer_id == second.answer_id


def test_a_declined_answer_shows_the_typo_corrections_it_tried_in_the_text(chat: Conversation):
    text = chat.text("Is the volcanno on Jupiter?")
    assert NO_ANSWER in text
    assert "“volcanno” as “volcano”" in text


def test_a_second_question_within_the_cooldown_is_asked_to_wait(kb: KnowledgeBase):
    desk = Desk(kb, None, platform="test", cooldown_seconds=60)  # type: ignore[arg-type]
    ask = Request(platform="test", user="ann", command=Command.ASK, text=VOLCANO)
    assert desk.handle(ask).kind == ReplyKind.ANSWER  # type: ignore[union-attr]
    wait = desk.handle(ask)
    assert wait is not None and wait.private and "ask again in" in wait.text
    other = Request(platform="test", user="bob", command=Command.ASK, text=VOLCANO)
    assert desk.handle(other).kind == ReplyKind.ANSWER  # type: ignore[union-attr]


def test_a_failure_apologises_and_gives_the_question_back_to_the_cooldown(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
):
    desk = Desk(kb, None, platform="test", cooldown_seconds=60)  # type: ignore[arg-type]
    ask = Request(platform="test", user="ann", command=Command.ASK, text=VOLCANO)
    with monkeypatch.context() as patched:
        patched.setattr(kb, "ask", lambda *a: 1 / 0)
        apology = desk.handle(ask)
    assert apology is not None and apology.text == render.APOLOGY and apology.private
    again = desk.handle(ask)
    assert again is not None and again.kind == ReplyKind.ANSWER


def test_sources_lists_every_article_privately(chat: Conversation):
    reply = chat.say("", Command.SOURCES)
    assert reply is not None and reply.private and len(reply.articles) == 3
    assert "- Harbour FC lifts the cup — Sports Weekly" in reply.text


def test_a_timeline_is_dated_and_a_topic_narrows_it(chat: Conversation):
    reply = chat.say("volcano", Command.TIMELINE)
    assert reply is not None and reply.timeline is not None
    assert all("olcano" in e.text or "Lava" in e.text for e in reply.timeline.events)


# -- moderators -----------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [Command.RELOAD, Command.STATUS, Command.ADD])
def test_moderator_commands_are_refused_privately_to_members(
    chat: Conversation, command: Command, adder: FolderAdder
):
    reply = chat.say("https://example.org/a", command, moderator=False)
    assert reply is not None and reply.private and reply.text.startswith("Only moderators can")
    assert adder.given == []


def test_a_moderator_reloads_and_sees_the_status(chat: Conversation, add_article):
    add_article("late", "A late story about a ferry strike in the harbour.")
    report = chat.text("", Command.RELOAD, moderator=True)
    assert report.startswith("Reloaded") and "late.md" in report
    assert "Last reload" in chat.text("", Command.STATUS, moderator=True)


# -- share ----------------------------------------------------------------------------------------


def test_a_private_answer_can_be_shared_as_it_was_shown(chat: Conversation):
    private = chat.say(VOLCANO, private=True)
    assert private is not None and private.private and private.shareable
    shared = chat.say("", Command.SHARE, user="bob", answer_id=private.answer_id)
    assert shared is not None and not shared.private
    assert shared.answer == private.answer and shared.shared_by == "@bob" and shared.note is None


def test_a_share_the_desk_no_longer_keeps_is_asked_again_on_the_same_version(
    chat: Conversation, kb: KnowledgeBase
):
    private = chat.say(VOLCANO, private=True)
    assert private is not None and private.answer is not None
    restarted = Desk(kb, None, platform="test")  # type: ignore[arg-type]
    shared = restarted.handle(
        Request(
            platform="test",
            user="ann",
            command=Command.SHARE,
            text=private.answer.question,
            answer_id=private.answer_id,
        )
    )
    assert shared is not None and shared.answer == private.answer and shared.note is None


def test_a_share_after_the_articles_changed_says_it_is_the_current_answer(
    chat: Conversation, kb: KnowledgeBase, add_article
):
    private = chat.say(VOLCANO, private=True)
    assert private is not None and private.answer is not None
    add_article("ash", "Ash from the volcano near Ashford closed the airport on Wednesday.")
    kb.reload()
    restarted = Desk(kb, None, platform="test")  # type: ignore[arg-type]
    shared = restarted.handle(
        Request(
            platform="test",
            user="ann",
            command=Command.SHARE,
            text=private.answer.question,
            answer_id=private.answer_id,
        )
    )
    assert shared is not None and shared.note == render.SHARED_AGAIN
    assert render.SHARED_AGAIN in shared.text


def test_a_share_of_an_answer_gone_without_its_question_says_so(chat: Conversation):
    reply = chat.say("", Command.SHARE, answer_id="oldversion.0123456789abcdef")
    assert reply is not None and reply.private and reply.text == render.ANSWER_GONE


# -- follow-ups -----------------------------------------------------------------------------------


def test_an_elliptical_follow_up_is_read_with_the_previous_questions_subject(chat: Conversation):
    chat.say(VOLCANO)
    reply = chat.say("and how many were evacuated?")
    assert reply is not None and reply.read_as == "how many were evacuated about Ashford?"
    assert reply.text.startswith("Read as: how many were evacuated about Ashford?")
    assert "evacuated 2,500 residents" in reply.text


def test_a_pronoun_is_resolved_to_the_previous_subject_when_only_one_is_named(
    chat: Conversation,
):
    chat.say("Who scored twice for Harbour FC?")
    reply = chat.say("when did they win the cup?")
    assert reply is not None and reply.read_as == "when did Harbour FC win the cup?"
    assert "won the regional cup final 3-1 on Saturday" in reply.text


def test_a_thread_with_two_subjects_asks_which_one_is_meant(chat: Conversation):
    chat.say("What did Mayor Alice Grant promise Harbour FC?")
    reply = chat.say("did he deliver it?")
    assert reply is not None and reply.answer is None
    assert "“he” could mean “Mayor Alice Grant” or “Harbour FC”" in reply.text
    follow = chat.say("What did Mayor Alice Grant promise?")
    assert follow is not None and follow.answer is not None, "the cooldown was given back"


def test_a_follow_up_after_the_context_expired_asks_for_the_whole_question(
    chat: Conversation, clock: Clock
):
    chat.say(VOLCANO)
    clock.now += 601
    reply = chat.say("and how many were evacuated?")
    assert reply is not None and reply.answer is None
    assert "ask again in full" in reply.text and "10 minutes" in reply.text
    standalone = chat.say("How many residents were evacuated from Ashford?")
    assert standalone is not None and standalone.read_as is None
    assert "2,500" in standalone.text


def test_context_is_kept_per_thread(chat: Conversation):
    chat.say(VOLCANO, thread="a")
    chat.say("Who scored twice for Harbour FC?", thread="b")
    reply = chat.say("and how many were evacuated?", thread="a")
    assert reply is not None and reply.read_as == "how many were evacuated about Ashford?"


def test_the_oldest_thread_is_forgotten_beyond_the_bound(chat: Conversation):
    chat.say(VOLCANO, thread="first")
    for thread in ("second", "third", "fourth"):
        chat.say("Who scored twice for Harbour FC?", thread=thread)
    reply = chat.say("how many were evacuated?", thread="first")
    assert reply is not None and reply.read_as is None


def test_an_unaddressed_message_is_answered_only_in_a_thread_with_a_conversation(
    chat: Conversation,
):
    assert chat.say("did they win?", addressed=False, thread="quiet") is None
    chat.say("Who scored twice for Harbour FC?", thread="talk")
    reply = chat.say("when did they win the cup?", addressed=False, thread="talk")
    assert reply is not None and reply.read_as == "when did Harbour FC win the cup?"


def test_a_question_without_a_thread_keeps_no_context(chat: Conversation):
    chat.say(VOLCANO, thread=None)
    reply = chat.say("and how many were evacuated?", thread=None)
    assert reply is not None and reply.read_as is None


# -- /add -----------------------------------------------------------------------------------------


def attachment(name: str = "ferry.md", size: int = 100, **details: object) -> Attachment:
    return Attachment(filename=name, size=size, url=f"https://files.example/{name}", **details)  # type: ignore[arg-type]


FERRY = b"---\ntitle: Ferry strike\n---\nFerry crews in Ashford went on strike on Monday.\n"


def test_a_moderator_adds_an_attached_file_and_gets_the_reload_report(
    chat: Conversation, files: Files, adder: FolderAdder
):
    files.stored["https://files.example/ferry.md"] = FERRY
    reply = chat.say("", Command.ADD, moderator=True, attachments=(attachment(),))
    assert reply is not None and reply.private
    assert "Added: ferry.md" in reply.text and "Guessed date: none found" in reply.text
    assert "Reloaded: now version" in reply.text
    assert "strike on Monday" in chat.text("Why did ferry crews strike in Ashford?")


def test_add_passes_a_url_to_the_add_function_and_reports_its_refusal(
    chat: Conversation, adder: FolderAdder
):
    reply = chat.say("https://example.org/news", Command.ADD, moderator=True)
    assert reply is not None and reply.text.startswith("Not added:")
    assert adder.given[0].url == "https://example.org/news"


@pytest.mark.parametrize("text", ["", "/etc/passwd", "file:///etc/passwd", "knowledge/a.md"])
def test_add_takes_only_a_web_address_or_a_file_and_says_how(
    chat: Conversation, adder: FolderAdder, text: str
):
    assert chat.text(text, Command.ADD, moderator=True) == render.ADD_NEEDS_SOURCE
    assert adder.given == []


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        (attachment(size=5_000), "larger than the 2,000-byte limit"),
        (attachment("photo.png"), "not an HTML, Markdown or text file"),
        (attachment(content_type="image/png"), "not readable text"),
        (attachment(from_platform_host=False), "not on this platform's own file host"),
    ],
)
def test_an_attachment_that_cannot_be_an_article_is_refused_before_download(
    chat: Conversation, adder: FolderAdder, file: Attachment, expected: str
):
    reply = chat.say("", Command.ADD, moderator=True, attachments=(file,))
    assert reply is not None and expected in reply.text
    assert adder.given == []


def test_an_attachment_larger_than_announced_is_refused_at_download(
    chat: Conversation, files: Files, adder: FolderAdder
):
    files.stored["https://files.example/ferry.md"] = b"x" * 3_000
    reply = chat.say("", Command.ADD, moderator=True, attachments=(attachment(size=10),))
    assert reply is not None and "larger than the 2,000-byte limit" in reply.text
    assert adder.given == []


def test_an_attachment_that_is_not_text_is_refused(
    chat: Conversation, files: Files, adder: FolderAdder
):
    files.stored["https://files.example/ferry.md"] = b"\x89PNG\r\n\x1a\n\x00\x00"
    reply = chat.say("", Command.ADD, moderator=True, attachments=(attachment(),))
    assert reply is not None and "not readable text" in reply.text
    assert adder.given == []


def test_add_while_a_reload_runs_is_refused_clearly(
    chat: Conversation, kb: KnowledgeBase, adder: FolderAdder, monkeypatch: pytest.MonkeyPatch
):
    loading, release = threading.Event(), threading.Event()
    real_load = kb._load

    def slow_load():
        loading.set()
        assert release.wait(10)
        return real_load()

    monkeypatch.setattr(kb, "_load", slow_load)
    reload = threading.Thread(target=kb.reload)
    reload.start()
    try:
        assert loading.wait(10)
        reply = chat.say("https://example.org/news", Command.ADD, moderator=True)
    finally:
        release.set()
        reload.join(10)
    assert reply is not None and reply.text == render.ADD_WHILE_RELOADING
    assert adder.given == []


def test_add_on_a_bot_started_without_the_add_function_says_so(kb: KnowledgeBase):
    desk = Desk(kb, None, platform="test")  # type: ignore[arg-type]
    reply = desk.handle(
        Request(platform="test", user="m", command=Command.ADD, text="https://x", is_moderator=True)
    )
    assert reply is not None and reply.text == render.ADD_UNAVAILABLE


# -- help -----------------------------------------------------------------------------------------


def test_help_lists_moderator_commands_only_to_moderators(chat: Conversation):
    assert "/reload" not in chat.text("", Command.HELP)
    assert "/reload" in chat.text("", Command.HELP, moderator=True)


def test_folder_adder_fixture_writes_into_the_knowledge_folder(tiny_kb_dir: Path):
    assert FolderAdder(tiny_kb_dir).directory == tiny_kb_dir


def test_contexts_are_bounded_by_count(clock: Clock):
    contexts = ThreadContexts(max_threads=2, clock=clock)
    from bot.desk.followup import Focus

    for name in "abc":
        contexts.keep(name, "q", Focus(("X",)))
    assert contexts.get("a") is None and len(contexts) == 2
