from datetime import date

from bot.cleaning import clean

PAGE = """fbpx
Connect with us

Politics & Security

A Storm Hits the Coast Hard Today

A Storm Hits the Coast Hard Today

- Advertisement -

The storm reached the coast on Monday. Winds tore roofs off houses.

Rescuers at work in the harbour on Monday. (©AP = Kyodo)

Officials said the damage would take months to repair.

RELATED:

Author: Jane Reporter

Advertisement
Comments
Post Comment
Related Post
"""


def test_page_furniture_is_removed_and_article_text_kept_verbatim():
    result = clean(PAGE)
    assert result.paragraphs == [
        "The storm reached the coast on Monday. Winds tore roofs off houses.",
        "Rescuers at work in the harbour on Monday. (©AP = Kyodo)",
        "Officials said the damage would take months to repair.",
    ]


def test_headline_printed_twice_becomes_the_headline_once():
    result = clean(PAGE)
    assert result.headline == "A Storm Hits the Coast Hard Today"
    assert all("Storm Hits" not in paragraph for paragraph in result.paragraphs)


def test_photo_captions_are_kept_and_marked():
    result = clean(PAGE)
    assert result.captions == {1}


def test_author_line_is_metadata_not_text():
    assert clean(PAGE).author == "Jane Reporter"


def test_weather_widget_and_dateline_are_removed_and_the_date_recorded():
    result = clean(
        "66.5 F\nLos Angeles\nFriday, October 25, 2024\n\nHeadline of the day here\n\nBody text."
    )
    assert result.paragraphs == ["Body text."]
    assert result.published == date(2024, 10, 25)


def test_shouted_byline_with_email_gives_the_author():
    result = clean("Headline of the day here\n\nBody text.\n\nBY MICHAEL LEE [lee@example.com]")
    assert result.author == "Michael Lee"
    assert result.paragraphs == ["Body text."]


def test_original_source_credit_gives_the_publisher():
    result = clean("Headline of the day here\n\nBody text.\nOriginal Source: www.rfa.org")
    assert result.publisher == "www.rfa.org"
    assert result.paragraphs == ["Body text."]


def test_known_title_is_not_taken_from_the_first_paragraph():
    result = clean("The first real sentence of the story.", title="Given title")
    assert result.paragraphs == ["The first real sentence of the story."]


def test_a_wire_dateline_gives_the_date_and_stays_in_the_text():
    first = "KAZAN, Russia, Oct. 24, 2024 — Putin said the summit went well."
    result = clean(f"Summit Ends With a Statement\n\n{first}\n\nMore text.")
    assert result.published == date(2024, 10, 24)
    assert result.paragraphs[0] == first


def test_a_date_later_in_a_sentence_is_not_a_dateline():
    result = clean("Summit Ends With a Statement\n\nPutin said on Oct. 24, 2024 — it went well.")
    assert result.published is None


def test_sentences_starting_like_a_byline_or_a_credit_stay_text():
    body = [
        "By contrast, the Western members rejected the plan outright.",
        "Sources said the talks would resume next month in Brasilia.",
    ]
    result = clean("Summit Ends With a Statement\n\n" + "\n\n".join(body))
    assert result.paragraphs == body
    assert result.author is None and result.publisher is None


def test_a_date_line_without_a_day_gives_no_date():
    """dateutil would fill the day in from today's date."""
    assert clean("Summit Ends With a Statement\n\nOctober 2024\n\nText.").published is None


def test_a_byline_with_accented_initials_or_an_agency_gives_the_author():
    for line, author in [
        ("By Émile Dupont", "Émile Dupont"),
        ("By Jane Smith, Reuters", "Jane Smith, Reuters"),
    ]:
        assert clean(f"Summit Ends With a Statement\n\n{line}\n\nText.").author == author
