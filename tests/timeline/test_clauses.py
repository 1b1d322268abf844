"""The event's own date: one entry per sentence, side dates and datelines (issue 17)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.timeline import build_timeline, find_dates
from bot.timeline.clauses import Role, own_date, role
from tests.timeline.conftest import MakeKb

PUBLISHED = date(2024, 10, 25)


def own(sentence: str) -> str | None:
    found = own_date(sentence, find_dates(sentence, PUBLISHED))
    return found.when.iso() if found and found.when else None


@pytest.mark.parametrize(
    ("sentence", "written", "expected"),
    [
        ("Guterres, on his first visit to Russia since April 2022, urged peace.", "since April 2022", Role.SINCE),
        ("Russia controls Crimea — which Moscow annexed in 2014 — and more.", "2014", Role.SIDE),
        ("Russia controls Crimea, which Moscow annexed in 2014.", "2014", Role.SIDE),
        ("It would be his third visit, following trips in 2019 and 2023.", "2019 and 2023", Role.SIDE),
        ("His image improved, as the West has isolated him since the invasion in 2022.", "2022", Role.SIDE),
        ("Exports have fallen since August last year, the ministry said.", "since August last year", Role.MAIN),
        ("KYIV, Ukraine, Nov. 5, 2024 — Drones struck Kharkiv on Monday.", "Nov. 5, 2024", Role.DATELINE),
        ("Moscow annexed Crimea in 2014.", "2014", Role.MAIN),
        ("MOSCOW (Reuters) – Talks ended on Monday – a day early – the Kremlin said.", "Monday", Role.MAIN),
        ("US officials said – on Monday – that talks ended.", "Monday", Role.SIDE),
        ("Ties grew closer since Russia launched its invasion in February 2022.", "February 2022", Role.SIDE),
        ("MOSCOW, Oct 20 (Reuters): Putin signed the law on Saturday.", "Oct 20", Role.DATELINE),
    ],
)  # fmt: skip
def test_each_date_has_its_role_in_the_sentence(
    sentence: str, written: str, expected: Role
) -> None:
    (mention,) = [m for m in find_dates(sentence, PUBLISHED) if m.text == written]
    assert role(sentence, mention) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the sentence's own date wins over a side date
        ("The UN chief, on his first visit since April 2022, spoke on Thursday.", "2024-10-24"),
        # a side date in a sentence about today or the future gives no entry
        ("Russia currently controls Crimea — which Moscow annexed in 2014 — and the Donbas.", None),
        ("This visit would mark Kim's third to Russia following trips in 2019 and 2023.", None),
        (
            "The UN chief — on his first visit to Russia since April 2022 — urged a just peace.",
            None,
        ),
        # a side date of a sentence that only reports the past gives it its entry, once
        ("His view struck a contrast with Zelensky, who presented a plan last week.", "2024-10-14"),
        (
            "The treaty galvanises closer ties since Russia launched its invasion in February 2022.",
            None,
        ),
        # an opening side clause is weighed against the main clause after it
        ("When asked about it last week, the president did not deny it.", "2024-10-14"),
        ("When asked about it last week, the president will not deny it.", None),
        # two dates of the main clause: one entry, under the first
        ("Brics was formed in 2009 and was expanded in January to include Iran.", "2009"),
        ("Exports have fallen since August last year, the ministry said.", "2023-08"),
        # a closing attribution dates the sentence only when nothing else does
        ("The ferry sank on Monday, the coast guard said on Wednesday.", "2024-10-21"),
        ("The ferry has sunk, the coast guard said on Wednesday.", "2024-10-23"),
        # a future main clause takes a coming side date
        (
            "Putin will speak following the summit in Kazan on Monday, an aide said Friday.",
            "2024-10-28",
        ),
    ],
)
def test_a_sentence_goes_under_its_own_date(sentence: str, expected: str | None) -> None:
    assert own(sentence) == expected


def test_one_sentence_is_one_entry(make_kb: MakeKb) -> None:
    body = (
        "Kim visited Russia in 2019 and 2023, the ministry said. "
        "Exports have fallen since August last year, the ministry said."
    )
    timeline = build_timeline(make_kb({"herald-kim": ("2024-10-25", body)}).snapshot, limit=None)
    assert [e.date for e in timeline.events] == ["2019", "2023-08"]
    starts = [(m.article.id, m.start) for e in timeline.events for m in e.mentions]
    assert len(starts) == len(set(starts))
