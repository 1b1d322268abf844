"""The learned lexicon: what ``scripts/build_lexicon.py`` learns from questions and the
sentences that answer them, and how a question is searched with it (``bot.lexicon``)."""

from __future__ import annotations

from pathlib import Path

import yaml

import bot.lexicon
from bot.knowledge_base import KnowledgeBase
from bot.lexicon import LEARNED_WEIGHT, parse, with_learned
from tests.conftest import write_article
from tests.developer_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent


FILLER = [
    (f"When did ferry {n} leave the harbour?", f"Ferry {n} left the harbour at dawn on day {n}.")
    for n in range(12)
]
"""Answers that hold neither word: what the answer word's share at large is measured against."""


def question_set(folder: Path, name: str, pairs: list[tuple[str, str]]) -> tuple[Path, Path]:
    """A question set of one page per (question, answering sentence), in ``folder``."""
    folder.mkdir(exist_ok=True)
    answerable = []
    for number, (question, sentence) in enumerate(pairs):
        slug = f"{name}-{number}"
        (folder / f"{slug}.txt").write_text(f"A headline\n\n{sentence}\n", encoding="utf-8")
        answerable.append({"question": question, "expect": sentence[:-1], "article": slug})
    path = folder / f"{name}.yml"
    path.write_text(yaml.safe_dump({"answerable": answerable, "unanswerable": []}))
    return path, folder


FIGHTERS = [
    ("How many fighters did Pyongyang send?", "Pyongyang sent 3,000 soldiers to Kursk."),
    ("Where were the fighters trained?", "The soldiers were trained in the far east."),
    ("What did the fighters wear?", "The soldiers wore Russian uniforms."),
]


def test_a_word_the_answers_use_for_the_questions_is_learned(tmp_path: Path):
    script = load_script("scripts/build_lexicon.py")
    sets = [
        question_set(tmp_path, "first", FIGHTERS[:2] + FILLER[:6]),
        question_set(tmp_path, "second", FIGHTERS[2:] + FILLER[6:]),
    ]
    assert "soldier" in script.learn(sets)["fighter"]


def test_one_writers_habit_is_not_learned(tmp_path: Path):
    """Three answers of one question set only: the writer's word, not the language's."""
    script = load_script("scripts/build_lexicon.py")
    sets = [
        question_set(tmp_path, "first", FIGHTERS + FILLER[:6]),
        question_set(tmp_path, "second", FILLER[6:]),
    ]
    assert "fighter" not in script.learn(sets)


def test_names_and_figures_are_never_learned(tmp_path: Path):
    """ "the Kremlin chief" stands for Putin only in this story; 3,000 is one figure."""
    chief = [
        ("What did the Kremlin chief say?", "Putin said the talks were useful."),
        ("Where did the Kremlin chief fly?", "Putin flew to Kazan on Monday."),
        ("Whom did the Kremlin chief meet?", "Putin met Modi on Tuesday."),
    ]
    script = load_script("scripts/build_lexicon.py")
    sets = [
        question_set(tmp_path, "first", chief[:2] + FIGHTERS[:2] + FILLER[:6]),
        question_set(tmp_path, "second", chief[2:] + FIGHTERS[2:] + FILLER[6:]),
    ]
    learned = script.learn(sets)
    assert all("putin" not in others for others in learned.values())
    assert "3000" not in learned["fighter"]


def test_the_script_regenerates_the_shipped_table():
    script = load_script("scripts/build_lexicon.py")
    from pooled import dev_sets  # the script put eval/ on the path

    assert script.render(script.learn(dev_sets())) == bot.lexicon.TABLE.read_text("utf-8")


def test_a_learned_word_is_added_at_its_weight_and_a_stronger_one_kept():
    related = {"pact": {"treati": 0.5, "accord": 1.0}}
    lexicon = parse("pact\taccord|agreement\nfrontier\tborder\n")
    words, expandable = ["pact", "the", "frontier", "kursk"], [True, True, False, True]
    found = with_learned(related, words, expandable, lexicon)
    assert found == {"pact": {"treati": 0.5, "accord": 1.0, "agreement": LEARNED_WEIGHT}}


def test_a_question_in_a_readers_words_finds_the_articles_words(
    tiny_kb_dir: Path, lexicon_table: Path
):
    """ "What *worried* the council about the *frontier*?" against "concerned about … the
    border": WordNet relates neither pair; the learned lexicon does."""
    body = "The council was concerned about traffic at the border crossing."
    write_article(tiny_kb_dir, "border", "Harbour news", "Wire", body)
    question = "What worried the council about the frontier?"
    assert not KnowledgeBase(tiny_kb_dir).ask(question).complete
    bot.lexicon.learned.cache_clear()
    lexicon_table.write_text("frontier\tborder\nworri\tconcern\n")
    answer = KnowledgeBase(tiny_kb_dir).ask(question)
    assert answer.complete and "concerned about traffic" in answer.passages[0].text


def test_the_thing_a_number_question_counts_is_found_as_its_learned_word(
    tiny_kb_dir: Path, lexicon_table: Path
):
    """ "How many *travellers* …?" against "… 1,000 *tourists* …": the figure must count the
    thing asked for, and the learned lexicon says what an article calls it."""
    body = "About 1,000 tourists have crossed the river by ferry since February, officials said."
    write_article(tiny_kb_dir, "ferry", "Ferry season", "Wire", body)
    question = "How many travellers have crossed the river by ferry since February?"
    assert "number" in KnowledgeBase(tiny_kb_dir).ask(question).missing
    bot.lexicon.learned.cache_clear()
    lexicon_table.write_text("travel\ttourist\n")
    answer = KnowledgeBase(tiny_kb_dir).ask(question)
    assert answer.complete and answer.passages[0].text.startswith("About 1,000 tourists")
