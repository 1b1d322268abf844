from hypothesis import given, settings
from hypothesis import strategies as st

from bot.ingest.text import parse_article
from bot.passages import (
    MAX_WORDS,
    Sentence,
    _pieces,
    _sentence_offsets,
    _trimmed,
    chunk_article,
    split_sentences,
)


def sentences_of(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_splitter_survives_abbreviations_initials_and_quotes():
    text = 'Mr. J. R. Smith flew to the U.S. on Monday. He said, "It went well." Then he left.'
    assert sentences_of(text) == [
        "Mr. J. R. Smith flew to the U.S. on Monday.",
        'He said, "It went well."',
        "Then he left.",
    ]


def test_sentences_never_cross_paragraphs():
    assert sentences_of("First paragraph ends without a stop\n\nSecond one.") == [
        "First paragraph ends without a stop",
        "Second one.",
    ]


def every_span_cut(text: str) -> list[Sentence]:
    """``split_sentences`` as it was: every span looked at for paragraph breaks and missing
    spaces."""
    if not text.strip():
        return []
    found = []
    for start, end in _sentence_offsets(text):
        for piece in _pieces(text, start, end):
            sentence = _trimmed(text, *piece)
            if sentence.end > sentence.start:
                found.append(sentence)
    return found


SPLIT_PIECES = ["said", ".", "The", "He", " ", "\n", "\n\n", '"', "”", "’", "!", "?", "a", "é"]
SPLIT_PIECES += ["U.S.", " Mr. ", "Then", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SPLIT_PIECES), max_size=40).map("".join))
def test_spans_with_no_cut_are_split_as_before(text: str):
    """``split_sentences`` looks for cuts only in spans that may hold one."""
    assert split_sentences(text) == every_span_cut(text)


def article(body: str):
    return parse_article(f"---\ntitle: T\n---\n{body}".encode(), article_id="a", path="a.md")


def test_passages_quote_the_article_text_exactly_by_offsets():
    art = article(" ".join(f"Sentence number {i} is here." for i in range(30)))
    for passage in chunk_article(art):
        assert art.text[passage.start : passage.end] == passage.text


def test_passages_hold_at_most_five_sentences_and_about_120_words():
    art = article(
        " ".join(f"Sentence {i} has a handful of ordinary words in it." for i in range(40))
    )
    passages = chunk_article(art)
    assert all(len(p.sentences) <= 5 for p in passages)
    assert all(len(p.text.split()) <= MAX_WORDS for p in passages)
    assert sum(len(p.sentences) for p in passages) == 40


def test_captions_are_passages_of_their_own_and_marked():
    art = article(
        "Body one here. Body two here.\n\nLeaders at the summit. (©TASS via AP)\n\nBody three."
    )
    passages = chunk_article(art)
    captions = [p for p in passages if p.caption]
    assert [p.text for p in captions] == ["Leaders at the summit."]  # its credit cut


def test_a_sentence_ending_without_a_space_before_the_next_is_still_cut():
    text = "Putin said.The troops left. He said “no.”Then it ended. The U.S. Army came."
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "Putin said.",
        "The troops left.",
        "He said “no.”",
        "Then it ended.",
        "The U.S. Army came.",
    ]


def test_a_list_with_its_lead_in_is_one_passage_however_many_items():
    items = "\n".join(f"{n}. Item number {n} is here." for n in range(1, 9))
    art = article(f"Some opening text here.\n\nThe eight steps are:\n{items}\n\nA closing line.")
    texts = [passage.text for passage in chunk_article(art)]
    assert f"The eight steps are:\n{items}" in texts


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SPLIT_PIECES), min_size=1, max_size=40).map("".join))
def test_sentence_offsets_are_bling_fires_own(text: str):
    """Offsets in characters as Bling Fire's wrapper maps them (ASCII text: no mapping)."""
    import blingfire

    if text.strip():
        assert _sentence_offsets(text) == blingfire.text_to_sentences_and_offsets(text)[1]
