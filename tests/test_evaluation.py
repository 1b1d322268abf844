import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.evaluation import (
    EvalQuestion,
    EvalSet,
    ReadingScores,
    ReadingTruth,
    Scores,
    baseline_ranker,
    bot_ranker,
    rank_of_hit,
    score,
    score_reading,
    scores_by_type,
)
from bot.knowledge_base import KnowledgeBase
from bot.question import classify_question

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase(REPO / "knowledge")


@pytest.fixture(scope="module")
def bundled(kb: KnowledgeBase) -> tuple[KnowledgeBase, EvalSet]:
    return kb, EvalSet.load(REPO / "eval" / "questions.yml")


@pytest.mark.parametrize(
    "name", ["questions.yml", "questions2.yml", "questions3.yml", "questions4.yml", "heldout.yml"]
)
def test_every_expected_phrase_is_in_its_article(kb, name):
    eval_set = EvalSet.load(REPO / "eval" / name)
    for question in eval_set.answerable:
        for expectation in question.expectations():
            assert expectation.expect in kb.snapshot.articles[expectation.article].text, question


def test_every_expected_phrase_of_the_dev_page_questions_is_in_its_page():
    """As copied from the page file and as the page is read (the phrase a passage must hold)."""
    eval_set = EvalSet.load(REPO / "eval" / "pages" / "dev" / "questions21.yml")
    articles = KnowledgeBase(REPO / "eval" / "pages" / "dev").snapshot.articles
    for question in eval_set.answerable:
        for expectation in question.expectations():
            page = REPO / "eval" / "pages" / "dev" / f"{expectation.article}.txt"
            assert expectation.expect in page.read_text(encoding="utf-8"), question
            assert expectation.expect in articles[expectation.article].text, question


def test_a_hit_needs_the_phrase_in_a_passage_of_the_right_article():
    question = EvalQuestion(question="q", expect="our own business", article="a")
    assert (
        rank_of_hit([("b", "it is our own business"), ("a", "is our own business")], question) == 2
    )
    assert rank_of_hit([("b", "it is our own business")], question) is None


def test_the_bot_stays_ahead_of_the_baseline_and_declines_the_off_topic(bundled):
    """A regression guard at today's figures (see docs/quality.md), not the issue's targets.
    The learned lexicon (``bot.lexicon``) answers "When did North Korea launch its spy
    satellite?" (0.946 -> 0.919): "spy" also stands for "intelligence", and a passage on what
    an intelligence agency said on Thursday gives a date. A yes/no question's unused verb
    excused by a first passage that negates (``fit.says_no``, 2026-12-07, night session)
    answers "Did Japan impose new sanctions on North Korea?" (0.919 -> 0.892), for seven
    answers it saves on the dev page sets and five on the held-out ones (docs/quality.md)."""
    kb, eval_set = bundled
    ours, baseline = score(eval_set, bot_ranker(kb)), score(eval_set, baseline_ranker(kb.snapshot))
    assert ours.hit_at_1 >= 0.79 > baseline.hit_at_1
    assert ours.hit_at_3 >= 0.90 and ours.mrr > baseline.mrr
    assert ours.declined_out_of_scope >= 0.89
    assert ours.declined_answerable <= 0.03


def test_the_bot_stays_ahead_of_the_baseline_on_the_held_out_set(kb):
    """The same guard on questions written apart from the dev set and the tuning. Round three's
    first rules (chosen on the dev sets) answered one held-out question fewer than round two's,
    seen only as this test's aggregate line: hit@3 0.722 -> 0.704, wrongly declined 0.074 ->
    0.093. The WordNet synonyms (chosen on the dev sets) took hit@1 0.611 -> 0.630 and
    out-of-scope declined 0.680 -> 0.720 but wrongly declined 0.093 -> 0.130 (two questions);
    the guard is at those figures (see docs/quality.md). Round twenty-seven's deed rule (an
    open question on what someone did needs a passage holding the deed; chosen on the dev sets,
    where it declined six near-topic questions and lost no answer) declined one more held-out
    answerable question here (wrongly declined 0.130 -> 0.148) and one on held-out 3, for one
    more decline on the third pages set, so it was not merged (docs/quality.md)."""
    eval_set = EvalSet.load(REPO / "eval" / "heldout.yml")
    ours, baseline = score(eval_set, bot_ranker(kb)), score(eval_set, baseline_ranker(kb.snapshot))
    assert ours.hit_at_1 >= 0.61 > baseline.hit_at_1
    assert ours.hit_at_3 >= 0.70 and ours.mrr > baseline.mrr
    assert ours.declined_out_of_scope >= 0.66
    assert ours.declined_answerable <= 0.13


def test_the_bot_stays_ahead_of_the_baseline_on_the_dev_extension(kb):
    """A regression guard on eval/questions2.yml (paraphrases and near-topic questions written
    before round two's rules; round one scored 0.333 / 0.444 / 0.167 on it), at round three's
    figures (see docs/quality.md). The ordinal rule (docs/quality.md, "Constraints a passage
    must meet") declined two more near-topic questions ("When did North Korea *first* test a
    nuclear weapon?", "Which country chairs BRICS *next* year?"), out-of-scope 0.722 ->
    0.833, and lost no answer. Round fourteen's rules (docs/quality.md, "Paraphrased
    questions") found one more answer in the first three (0.533 -> 0.567) and turned a missed
    one into a partial answer, which counts as declined ("How many of Kim's soldiers were killed
    or wounded, *according to* Seoul's top brass?": the figure asked for is said to be missing
    where wrong passages were quoted): wrongly declined 0.133 -> 0.167."""
    eval_set = EvalSet.load(REPO / "eval" / "questions2.yml")
    ours, baseline = score(eval_set, bot_ranker(kb)), score(eval_set, baseline_ranker(kb.snapshot))
    assert ours.hit_at_1 >= 0.36 > baseline.hit_at_1
    assert ours.mrr > baseline.mrr
    assert ours.declined_out_of_scope >= 0.83
    assert ours.declined_answerable <= 0.17


def test_the_bot_stays_ahead_of_the_baseline_on_the_third_dev_extension(kb):
    """A regression guard on eval/questions3.yml (paraphrases and near-topic questions written
    before round three's rules; round two scored 0.444 / 0.500 / 0.194 on it), at round
    three's figures (see docs/quality.md)."""
    eval_set = EvalSet.load(REPO / "eval" / "questions3.yml")
    ours, baseline = score(eval_set, bot_ranker(kb)), score(eval_set, baseline_ranker(kb.snapshot))
    assert ours.hit_at_1 >= 0.50 > baseline.hit_at_1
    assert ours.hit_at_3 >= 0.66 and ours.mrr > baseline.mrr
    assert ours.declined_out_of_scope >= 0.68
    assert ours.declined_answerable <= 0.14


def test_the_bot_stays_ahead_of_the_baseline_on_the_fourth_dev_extension(kb):
    """A regression guard on eval/questions4.yml (60 answerable, 40 to decline; written by a
    helper who did not run the bot, 2026-12-03): main d0266cb scored 0.700 / 0.850 / 0.650 /
    0.050 on it (hit@1, hit@3, declined, wrongly declined), the midday rules the same
    (docs/quality.md, "Misses read one by one")."""
    eval_set = EvalSet.load(REPO / "eval" / "questions4.yml")
    ours, baseline = score(eval_set, bot_ranker(kb)), score(eval_set, baseline_ranker(kb.snapshot))
    assert ours.hit_at_1 >= 0.70 > baseline.hit_at_1
    assert ours.hit_at_3 >= 0.85 and ours.mrr > baseline.mrr
    assert ours.declined_out_of_scope >= 0.65
    assert ours.declined_answerable <= 0.05


def test_the_dev_page_questions_written_apart_keep_their_figures():
    """A regression guard on eval/pages/dev/questions21.yml (60 answerable, 40 to decline, on
    32 dev pages; written by a helper who did not run the bot, 2026-12-03): main d0266cb scored
    hit@1 0.583, hit@3 0.717, declined 0.625, wrongly declined 0.067; the midday rules 0.600,
    0.717, 0.625, 0.067 (docs/quality.md, "Misses read one by one"). Round nineteen's pages, as
    distractors, take "Have Moscow or Pyongyang said anything in public about the pullback from
    Kursk?" out of the first three (hit@3 0.700), round twenty's "What would North Korean
    soldiers become if they fought on the battlefield, according to Austin?" out of the first
    place (hit@1 0.583). Round twenty-one's pages, as distractors (the search's term weights
    move), put "What have Kim's soldiers in Kursk reportedly suffered?" second behind another
    page's passage (hit@1 0.567); its rules decline one more of the set's near-topic questions
    (0.650). Round twenty-two's fourteen pages, as distractors (no rule of the
    round moves it), shift the corpus's word weights: earthpressnews's answer to "Over which days
    did Seoul's spies see the North ship its special forces to Russia?" comes third (hit@3 0.700
    -> 0.717). Round twenty-five's fifteen pages, as distractors (before any rule of the round;
    its rules do not move it), take "Whose security does the Russia–North Korea relationship
    undermine?" out of the first three (hit@3 0.717 -> 0.700), answer "Will journalists be able
    to see the prisoners?" with another page (wrongly declined 0.067 -> 0.050) and decline one
    more question off the pages (0.675 -> 0.700). Round twenty-four's twelve pages, as
    distractors with main's rules (before any rule of the round), put "On what date did South
    Korean intelligence confirm the reports?" second (hit@1 0.567 -> 0.550); with both rounds'
    pages one more answer leaves the first three (hit@3 0.683); rounds twenty-eight and
    twenty-nine's pages together put one more second (hit@1 0.533). Round thirty-one's twelve
    pages, as distractors with main's rules, put "Did the US officials say what the North Korean
    forces were doing in Kursk?" second behind mingooland's page on Seoul's estimates (hit@1
    0.533 -> 0.517) and take "Over which days did Seoul's spies see the North ship its special
    forces to Russia?" out of the first three (0.683 -> 0.667). Round thirty-three's twelve
    pages, as distractors (before any rule of the round; its rules do not move it), put "What
    are the North Korean troops being trained on before going to the battlefields?" second
    behind redcensor's prisoner trained in Vladivostok (hit@1 0.517 -> 0.500). Round
    thirty-two's twelve pages, as distractors (before any rule of the round; its rules do not
    move it), put "What did officials say the capture of two North Koreans proved?" second and
    took the same "Over which days …" out of the first three when measured apart from rounds
    thirty-one and thirty-three. Merged with them, one more answer leaves the first place
    (0.500 -> 0.483) and the first three (0.667 -> 0.650): "On what date did South Korean
    intelligence confirm the reports?" gets seatickers' and rmx's confirmations of other
    reports first. Round thirty-eight's pages (merged by the lead after rounds thirty-six and
    thirty-seven) put another passage first for "Beyond Europe, which region's security would
    their use seriously affect?" (second; hit@1 0.483 -> 0.467). Round fifty-five's twelve pages
    (2026-12-06), as distractors before any rule, take "Where were the additional North Korean
    soldiers based?" out of the first three (hit@3 0.650 -> 0.633). Round fifty-nine's pages
    (its Vietnam visit pages) put "Which other Asian country is on Putin's diplomatic tour
    besides North Korea?" second (hit@1 0.467 -> 0.450). Rounds eighty-nine and ninety's 24
    pages, as distractors, put one more answer second (hit@1 0.450 -> 0.433). With rounds
    ninety-four to ninety-six and the lexicon relearned on them (2026-12-07, night session), one
    near-topic question more is answered (0.625 -> 0.600)."""
    eval_set = EvalSet.load(REPO / "eval" / "pages" / "dev" / "questions21.yml")
    ours = score(eval_set, bot_ranker(KnowledgeBase(REPO / "eval" / "pages" / "dev")))
    assert ours.hit_at_1 >= 0.43 and ours.hit_at_3 >= 0.63
    assert ours.declined_out_of_scope >= 0.60
    assert ours.declined_answerable <= 0.07


def test_typos_are_one_edit_per_question_and_repeatable():
    eval_set = EvalSet.load(REPO / "eval" / "questions.yml")
    first, again = eval_set.with_typos(1), eval_set.with_typos(1)
    assert first == again and first != eval_set.with_typos(2)
    for original, typo in zip(eval_set.answerable, first.answerable, strict=True):
        changed = [
            (a, b)
            for a, b in zip(original.question.split(), typo.question.split(), strict=True)
            if a != b
        ]
        assert len(changed) <= 1
        for before, after in changed:
            assert abs(len(before) - len(after)) <= 1 and before != after


def test_typo_correction_keeps_most_questions_answerable(kb):
    """A regression guard for the typo figures in docs/quality.md."""
    with_typos = EvalSet.load(REPO / "eval" / "questions.yml").with_typos(1)
    ours = score(with_typos, bot_ranker(kb))
    assert ours.hit_at_3 >= 0.85 and ours.declined_answerable <= 0.05


def test_the_per_type_table_scores_each_type_apart(bundled):
    kb, eval_set = bundled
    by_type = scores_by_type(eval_set, bot_ranker(kb))
    assert set(by_type) == {"date", "number", "open", "statement", "where", "who", "yesno"}
    assert sum(s.questions for s in by_type.values()) == len(eval_set.answerable)
    assert sum(s.out_of_scope for s in by_type.values()) == len(eval_set.unanswerable)


def test_a_question_without_a_gold_type_is_typed_by_the_bot():
    eval_set = EvalSet(
        answerable=[EvalQuestion(question="When was BRICS founded?", expect="x", article="a")],
        unanswerable=[{"question": "How many drones were sent?"}],
    )
    assert eval_set.types(classify_question) == ["date", "number"]


# --- Reading figures (issue 12) --------------------------------------------------------------


def write_pages(folder: Path) -> Path:
    (folder / "storm.txt").write_text(
        "Storm Hits the Coast Hard on Monday\n\nBy Jane Roe\n\n"
        "The storm reached the coast of the bay on Monday and flooded the harbour.\n\n"
        "Click the bell for alerts"
    )
    (folder / "pier.txt").write_text(
        "The council voted to rebuild the old pier before the summer season.\n\n"
        "Trending Now In The Region Today\n\nFerry timetable changes for the winter months"
    )
    for topic in ["budget", "election", "football", "weather", "railway"]:
        (folder / f"{topic}.txt").write_text(
            f"A Story About The {topic.title()} Today\n\n"
            f"The {topic} was discussed by the committee in the capital on Tuesday."
        )
    (folder / "truth.yml").write_text(
        "pages:\n"
        "  storm: {title: 'Storm hits the coast hard on Monday', publisher: '', author: 'Jane Roe',"
        " published: '2024-10-24'}\n"
        "  pier: {title: '', publisher: '', author: '', published: ''}\n"
    )
    (folder / "furniture.yml").write_text(
        "pier: ['Ferry timetable changes for the winter months']\nstorm: []\n"
    )
    questions = folder / "questions.yml"
    questions.write_text(
        "answerable:\n"
        "  - {question: 'What did the storm flood?', expect: 'flooded the harbour', article: storm}\n"
        "unanswerable:\n"
        "  - {question: 'What changes in the ferry timetable for winter?'}\n"
    )
    return questions


def test_reading_figures_compare_the_metadata_with_the_truth_and_count_furniture(tmp_path):
    questions = write_pages(tmp_path)
    kb = KnowledgeBase(tmp_path)
    truth = ReadingTruth.beside(questions, tmp_path)
    eval_set = EvalSet.load(questions)
    reading = score_reading(kb.snapshot, truth, eval_set, bot_ranker(kb))
    # storm: title and author right, published missed; pier: all four empty (a guessed title)
    assert reading.fields_checked == 8 and reading.fields_right == 7 / 8
    assert reading.fields_invented == 0
    assert reading.right_by_field["published"] == 0.5


def test_an_invented_field_and_a_quoted_furniture_line_are_counted(tmp_path):
    questions = write_pages(tmp_path)
    (tmp_path / "truth.yml").write_text(
        "pages:\n  storm: {title: 'Storm Hits the Coast Hard on Monday', author: ''}\n"
    )
    (tmp_path / "furniture.yml").write_text("storm: ['flooded the harbour']\n")
    kb = KnowledgeBase(tmp_path)
    truth = ReadingTruth.beside(questions, tmp_path)
    reading = score_reading(kb.snapshot, truth, EvalSet.load(questions), bot_ranker(kb))
    assert reading.fields_invented == 1  # the by-line gave an author where the truth has none
    assert reading.furniture_quoted == 1


def test_eval_prints_the_reading_figures_and_their_json(tmp_path, capsys):
    questions = write_pages(tmp_path)
    assert main(["eval", "--questions", str(questions), "--kb", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "metadata fields right" in out and "furniture quoted" in out
    assert main(["eval", "--questions", str(questions), "--kb", str(tmp_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["reading"]["fields_checked"] == 8


def reading_figures(part: Path, questions: Path | None = None) -> tuple[Scores, ReadingScores]:
    kb = KnowledgeBase(part)
    questions = questions or part / "questions.yml"
    eval_set = EvalSet.load(questions)
    ranker = bot_ranker(kb)
    truth = ReadingTruth.beside(questions, part)
    return score(eval_set, ranker), score_reading(kb.snapshot, truth, eval_set, ranker)


DEV_PAGES = REPO / "eval" / "pages" / "dev"


def test_the_dev_pages_are_read_as_a_reader_would():
    """A regression guard at the figures measured on the first 18 pages of eval/pages/dev,
    in the folder of all 224 (see docs/quality.md; round eight's ten pages, more distractors,
    took one answer each out of the first three and the first, round ten's twelve one more out
    of the first, round eleven's twenty-two two out of the first three before any rule of the
    round). Three of its near-topic questions are answered by pages added later and are
    answerable now (one found at rank 1). The ordinal rule (docs/quality.md, "Constraints a
    passage must meet") declined the last one answered, "Which country will host the *next*
    BRICS summit?": out-of-scope 0.900 -> 1.000. Round fourteen's eight pages, with main's
    rules, took one answer out of the first place (hit@1 0.471 -> 0.441); its rules found one
    more in the first three (0.676 -> 0.706). Round sixteen's live-blog sign-off rule, by
    taking one line out of a distractor page, tipped a near tie at the third place: "According
    to the Kremlin chief, what would be an error …?" (Brighteon fourth behind The Jerusalem
    Post; docs/quality.md, round sixteen). Round fifteen's fifteen pages, before any rule of
    the round, took one answer out of the first three and one out of the first (a Reuters
    copy on the upper house outranks the answer) and answered one off-topic question (1.000 ->
    0.900), which its closing-list rule gave back. Round seventeen's six pages took one more
    answer out of the first three (0.647 -> 0.618): "Which countries received BRICS partner
    status?" gets ebrics's page on the thirteen partners, which names none of them. Round
    nineteen's thirteen pages, with main's rules as with the round's, took one more (0.618 ->
    0.588): "According to the Kremlin chief, what would be an error regarding the group's
    enlargement?" gets two of its pages on Putin and Kim's treaty ("the Kremlin indicated …"),
    and one out of the first (0.441 -> 0.412): "Which clause of the pact with Pyongyang did the
    Kremlin leader bring up?" is second behind Suno News on the pact's signing. Round
    twenty's thirteen pages, before any rule of the round and without round nineteen's, took the
    same two (a Moscow Times copy on Erdogan and a Ukrainian site's Kazan report outrank the
    answer on the enlargement); together the two rounds take no more. Round twenty-seven's
    twelve pages answer "Which country will host the *next* BRICS summit?" again (1.000 ->
    0.900): observatorial's "Putin will host a summit *next* week of the BRICS countries" holds
    the ordinal, in another sense. Round twenty-eight's twelve pages, with main's rules as with
    the round's, take one answer out of the first place (0.412 -> 0.382) though none of them is
    quoted: "Which US military spokesman gave the latest estimate of Pyongyang's forces?" is
    second behind seatickers' page on the captured soldiers, a near tie tipped by the larger
    folder's word weights. With rounds thirty and thirty-one's pages together, one more
    (0.382 -> 0.353): ssj.news (round thirty-one) is first on "How many North Korean soldiers
    did the Pentagon say were sent to train in eastern Russia?" with the same figure the gold
    page gives. With round thirty-two's merged too, "How many countries will have delegations
    in Kazan?" gets three copies of the Kremlin's transcript first (reseauinternational's among
    them), each with the same "delegations from 35 countries" (hit@3 0.588 -> 0.559). Round
    thirty-six's pages, with main's rules as with the round's, take one more (0.559 -> 0.529):
    vipnews's "includes a mutual defence clause ..., Russian President Vladimir Putin said",
    which answers too, comes first on "Which clause of the pact with Pyongyang did the Kremlin
    leader bring up?" and crowds the gold page out of the first three. Round forty-one's pages
    (2026-12-04) take one answer out of the first place (0.353 -> 0.324): xklsv's rewrite of the
    BBC reporter's question comes first on "How did the Kremlin leader answer the British
    reporter about MI5's claims?", the gold page second. Round forty-five's twelve pages (530 in
    all), before any rule written from them, answer the off-topic "What happened at the Israeli
    embassy in Korea?" with freemalaysiatoday's page on the museum's groundbreaking, whose "other
    Russian embassy officials attended" holds the embassy (declined 0.900 -> 0.800). Round
    fifty-three's pages (2026-12-06), before any rule of the round, answer the off-topic "What
    did the Warren County commission decide about the horses?" with theepochtimes's page third
    (declined 0.800 -> 0.700). Round fifty-five's pages (the same day), as distractors before
    any rule, put "Who will Putin meet with on Tuesday during the BRICS summit?" second (hit@1
    0.324 -> 0.294). Rounds sixty-three and sixty-four's pages put it out of the first three
    (hit@3 0.52 -> 0.50). Rounds ninety-one to ninety-three's pages, the collective-noun and
    "people" rules and the lexicon relearned on them (2026-12-07, night session) took one more
    (0.50 -> 0.47)."""
    ours, reading = reading_figures(DEV_PAGES)
    assert reading.furniture_quoted == 0 and reading.fields_invented == 0
    assert reading.fields_right >= 0.99
    assert ours.hit_at_3 >= 0.47 and ours.hit_at_1 >= 0.29
    assert ours.declined_out_of_scope >= 0.70


@pytest.mark.parametrize(
    ("round_", "fields", "invented", "furniture", "hit_at_3", "declined"),
    [
        ("round2", 0.99, 0, 0, 0.51, 0.36),
        ("round3", 0.95, 0, 0, 0.75, 0.71),
        ("round4", 0.95, 0, 1, 0.57, 0.42),
        ("round5", 0.94, 1, 0, 0.55, 0.77),
        ("round6", 0.97, 0, 0, 0.58, 0.50),
        ("round7", 0.90, 0, 0, 0.36, 0.59),
        ("round8", 0.99, 0, 0, 0.62, 0.61),
        ("round9", 0.99, 0, 0, 0.69, 0.50),
        ("round10", 0.99, 0, 0, 0.55, 0.46),
        ("round11", 0.99, 0, 0, 0.63, 0.41),
        ("round12", 0.95, 0, 4, 0.70, 0.54),
        ("round13", 0.99, 0, 0, 0.72, 0.60),
        ("round14", 0.87, 1, 5, 0.47, 0.36),
        ("round15", 0.99, 0, 0, 0.56, 0.12),
        ("round16", 0.86, 3, 0, 0.82, 0.50),
        ("round17", 0.99, 0, 0, 0.27, 0.37),
        ("round18", 0.99, 0, 1, 0.80, 0.37),
        ("round19", 0.98, 0, 1, 0.75, 0.66),
        ("round20", 0.96, 1, 0, 0.60, 0.33),
        ("round21", 0.88, 1, 0, 0.61, 0.73),
        ("round22", 0.96, 1, 2, 0.80, 0.36),
        ("round23", 0.89, 3, 0, 0.69, 0.41),
        ("round24", 0.97, 0, 0, 0.63, 0.64),
        ("round25", 0.99, 0, 1, 0.61, 0.54),
        ("round26", 0.98, 0, 0, 0.62, 0.54),
        ("round27", 0.93, 0, 0, 0.69, 0.27),
        ("round28", 0.93, 1, 2, 0.66, 0.36),
        ("round29", 0.87, 1, 3, 0.71, 0.70),
        ("round31", 0.99, 0, 0, 0.80, 0.47),
        ("round30", 0.99, 0, 0, 0.62, 0.50),
        ("round33", 0.95, 0, 0, 0.62, 0.50),
        ("round32", 0.93, 0, 1, 0.65, 0.57),
        ("round34", 0.97, 0, 0, 0.57, 0.63),
        ("round35", 0.99, 0, 0, 0.62, 0.27),
        ("round36", 0.97, 0, 0, 0.43, 0.36),
        ("round37", 0.99, 0, 0, 0.58, 0.41),
        ("round38", 0.97, 1, 0, 0.54, 0.47),
        ("round39", 0.99, 0, 0, 0.58, 0.45),
        ("round40", 0.91, 0, 0, 0.44, 0.36),
        ("round41", 0.94, 0, 0, 0.56, 0.31),
        ("round42", 0.99, 0, 0, 0.36, 0.38),
        ("round43", 0.99, 0, 0, 0.52, 0.27),
        ("round44", 0.95, 0, 6, 0.50, 0.55),
        ("round45", 0.91, 0, 0, 0.37, 0.62),
        ("round46", 0.99, 0, 3, 0.56, 0.50),
        ("round47", 0.95, 1, 1, 0.50, 0.64),
        ("round48", 0.79, 0, 3, 0.62, 0.50),
        ("round50", 0.87, 1, 2, 0.62, 0.50),
        ("round51", 0.87, 0, 2, 0.61, 0.57),
        ("round52", 0.93, 1, 2, 0.60, 0.66),
        ("round53", 0.90, 1, 0, 0.67, 0.47),
        ("round54", 0.93, 1, 1, 0.56, 0.65),
        ("round55", 1.00, 0, 0, 0.61, 0.58),
        ("round56", 0.97, 1, 2, 0.69, 0.51),
        ("round57", 0.95, 0, 2, 0.57, 0.58),
        ("round58", 0.93, 0, 0, 0.54, 0.60),
        ("round59", 0.97, 1, 3, 0.65, 0.39),
        ("round60", 0.95, 1, 3, 0.70, 0.64),
        ("round61", 0.97, 1, 5, 0.63, 0.57),
        ("round62", 0.95, 1, 6, 0.70, 0.50),
        ("round63", 0.89, 1, 6, 0.70, 0.60),
        ("round64", 0.89, 0, 3, 0.73, 0.32),
        ("round65", 0.93, 0, 0, 0.75, 0.50),
        ("round66", 1.00, 0, 6, 0.72, 0.46),
        ("round67", 0.91, 1, 3, 0.58, 0.60),
        ("round68", 0.93, 1, 0, 0.76, 0.39),
        ("round69", 0.97, 1, 0, 0.67, 0.39),
        ("round70", 0.93, 0, 1, 0.72, 0.71),
        ("round71", 0.87, 1, 1, 0.73, 0.28),
        ("round72", 0.95, 0, 3, 0.75, 0.50),
        ("round73", 0.97, 1, 1, 0.61, 0.53),
        ("round74", 0.89, 2, 4, 0.69, 0.50),
        ("round75", 1.00, 0, 0, 0.46, 0.42),
        ("round76", 0.93, 1, 2, 0.82, 0.46),
        ("round77", 0.87, 3, 0, 0.61, 0.57),
        ("round78", 1.00, 0, 6, 0.72, 0.57),
        ("round79", 0.95, 2, 0, 0.65, 0.35),
        ("round80", 1.00, 0, 1, 0.71, 0.78),
        ("round81", 0.93, 0, 0, 0.77, 0.53),
        ("round82", 0.95, 1, 0, 0.60, 0.21),
        ("round83", 0.93, 0, 0, 0.44, 0.46),
        ("round84", 0.93, 0, 0, 0.83, 0.53),
        ("round85", 1.00, 0, 0, 0.59, 0.25),
        ("round86", 0.95, 1, 0, 0.57, 0.50),
        ("round87", 0.97, 1, 0, 0.66, 0.46),
        ("round88", 1.00, 0, 1, 0.76, 0.78),
        ("round89", 0.85, 1, 1, 0.54, 0.60),
        ("round90", 0.91, 1, 0, 0.38, 0.60),
        ("round91", 0.93, 0, 0, 0.42, 0.50),
        ("round92", 1.00, 0, 3, 0.60, 0.53),
        ("round93", 0.97, 0, 0, 0.55, 0.71),
        ("round94", 0.91, 0, 0, 0.75, 0.39),
        ("round95", 0.95, 0, 0, 0.46, 0.14),
        ("round96", 0.93, 2, 0, 0.60, 0.39),
        ("round97", 0.83, 1, 1, 0.53, 0.46),
        ("round98", 1.00, 0, 2, 0.77, 0.32),
        ("round99", 0.87, 1, 0, 0.47, 0.82),
        ("round100", 0.97, 1, 0, 0.78, 0.42),
    ],
)
def test_the_later_dev_pages_are_read_as_a_reader_would(
    round_, fields, invented, furniture, hit_at_3, declined
):
    """Regression guards at the figures measured on each later round of dev pages (their
    truth, furniture and questions are in eval/pages/dev/<round>/; see docs/quality.md), with all
    363 pages in the folder. Round five's one invented field is a site's clock read as the
    date ("Mon. Oct 28th, 2024" above the headline; see docs/reading.md). Round nine's eight
    pages, more distractors, took one answer out of round eight's first three and one decline
    out of round seven's, before any rule of round nine; round ten's twelve took three out of
    round two's first three and one each out of rounds eight's and nine's, before any rule of
    round ten, whose caption rule took one more out of round nine's (a paragraph no longer
    glued to its photo's caption outranks the answer; see docs/quality.md). Round eleven's
    twenty-two pages, before any rule of the round, took one answer out of round two's first
    three and two of its declines, one out of round three's and round nine's first three and
    one of round ten's declines (new pages answering near-topic questions, or outranking an
    answer); round eleven's rules gave back one of round two's declines. The WordNet synonyms
    took one answer out of round two's and round eleven's first three ("hold" a press
    conference also searched as "keep", "give"; see docs/quality.md) while the pooled dev
    figures rose. The ordinal rule (docs/quality.md, "Constraints a passage must meet")
    declined round four's near-topic "… on the *first* evening in Kazan?" (0.571 -> 0.714).
    Round twelve's ten pages (issue 13: near-topic who, statement and number questions) were
    measured before any rule of the round at out-of-scope declined 0.625 (who 0.250), hit@3
    0.792 (round12/before.txt); the doer and statement-topic rules written from it were not
    merged (docs/quality.md, "Who did it, and what was said about it"). Four answers quote
    furniture, left for a reading rule: among them a broadcaster's credit in brackets glued to
    the answering paragraph ("(A2 Televizion)") and an editor's note ("Questions are marked with
    Q, …") in the paragraph that introduces a transcript.
    Round thirteen's twelve pages (147 in all), before any rule of the round, took one answer
    out of the first 18 pages' first three (a live blog's copy outranks the BRICS dates); its
    rules read its metadata 48 of 48 right and quote no furniture (0.875 and 9 before). Round
    twelve's ten pages, merged after it, took one answer out of its first three (0.818 ->
    0.788).
    Round fourteen's eight pages (165 in all; issue 13, paraphrased questions), with main's
    rules, took one decline out of round nine's ("When did the North Atlantic Council receive
    South Korea's briefing?" gets a page on NATO's briefing that gives no date) and one out of
    round ten's ("What is the population of Kazan?", which one of them answers: "over 1.3
    million people live in the largest city in the Volga basin"); and they were measured
    before any rule of the round at hit@3 0.528 (round14/before.txt; 0.500 after main's
    reading rules of rounds twelve and thirteen), out-of-scope declined 0.455; its
    rules (docs/quality.md, "Paraphrased questions") took hit@3 to 0.583 and declined one
    near-topic question fewer (0.364): the measure rule declines "How far is Kazan from St.
    Petersburg?" but answers "How old is Kazan Federal University?" and "How long did the Golden
    Horde rule Moscow?". No reading rule was written for it: its metadata and furniture
    figures are the unseen-pages ones.
    Round sixteen's fifteen pages (172 in all), before any rule of the round, took one answer
    out of round eleven's first three (belstad's brief on a missile launch outranks the
    recovered missile) and two of round twelve's declines ("Who drafted the Kazan
    Declaration?", "How many North Korean troops have returned to North Korea?", now answered
    from the new pages); its rules quote no furniture on its pages (9 before; see
    round16/before.txt and docs/quality.md). Its three invented fields are titles read from a
    section label ("The News"), a site's tagline and a live blog's "Show key events only",
    left to the metadata readers.
    Round fifteen's fifteen pages (chosen for awkward metadata) were read 0.883 right with two
    invented titles before any rule of the round (round15/before.txt); its rules read them 60 of
    60 right, none invented, and round twelve's Report.az publisher with them. One answer still
    quoted another story's headline between two paragraphs (The Daily Star) until round
    nineteen's rule for such a line (its own words not in the paragraph under it).
    Its pages, more distractors, before any rule of the round, took two answers out of round
    eight's first three (0.897 -> 0.828) and one out of round five's first (0.650 -> 0.600),
    and gave round five and round twelve one decline each; round five's went back with the
    closing-list rule (docs/quality.md, round fifteen). Merged with rounds fourteen and
    sixteen (their pages and the paraphrase rules), round fifteen answers one more near-topic
    question (declined 0.375 -> 0.250) and its pages take one answer out of round fourteen's
    first three (0.583 -> 0.556).
    Round seventeen's six pages (issue 13: described bodies, places and people, counted nouns
    in other words) were measured before any rule of the round at hit@3 0.310
    (round17/before.txt; 0.379 once its gold named the other pages carrying the same wire
    story), out-of-scope declined 0.375; the chamber-name rule took hit@3 to 0.414; the
    noun-kin rule (0.586 with both) was not merged (docs/quality.md, round seventeen).
    Round eighteen's twelve pages (chosen for page furniture and metadata) were measured
    before any rule of the round at metadata 0.917 right with one invented title, three answers
    quoting furniture, hit@3 0.900, out-of-scope declined 0.750 (round18/before.txt); its
    reading rules read its metadata 48 of 48 right and quote furniture in one answer (a caption's
    bracketed credit, "[TASS]"). As distractors its pages took no answer or decline from
    another round; the line model retrained with them (threshold 0.85 -> 0.84) drops UATV's
    caption "… Photo: Russian media" (0.843), and round eight's "How did Kim describe the
    agreement?" is declined (hit@3 0.793 -> 0.759; docs/reading.md, the line model). Before any
    rule of the round, its pages as distractors took three answers and two declines, one
    question each: round two's "What did New Delhi and Beijing agree on before their leaders
    met?" out of the first three (0.586 -> 0.552) and its "Who owns the copyright of Aju
    Press?" answered from Korea JoongAng Daily's page (declined 0.727 -> 0.636); round seven's
    "When will Lavrov be in North Korea?" out of the first three (uawire on his 2025 visit;
    0.727 -> 0.636); round fifteen's "What does the treaty Putin signed into law oblige each
    side to do?" out of the first three (Borneo Bulletin and iuvmpress on the treaty; 0.720 ->
    0.680); round sixteen's "How many North Korean soldiers has Ukraine exchanged for Ukrainian
    prisoners?" answered from Straight Arrow News's proposed exchange (declined 0.583 ->
    0.500). The midday rule that reads a counted figure anywhere in its passage (docs/quality.md,
    "Misses read one by one") answers round nine's "How many journalists attended Putin's press
    conference in Pyongyang?" with the Kazan press conference's figure (declined 0.750 -> 0.688)
    and its "How many journalists gathered …" in the first place (hit@3 0.783 -> 0.826).
    Round nineteen's thirteen pages (issue 12: other stories' headlines and cards between or
    after paragraphs, glued labels, and the articles' own sub-heads) were measured before any
    rule of the round at metadata 0.942 right, none invented, two answers quoting furniture,
    hit@3 0.848, out-of-scope declined 0.583 (round19/before.txt); its rules (another story's
    headline sharing no new word with the paragraph under it, cards closed by "Read more »",
    writers' names glued by case, a bracketed "(PHOTOS)" label, a shouted slashed credit) read
    0.981 right and quote no furniture, declined 0.667; they also took The Daily Star's line out
    of round fifteen's answer (furniture quoted 1 -> 0), and as distractors round nineteen's
    pages, once read so, put one more answer first in round thirteen and one more decline in
    round nine. As distractors, with main's rules as with the round's, they answered one of
    round eighteen's off-topic questions (declined 0.750 -> 0.625): "Who won the 2024 Tour de
    France?" gets the Daily Tribune's caption, dated 2024 and credited to Agence
    France-Presse; merged with round twenty, whose rule keeps the bare copy of a caption printed
    again with its credit, it is declined again (0.750). The line model retrained with them (threshold 0.84 -> 0.88) keeps UATV's
    caption again (round eight's hit@3 0.759 -> 0.793).
    Round twenty's thirteen pages (chosen for awkward metadata: a site's clock beside a weather
    widget, an aggregator's IANS dateline, a closing "(Yonhap)", a greeting widget above the
    headline, a caption printed again with its credit, pages with no headline) were measured
    before any rule of the round at metadata 0.885 right with one invented field, no answer
    quoting furniture, hit@3 0.680, out-of-scope declined 0.556 (round20/before.txt); its
    reading rules read 50 of 52 fields right. The invented field is Korea Daily's clock
    ("Friday, June 6, 2025" under "61.3 F" / "Los Angeles") read as the date: a bundled
    article's capture from the same site shows its right date there (docs/reading.md). As
    distractors, before any rule of the round, its pages took one answer out of round eleven's
    first three (0.833 -> 0.800; the Mail & Guardian's partner page on Ushakov's count) and one
    of round eighteen's declines, which the caption rule gave back; they also declined one more
    of rounds nine's and ten's near-topic questions. Three earlier questions also accept the
    round-twenty page that gives the same fact (rounds two, thirteen and seventeen).
    Rounds nineteen and twenty were written the same day on separate branches; merged, with the
    line model retrained on both (threshold 0.88 and 0.90 -> 0.92), round nineteen's
    headtopics card glued to its blurb ("… Nato ConfirmsNorth Korean troops have …", 0.887) is
    kept again and quoted once (furniture 0 -> 1), and round nineteen's pages as distractors
    take one answer out of round twenty's first three (0.680 -> 0.640) and answer one more of
    its near-topic questions (declined 0.556 -> 0.444).
    Round twenty-one's eleven pages (issue 13: 23 near-topic questions to decline, each
    checked against every dev page; 36 answerable, half paraphrased) were measured before any
    rule of the round at hit@3 0.667, out-of-scope declined 0.696 (round21/before.txt); its
    three rules (docs/quality.md, round twenty-one: a statement's topic in the speaker's own
    sentence, a who-question's verb held by the passage, a future date not the report's)
    decline 0.957 with no answer lost on the round. Its metadata figures (0.886, one invented title) are the unseen-pages
    ones: no reading rule was written for it. As distractors, before any rule of the round,
    its pages took one answer out of round eleven's first three (0.800 -> 0.767; newsdirectory3
    on the troops heading to Kursk) and one out of round sixteen's ("What did Kim wish Putin in
    his letter?", 0.912 -> 0.882; the Blogspot copy of AFP on Putin's letter), and one of round
    fourteen's answers ("How many articles does the Moscow–Pyongyang agreement contain?") is
    declined; they declined one of round nineteen's near-topic questions. The line model
    retrained with them (threshold 0.92 -> 0.93) changes no dev figure and reads the bundled
    articles as before.
    Round twenty-two's fourteen pages (issue 12: furniture inside and between the paragraphs: a
    gallery's image descriptions and bracketed credits, a by-line glued to a paragraph, a feed's
    "Continue reading… Read More" tail, app and comment widgets) were measured before any rule of
    the round at metadata 0.946 right with one invented field, twelve of 47 answers quoting
    furniture, hit@3 0.861, out-of-scope declined 0.364 (round22/before.txt); its rules (a
    bracketed photo credit cut from a kept line, a glued "Story by" sentence, a photo's
    description above its caption, a feed's tail) read 0.964 right and quote furniture in two
    answers (ecochest's "… North KoreaSee all our Ukraine war coverage", see docs/reading.md),
    hit@3 0.889. As distractors, before any rule of the round (the commit that added them,
    measured with the rules as they were), its pages took one answer out of round eleven's
    first three (0.800 -> 0.767) and one out of round seventeen's (0.414 -> 0.379), and answered
    one more of round twenty's near-topic questions (declined 0.444 -> 0.333); none of the
    round's rules moved them back or further. They also answered round nine's bait "What other
    North Korea stories are there?" with CFJC Today's "THIS IS A BREAKING NEWS UPDATE. AP’s
    earlier story follows below.", which the round's update-note rule makes furniture (declined
    0.625 -> 0.688 again). The line model retrained on all 250 pages (threshold 0.92 -> 0.91)
    moved no dev figure. Merged with round twenty-one (261 pages, threshold 0.92): both rounds'
    pages as distractors take round eleven's hit@3 to 0.733 and round sixteen's to 0.882, and
    round twenty-one's rules decline round twenty-two's near-topic questions at 0.455.
    Round twenty-five's fifteen pages (issue 12: metadata as the page shows it: a name with a
    role or a social handle and no "By", a dated copyright footer, a lone "(AP)" under the
    text, a date signed at a paragraph's end, a headline glued to its summary or under shop and
    newsletter chrome, forum and social posts with no headline) were measured before any rule
    of the round at metadata 0.850 right with one invented title, three of 42 answers quoting
    furniture, hit@3 0.677, out-of-scope declined 0.636 (round25/before.txt); its rules read 60
    of 60 fields right, none invented, and quote furniture in one answer (Media Selangor's
    "about us" line, for a bait question on its newspapers). As distractors, before any rule
    of the round (main's rules, 03c7329), its pages answered one near-topic question each of
    round two ("What did Xi Jinping say to Cyril Ramaphosa in Kazan?", declined 0.636 -> 0.545)
    and round seven ("What did Xi Jinping say at the closing news conference in Kazan?", 0.800
    -> 0.600), the one with Stallion Times's AP copy on Putin's meetings with Xi, Modi and
    Ramaphosa, the other with webangah's copy on Xi's arrival in Kazan, and took round
    seventeen's "When did the Russian leader submit the accord to the lower house?" out of the
    first three (0.379 -> 0.345; the Reddit post "Putin has submitted a bill to the State
    Duma …", which gives no date). No rule of the round moved them; the line model retrained on
    the 276 pages (threshold 0.92 -> 0.89) moved no dev figure.
    Round twenty-six's fourteen pages (302 in all; issue 12: lone agency lines, a writer's
    sign-off after a dash, hard-wrapped lines, a misread dash, a headline in title case with a
    full stop, five pages showing no metadata) were measured before any rule of the round at
    metadata 0.839 right, none invented, no furniture quoted, hit@3 0.625, out-of-scope declined
    0.636 (round26/before.txt); its rules read 55 of 56 fields right (the lone "Reuters" under
    runway.airforce.gov.au's headline is still missed), hit@3 0.719, declined 0.727. As
    distractors, with main's rules, its pages took round ten's "Is a meeting between Modi and
    Xi confirmed?" out of the first three (0.724 -> 0.690; jsbmarketresearch's "I can confirm
    that there will be a bilateral meeting …" outranks the earlier "remains unconfirmed"),
    answered round twenty-five's "How many questions did Putin answer at his December 19 press
    conference?" with gondrongjabrik's count for the 2020 event (declined 0.636 -> 0.545) and
    round eight's "Did Vietnam sign a defence pact with Russia?" (0.769 -> 0.692), and put LBCI's
    copy of the same AFP report first for round twenty-five's "When will Putin hold his annual
    press conference?" (now accepted as `also`). No rule of the round moved them. Merged
    with round twenty-three (316 pages), whose pages as distractors take one of the round's
    answers out of the first three (0.719 -> 0.688), and round twenty-seven's pages (merged
    after) two more (0.625).
    Round twenty-four's twelve pages (273 in all; issue 13: 52 answerable questions, 41 of them
    paraphrased, and 17 near-topic ones checked against every dev page) were measured before
    any rule of the round at hit@3 0.731, hit@1 0.577, out-of-scope declined 0.706, wrongly
    declined 0.096, metadata 0.979 right, none invented, no furniture quoted
    (round24/before.txt); its rules (docs/quality.md, round twenty-four: a verb held through
    its synonyms, a role under any title of its group, a name next to the thing named,
    Washington for the United States) take it to hit@3 0.750, declined 0.824. As distractors,
    with main's rules, its pages answer round six's furniture bait "How many articles are
    there for October 24?" (onlytrusted's "Article 4" of the treaty ratified "on October 24";
    declined 0.833 -> 0.667) and put Miami Chronicle's copy of Ukraine's "wrong choice" first
    for round fifteen's question on it, which now accepts that page too (the same words).
    Round twenty-three's fourteen pages (issue 12: other stories' headlines in and after the
    text, furniture glued to a paragraph) were measured before any rule of the round at metadata
    0.821 right with five invented fields, one of 55 answers quoting furniture, hit@3 0.767,
    declined 0.417 (round23/before.txt); its rules (one rule for bulleted headlines, a glued
    label or prompt at a paragraph's end, a topic link glued before the first sentence, a
    linked headline in a run, a notice under the wire credit, a by-line glued to its date,
    labelled fields, a section name) read 0.875 right with four invented (the first sentence
    taken as the title of pages that show none, an agency's by-line read as the author) and
    quote no furniture, hit@3 0.767 as before. As distractors its pages moved other rounds'
    figures within every guard here (see docs/reading.md); the line model retrained on all 275
    pages (threshold 0.92 -> 0.95) moved no dev figure.
    Round twenty-seven's twelve pages (327 in all; issue 13: 39 answerable questions, 24 of
    them open or where, and 29 near-topic ones, mostly open and where, checked against every
    dev page) were measured before any rule of the round at hit@3 0.795, out-of-scope declined
    0.310 (open 0.222, where 0.333), metadata 0.917 right, none invented, no furniture quoted
    (round27/before.txt); its rule (docs/quality.md, round twenty-seven: an open
    question on what someone did needs the deed) declines 0.345 with no answer lost. As
    distractors, with the round's rule, its pages take two answers out of round ten's first three
    (0.724 -> 0.655: Izvestia's Direct Line page and jsbmarketresearch's on Modi and Xi outrank
    them) and one out of round twenty's (0.640 -> 0.600), one each out of rounds two's and
    fourteen's (within their guards), and answer one near-topic question each of the first dev
    set ("Which country will host the next BRICS summit?"), rounds two, three and twenty-five
    ("How many questions did Putin answer at his December 19 press conference?": Izvestia's
    "more than 25 questions … two hours after the start", a count part-way through); round
    two's "What will Russia's GDP growth be next year?" is declined instead. The deed rule lost
    held-out answers and was not merged: without it, and with rounds twenty-three and
    twenty-six's pages as distractors, the round reads hit@3 0.769, declined 0.276 (its
    before.txt figure 0.310 less one near-topic question another round's page answers).
    Round twenty-eight's twelve pages (339 in all; issue 12: long furniture in sentences) were
    measured before any rule of the round at hit@3 0.758, declined 0.545, metadata 0.938 right
    with one invented, two of 44 answers quoting furniture (round28/before.txt); its rule (a
    paywall offer made "by subscribing" and the line on journalism above it) quotes one (a
    listing page's unrelated teaser, cut off, closing the page), no other figure moved. With
    round twenty-nine's pages as distractors (merged after) one more of its near-topic
    questions is answered (declined 0.545 -> 0.455).
    Round twenty-nine's twelve pages (351 in all; issue 12: top lines that are not the
    headline, pages that show none) were measured before any rule of the round at metadata
    0.854 right with two invented titles, two of 38 answers quoting furniture, hit@3 0.786,
    out-of-scope declined 0.700 (round29/before.txt); its rules (docs/reading.md, round
    twenty-nine: a sentence-case line cut off under the only paragraph, a place alone above
    the text) read it 0.875 right with one invented title (julianmacfarlane's interview line),
    and round twenty-three's WION title (0.875 -> 0.893, four invented -> three). As
    distractors, with main's rules as with the round's, its pages lowered five guards: round
    eight's "Who won the 2024 Nobel Peace Prize?" is answered from a reader's comment under
    newsvoice's report ("Trump's Nobel Peace Prize …"; declined 0.692 -> 0.615); round
    thirteen's "In which city were Kim and Putin expected to meet on Thursday?" is outranked by
    newsvoice's Vladivostok summit (hit@3 0.788 -> 0.758); round twenty-four's "What virtues
    did the Russian president credit the Korean friends with?" by civiccreed's tag page on
    Kim's praise of Russia (0.750 -> 0.731); and the off-topic "What is the boiling point of
    water at sea level?" is answered from nebohod's page in rounds twenty-two (0.455 -> 0.364)
    and twenty-six (0.727 -> 0.636). The round's furniture lists the commenters' names but not
    their comments (written before the bot was run; left as committed).
    Round thirty-one's twelve pages (363 in all; issue 13: figures, places and speakers the
    pages never give) were measured before any rule of the round at hit@3 0.871, out-of-scope
    declined 0.412 (near-topic where 1 of 6), metadata 48 of 48 right, no furniture quoted
    (round31/before.txt); its rules (a person the question says gave the answer is its named
    source; an open question on what a named person said needs them named; docs/quality.md,
    round thirty-one; a where-question that puts its event in a city asks for a finer place)
    took declined to 0.588. As distractors, with main's rules, its pages
    took one answer out of round two's first three (0.586 -> 0.552) and answered its "Did North
    Korean troops fight in the Middle East?" (declined 0.545 -> 0.455), took round eleven's
    "What identity papers did one of the captured soldiers have on him?" out of the first three
    (orrao and bbcworldnewstoday on the same ID card; 0.733 -> 0.700), and one answer out of
    round seventeen's first three (0.345 -> 0.310).
    Round thirty's twelve pages (375 in all with round thirty-one's; issue 12: credits and dates as the page shows
    them) were measured before any rule of the round at metadata 0.938 right with one invented
    date, no answer quoting furniture, hit@3 0.781, out-of-scope declined 0.500
    (round30/before.txt); its rules (docs/reading.md, round thirty: an embedded post's date
    gives a dateline no year, bulleted headlines above the headline, an image-source credit
    glued before the headline, an editor's update note, numbered reference links) read it 48
    of 48 right, none invented. As distractors, before any rule of the round, its pages lowered one guard: round
    twenty-four's "How many Ukrainian prisoners of war did Zelensky ask for in exchange for the
    two North Korean soldiers?" is answered from uanews's report on the two prisoners (declined
    0.824 -> 0.765); within their guards they also answer one near-topic question each of
    rounds thirteen, twenty-two, twenty-three, twenty-six and twenty-eight, and take one answer
    out of round fourteen's first three (0.639 -> 0.611; 0.583 with the line classifier
    retrained on them, a near tie on "How old is Kazan?"). Merged with round thirty-one's,
    armytechnology's "According to South Korea's spy agency, North Korea has dispatched more
    than 13,000 containers …" takes round twenty-three's "How many North Korean soldiers have
    died in the Ukraine war, according to South Korea's spy agency?" out of the first three
    (hit@3 0.767 -> 0.744).
    Round thirty-three's twelve pages (387 in all; issue 12: furniture inside or right after the
    text: an aggregator's "→ Continue reading at" line, a radio cue sheet, hashtags, a ticker's
    time stamp) were measured before any rule of the round at metadata 0.958 right, none
    invented, no furniture quoted, hit@3 0.621, out-of-scope declined 0.500
    (round33/before.txt); its rules (docs/reading.md, round thirty-three: hashtags, a reposted
    post's source and a labelled photo credit cut from a kept line's end) move none of these. As
    distractors, its pages take round thirteen's "Did both captured North Koreans want to go
    home?" out of the first three (laderechadiario's prisoner who wants to live in South Korea;
    0.758 -> 0.727) and round thirty-one's "In which city was Lloyd Austin speaking when he
    confirmed North Korean troops were in Russia?" (independentsentinel's copy of the same CNN
    report, "in Rome", from another page; 0.871 -> 0.839); within their guards they take one
    answer out of round fourteen's and round nine's first three and answer one near-topic
    question of rounds twenty-one and twenty-six each.
    Round thirty-two's twelve pages (399 in all with rounds thirty, thirty-one and thirty-three; issue 13: statements in many attribution
    shapes) were measured before any rule of the round at metadata 0.938 right, none invented,
    no furniture quoted, hit@3 0.571, out-of-scope declined 0.571 (round32/before.txt); its
    rules (docs/quality.md, round 32) raise hit@3 to 0.657 and quote one furniture line (KCNA
    Watch's "Date: ... | Source: ..." line above the answer the round's first rule now
    completes). As distractors, with main's rules as with the round's, its pages lowered three
    guards: round ten's "How did those at Seoul's emergency meeting judge Pyongyang's sending
    of soldiers?" leaves the first three (hit@3 0.655 -> 0.621), round twenty-two's "Why did
    the North Korean troops suffer heavy casualties?" too (0.889 -> 0.861), and round
    twenty-four's "What qualities did Russia's top general see in the North Korean soldiers?"
    and "How many soldiers had Western and South Korean spy agencies said Pyongyang sent to
    help Russia?" (0.731 -> 0.692), the latter answered first by skybarnett's copy of the same
    AFP line ("Western, South Korean and Ukrainian intelligence agencies say Pyongyang had
    deployed more than 10,000 troops"). Merged with rounds thirty, thirty-one and
    thirty-three's pages, two more answers leave the first three: round eighteen's "How many
    North Korean soldiers have been killed according to South Korean intelligence?" (rmx's
    "at least 100 … killed", round thirty-one, first; 0.889 -> 0.867) and round twenty-seven's
    "On what day was the captive found?" (0.769 -> 0.744).
    Round thirty-four's twelve pages (411 in all; issue 12, title and author as the page shows
    them), before any rule of the round, answer one of round thirteen's near-topic questions
    ("How many North Korean soldiers did Ukraine capture in November 2024?": a new page's "the
    capture of two North Korean soldiers", its soldier having "arrived in November"; declined
    0.700 -> 0.600) and take one answer out of the first three of rounds fifteen ("What share
    of the world's population does BRICS account for?", 0.68 -> 0.64), sixteen ("Which countries
    formally applied to join BRICS?", 0.882 -> 0.853) and twenty-nine ("Where was the Kazan
    Declaration published?", now declined; 0.786 -> 0.750): other copies of the same BRICS
    facts (an op-ed's "over 45 percent of the world's population", "coined the acronym")
    outrank or crowd out the answers.
    Round thirty-five's twelve pages (423 in all with round thirty-four's; issue 13: number questions) were measured
    before any rule of the round at metadata 1.000 right, none invented, no furniture quoted,
    hit@3 0.622, out-of-scope declined 0.455 (round35/before.txt); its two rules (docs/quality.md,
    round 35) raise hit@3 to 0.676. As distractors, with main's rules as with the round's, its
    pages take two answers out of the first three by copies of the same facts: round five's
    "Why did Buenos Aires turn down the invitation to the bloc?" (statista's "Argentina rejected
    the offer ..." comes first; 0.75 -> 0.70) and round fifteen's "What share of the world's
    population does BRICS account for?" (indiapostlive's and statista's "45% of the world's
    population"; 0.68 -> 0.64). Merged with round thirty-four's pages, georgiacommunitytv's
    copy of the New York Times report on the captured soldiers crowds i929fm's "an offensive
    on Jan. 3 … captured two days later" out of the passages read for round thirty-five's "How
    long after the January 3 offensive was the North Korean soldier taken prisoner?" (hit@3
    0.676 -> 0.649).
    The office-holder rule (lead, docs/quality.md "An office is also its holder") searches
    round eighteen's "How did the Russian foreign minister describe Western plans for a
    coalition of the willing?" also as "Lavrov", whose other pages' passages then come first
    (hit@3 0.862 -> 0.833; isolated on its own pages, the question is still answered first).
    Round thirty-six's eleven pages (issue 13: paraphrased questions) were measured before any
    rule of the round at metadata 0.977 right (a dateline's "BSS/AFP" read as one publisher),
    none invented, no furniture quoted, hit@3 0.538, out-of-scope declined 0.455
    (round36/before.txt); its two rules (docs/quality.md, round 36) raise hit@3 to 0.590 and
    declined to 0.545. As distractors, with main's rules as with the round's, they take one
    answer out of round five's first three ("Which Russian city did Putin stop in on his way to
    Pyongyang?": espreso's and smiua's passages on the Kursk pull-back, "rarely stopping to
    regroup", crowd it out; 0.70 -> 0.65) and answer one of round nine's near-topic questions
    ("When did Cho Tae-yong meet Lloyd Austin?": business-standard's press conference "with US
    Secretary of Defence Lloyd J. Austin III, ... Cho Tae-yul ... on Thursday", another Cho;
    0.68 -> 0.625).
    Round thirty-seven's twelve pages (metadata in unusual shapes: a dateline naming two
    agencies, a day-first dateline under a site's clock, a column label and a shouted by-line
    between bars, a "Disclaimer:" line) were measured before any rule of the round at metadata
    0.917 right, none invented, one furniture line quoted, hit@3 0.647, out-of-scope declined
    0.500 (round37/before.txt); its reading rules read all 48 fields right and quote no
    furniture. As distractors, before any rule of the round, its pages take round ten's "What
    had Kyiv's leader said a day earlier about North Korean units?" out of the first three
    (hit@3 0.621 -> 0.586: its words shift the corpus's word weights; none of its pages is among
    the three passages read), and
    lift a kcnawatch passage holding its "Date: … | Source: …" line into a second of round
    thirty-two's answers (furniture quoted 1 -> 2); the round's labelled-fields rule reads that
    line as metadata (furniture quoted 0).
    Merged with round thirty-six's pages (the lead), round thirty-six's biz.chosun page on the
    prisoners' letters ("delivered … through Kim Young-mi, a producer") answers round
    thirty-seven's near-topic "In which city was the producer Kim Young-mi born?" (declined 0.500
    -> 0.417), and round fourteen's "Which North Korean diplomat visited the Russian capital
    earlier in the month?" (third with the capital rule, docs/quality.md) drops out of the
    first three again among the 444 pages (0.556 -> 0.528).
    Round thirty-eight's eleven pages (issue 13: near-topic questions to decline) were measured
    before any rule of the round at metadata 0.977 right with one field invented (ijreportika's
    "Read a version of this story in Korean" link read as the title), no furniture quoted,
    hit@3 0.542, near-topic declined 0.526 (round38/before.txt); its three rules
    (docs/quality.md, round 38) raise declined to 0.684. As distractors, with main's rules as
    with the round's, they take one answer out of round fourteen's first three ("What did the
    Ukrainian president complain about in his nightly address?": republicworld's "Zelenskyy
    said in his daily evening address ..." comes third; 0.55 -> 0.52), round twenty-seven's
    ("Which Russian institutions drafted the document proposing the grain exchange?": starfeu's
    and other grain exchange passages first; 0.74 -> 0.71) and round thirty-four's ("Who coined
    the acronym BRIC?": hollywood-house's and patrioticpage's "Since the term was first coined
    in 2001" second and third; 0.67 -> 0.64). Merged after rounds thirty-six and thirty-seven
    and the lead's rules of the night, one more of its near-topic questions is answered ("Who
    signed the Ukrainian Foreign Ministry's statement criticizing Guterres?": a bulleted summary
    naming Guterres and Putin; declined 0.684 -> 0.632).
    Round thirty-nine's eleven pages (issue 12: metadata the page does not show) were measured
    before any rule of the round at metadata 0.955 right with one invented title (a dateline
    alone on the first line), no furniture quoted, hit@3 0.621, out-of-scope declined 0.636
    (round39/before.txt); its two reading rules (docs/reading.md, round thirty-nine) read 44 of
    44 fields right, none invented, and move no answer. As distractors, before any rule of the
    round (main's rules), its pages took one answer out of round twenty-two's first three
    ("Where did Putin and Kim go together after the airport in Pyongyang?" is now declined,
    "no passage names the place asked for", though Al Jazeera's "travelled together to the
    Kumsusan State Guest House" still comes first; 0.861 -> 0.833) and answered one of round
    thirty-six's near-topic questions ("How many Ukrainian soldiers were killed or injured in
    the battle ...?" gets the North Korean casualty figures, "Figures differ"; 0.545 -> 0.455).
    Eshraag's copy of the Independent's report holds round twenty-six's "since the Soviet Union
    collapsed in 1991" word for word and comes first; it is listed as an equal answer. Merged
    by the lead, the line model retrained on the 465 pages takes round fourteen's "Which North
    Korean diplomat visited the Russian capital earlier in the month?" out of the first three
    again (hit@3 0.528 -> 0.500; docs/reading.md, the line model's training).
    Round forty's nine pages (issue 13: paraphrased statement and who questions) were measured
    before any rule of the round at metadata 0.917 right (an Italian agency's time stamp read as
    the title, its date not read, a standfirst over a headline printed twice read as the title),
    nothing invented, no furniture quoted, hit@3 0.519, near-topic declined 0.364
    (round40/before.txt); its two rules (docs/quality.md, round 40) take hit@3 to 0.593. The
    line model retrained on the 464 pages (threshold 0.92) undoes what the 455-page model moved
    in pooled dev: round fourteen's "Which North Korean diplomat visited the Russian capital
    earlier in the month?" drops out of the first three again (0.52 -> 0.50) and round fifteen's
    near-topic "How long will Putin stay in Vietnam?" is declined again. Merged by the lead
    after round thirty-nine, round forty's pages answer one of round thirty-nine's near-topic
    questions ("How long will the captured North Korean soldiers be held before an exchange?"
    gets Zelensky's offer to exchange them; neither of round forty's rules moves it; declined
    0.636 -> 0.545). The headline rule of 2026-12-04 (a name the title holds is held by each
    passage of the article; docs/quality.md) answers round thirty-eight's near-topic "How many
    countries signed the final communique of the Kazan summit?" with a page on the summit
    that counts the countries attending (declined 0.632 -> 0.579). Round forty-one's pages
    answer round thirty-nine's near-topic "How many votes did North Korea's parliament cast to
    ratify the treaty with Russia?" with the Duma's 397 votes (radioshoma934; declined 0.545 ->
    0.455). Round forty-one's own ten pages (issue 13: paraphrased number and statement
    questions) were measured with the day's rules, before any rule was written from them, at
    metadata 0.950, nothing invented, no furniture quoted, hit@3 0.740 and near-topic declined
    0.632 on their own pages (round41/before.txt); among the 484 pages, hit@3 0.580 and declined
    0.316. Round forty-two's ten pages (issue 13: near-topic questions and paraphrase), with the
    day's rules: metadata 1.000, nothing invented, hit@3 0.891, declined 0.581 on their own pages
    (round42/before.txt); the one answer quoting furniture there (a machine-translation notice)
    led to the translation-notice rule (docs/reading.md). Among the 494 pages, hit@3 0.370 and
    declined 0.452: other outlets' copies of the same reports come first. As distractors they
    take one answer out of round twelve's first three (0.792 -> 0.750: voi's rewrite of Putin's
    Kazan answer first on "What did Putin say about how Russia carries out its partnership with
    North Korea?") and one out of round twenty-nine's (0.750 -> 0.714: mazzaltov's report of
    the ratification first on "About how many North Korean soldiers were reportedly deployed
    when North Korea ratified the treaty?"). The evening of 2026-12-04: the rule that reads a
    headline copied with a full stop (docs/reading.md) made hindustandot's "PM Modi arrives in
    Kazan for BRICS Summit, …" its title, whose names each passage now holds, and round
    thirty-one's near-topic "Where did Kim and Xi Jinping hold their talks in Beijing?" is
    answered with its passage on Modi and Xi (declined 0.588 -> 0.529). Round forty-three's
    twelve pages, as distractors and before any rule written from them, answer round
    twenty-one's "When will the North Korean sappers return home?" (declined 0.957 -> 0.913) and
    take round thirty-seven's "How did the soldier's mother react when he left for the army?" out
    of the first three (0.647 -> 0.618); on their own pages they measure metadata 1.000, nothing
    invented, hit@3 0.721, declined 0.545 (round43/before.txt), among the 506 pages hit@3 0.557
    and declined 0.364, with the reading rules written from them (a list under a link label, a
    source address glued to a paragraph) no furniture quoted. Round forty-four's twelve pages
    (518 in all), as distractors and before any rule written from them, take one answer each out
    of four rounds' first three: round eight's "What will Pyongyang put up in the capital to
    honour its fighters?" (youboox's page on Kim's ceremony for the returned soldiers comes first;
    0.759 -> 0.724), round eighteen's "What did documents found on dead North Korean soldiers
    order them to do?" (timelinedaily's page on the soldier who blew himself up joins two copies
    of the same report in the first three; 0.833 -> 0.800), round twenty-four's "What did
    Ukraine's forces set up in the Kursk region?" (timelinedaily first; 0.692 -> 0.673) and round
    forty-three's "Which Ukrainian agency reported that the first Russian-trained North Korean
    units had reached the Kursk region?" (bnnbloomberg's Bloomberg copy first, which gives the
    same fact: "Ukraine's military intelligence said on Telegram that the first units …";
    0.557 -> 0.541). On their own pages they measure metadata 0.958 (a by-line of three names
    after a time stamp missed, a by-line naming the outlet not read as the publisher), nothing
    invented, hit@3 0.691, declined 0.600, furniture quoted in 12 answers of 75
    (round44/before.txt); among the 518 pages hit@3 0.545, declined 0.550, furniture quoted in
    6. Round forty-five's twelve pages (530 in all), as distractors and before any rule written
    from them, take one answer each out of two rounds' first three: round thirty-six's "What is
    the status of North Korean POWs under South Korea's constitution?" (spacewar's AFP copy joins
    uanews and bssnews ahead of the gold biz.chosun page; 0.590 -> 0.564) and round forty-four's
    "Which subjects did the Kremlin expect the Russian president and the UN chief to take up
    besides the world body's work?" (newsbulletin247's page on the same Kremlin statement second,
    the gold inquirer page pushed out; 0.545 -> 0.527). On their own pages they measure metadata
    0.917 (the newsbreak copy's "• The Independent" and spacewar's masthead not read as the
    publisher, spacewar's "Seoul, Nov 2 (AFP) Nov 02, 2025" not read as the date, germannews's
    first related-story line taken for the title), nothing invented, hit@3 0.661, declined 0.500,
    furniture quoted in 3 answers of 72 (round45/before.txt); among the 530 pages hit@3 0.411,
    declined 0.625, no furniture quoted.
    Round forty-six's 12 pages (chosen for metadata in unusual shapes; no rule of the round) take
    one answer out of round forty-five's first three ("What did Kim tell Putin the two countries
    should do?": myanmaritv's answer falls out of the first three as the new pages shift the term weights;
    hit@3 0.411 -> 0.393), answer one of round forty-two's declines ("How many heads of state
    attended the BRICS summit in Kazan?", now answered from voiceofserbia's "attended by 41
    delegations from over 30 countries"; declined 0.452 -> 0.419) and add one furniture answer to
    round twenty-nine's ("How many states sent delegations to the XVI BRICS summit?" now quotes a
    second depimedia passage, the likely source; 2 -> 3). On their own pages they measure metadata 0.979
    (fox41yakima's copyright line "FOX41 Yakima©FOX11 TriCities©" not read as the publisher),
    nothing invented, hit@3 0.818, declined 0.786, furniture quoted in 7 answers of 58
    (round46/before.txt); among the 542 pages hit@3 0.659, declined 0.571, furniture quoted in
    5. The paragraph-markup rule (docs/reading.md, round forty-six) splits Deccan Herald's
    one-paragraph capture into its paragraphs: round forty-six's "Which hospital issued the
    medical report on the Brazilian president's head injury?" leaves the first three in the
    pooled folder (hit@3 0.659 -> 0.636), and the round quotes no furniture (5 -> 0) and reads
    48 of 48 fields. Round forty-seven's 12 pages (chosen for page furniture; no rule of the
    round) take one answer out of round five's first three ("How far is Kazan from Moscow?":
    teknomers's "500 kilometers east of Moscow" comes second and pushes the gold firstpost page
    out; hit@3 0.65 -> 0.60) and add one furniture answer to round twenty-eight's ("Who is the
    host of the NK News podcast?", declined before, is now answered from castbox's show blurb
    "hosted by Jacco Zwetsloot", with the gold podscripts passage and its furniture second; 1 ->
    2). On their own pages they measure metadata 0.833 (three stamps not read as dates, an alt
    text, an attribution note and an author's bio taken for titles, a section word for the
    publisher, the one by-line missed), 2 fields invented, hit@3 0.875, declined 0.857,
    furniture quoted in 8 answers of 54 (round47/before.txt); among the 554 pages hit@3 0.650,
    declined 0.643, furniture quoted in 1. The rules written from them (docs/reading.md, "Round
    forty-seven") read 46 of its 48 fields (1 invented: outlookindia's section word
    "International" as the publisher); radiofree's page, its republishing notes dropped, is
    passaged anew, and "What did the Ukrainian president say the Kremlin leader could not do
    without help from Pyongyang's ruler?" falls out of the first three in the pooled folder
    (hit@3 0.650 -> 0.625). Round forty-eight's 12 pages (566 in all with round forty-seven's; chosen for metadata in unusual
    shapes, no rule of the round) answer one of round four's declines ("Which heads of state did
    Putin greet on the first evening in Kazan?" now gets euromedia24's "personally greeted the
    delegations of all countries" before the leaders' lunch; 0.714 -> 0.571), take one answer out
    of round forty-three's first three ("In what year was the BRICS group founded?": kentron's
    "founded in June 2006" and umeedtv's "originally founded in 2009" come first and push the
    gold page out; 0.557 -> 0.524) and answer one of round forty-six's declines ("Which four
    countries had not yet answered Russia's invitation to become BRICS partners by late
    November?" now gets umeedtv's page on Belarus's letter; 0.571 -> 0.500). On their own pages
    they measure metadata 0.792, nothing invented, hit@3 0.767, declined 0.750, furniture quoted
    in 4 answers of 59 (round48/before.txt); among the 554 pages hit@3 0.651, declined 0.500,
    furniture quoted in 2; among the 566 with round forty-seven's, hit@3 0.628 (0.62 here).
    The rule written from them (docs/reading.md, "Round forty-eight") leaves these figures as
    they were. Round fifty's 12 pages (578 in all; chosen for the metadata and furniture of
    regional and aggregator sites, no rule of the round) take one answer out of round ten's
    first three ("Why did Putin skip last year's summit in South Africa?": theheritagetimes's
    "Putin was not physically present after the International Criminal Court ... issued an
    arrest warrant", which answers too, comes second and pushes the gold page out; 0.586 ->
    0.552) and one out of round twenty-two's ("What did Putin and Kim discuss at their rare
    summit in the Amur region?": as the new pages shift the term weights, the gold unionleader
    page gives its caption passage instead of its lead; 0.833 -> 0.806). On their own pages
    they measure metadata 0.875 (newslooks's summary-box label taken for the title and its
    slash-glued outlet and writer not read, MENAFN's and ICARO's names not read as publishers),
    1 field invented (ibtimes's opening photo caption as the title), hit@3 0.812, declined
    0.625, furniture quoted in 6 answers of 64 (round50/before.txt); among the 578 pages hit@3
    0.646, declined 0.625, furniture quoted in 2. Round fifty-one's 12 pages (590 in all) answer
    round fifty's near-topic "What did Andrii Sybiha say Japan would contribute to repairing
    Ukraine's energy grid?" (sentinalbeat's Sybiha call comes second; declined 0.625 -> 0.562).
    The rule that searches "the bloc" as BRICS (docs/quality.md, "A body described is its
    acronym") declines round forty-five's "Which country does the UN chief who travelled to
    Russia for the bloc's summit come from?" among all the pages (hit@3 0.391 -> 0.375), where
    it had come third. Round fifty-two's 12 pages (602 in all; an event tracker, a search page,
    a "spun" rewrite and texts with no headline) measure among all the pages metadata 0.938
    (fbcnews's "[Source: Reuters]" and politicalobserver's dash-glued dateline date not read),
    1 field invented (ukrainetruth's extraction stamp as the date), hit@3 0.609, declined 0.667,
    furniture quoted in 2 answers of 90 (both ukrainetruth's tracker notes; on their own pages
    hit@3 0.754, furniture 5, round52/before.txt). Its pages, more distractors, take one
    answer out of round six's first three ("What did Kim say about the soldiers killed fighting
    for Russia?": fbcnews's casualty figures come third; 0.667 -> 0.583) and two out of round
    thirty's ("When did Yu Yong-weon travel to Ukraine?", "Why could the prisoner Ri not speak
    clearly?": nationalcourrier's and medusaads's copies; 0.781 -> 0.719); trendsnnews gives
    round three's Zelenskyy estimate in its own words (3,800), now its `also`. Rounds
    fifty-three and fifty-four (2026-12-06; 625 pages in all), before any rule written from
    them, take one answer each out of the first three of round eleven ("Why did Lula cancel his
    trip to Kazan?": newsoftheworld's copy, a true answer in other words; 0.700 -> 0.667), round
    thirty ("When did Putin and Kim Jong Un speak on the phone?": usmuslims's and newslingo's
    pages on the same call, dated only "on Tuesday"; 0.719 -> 0.688), round forty-one ("What did
    Rutte say the troop deployment was a sign of?": arabnewsdigest's cut-off last line third;
    0.58 -> 0.56), and two out of round thirty-six's (crbcnews's "death sentence" sentence, true
    in other words, and brazillatest's standfirst; "How many defectors had written to the
    prisoners earlier?" now declined; 0.564 -> 0.513). Round fifty-three's 11 pages and round
    fifty-four's 12, among all 625 pages after the rules written from them (their own pages'
    first figures are in round53/before.txt and round54/before.txt): metadata 0.909 and 0.938,
    one field invented each (efe's dateline day with a caption's year, which its truth leaves
    empty; europeannewsroom's translation widget's "it flag go to the original language
    article" as the title), furniture quoted
    in none and one answer (usmuslims's comment rule in Turkish, glued into a paragraph), hit@3
    0.710 and 0.582, declined 0.522 and 0.650. British and American spellings read as one
    word (docs/quality.md) take one answer out of round thirty's first three ("Which outlet
    reported that North Korea ratified the mutual defence treaty with Russia?": the pages that
    write "defense treaty" now compete; 0.688 -> 0.656) and answer round thirty-five's
    near-topic "How many square kilometres did Russian troops capture in the Kurakhove area?"
    with a page's figure in "square kilometers" for another area (0.455 -> 0.364), while the
    pooled dev figures rise (hit@3 1455 -> 1459, declines unchanged). Round fifty-five's twelve
    pages (2026-12-06; its first figures on its own pages in round55/before.txt), among all 637
    and before any rule written from them: metadata all right, no furniture quoted, hit@3 0.611,
    declined 0.590. As distractors they take one answer out of the first three of round
    forty-seven ("What has the world body said about reports that its chief is travelling to
    Russia?" now declined; 0.64 -> 0.60) and of round fifty ("What did Pretoria lead to both
    Kyiv and Moscow the year before?"; 0.64 -> 0.63), and answer three questions to decline:
    round fifty's "What did Anwar Ibrahim say in his speech at the BRICS Plus session in
    Kazan?" (0.56 -> 0.50),
    round fifty-one's "How much does a ticket on Nordwind's Moscow–Pyongyang flight cost?",
    which newsforall's page now answers ("priced at 45,000 rubles"; 0.78 -> 0.74), and round
    twenty-one's "What is the price of a ticket on the Moscow–Pyongyang train?" with that
    flight's price (0.91 -> 0.87). Round fifty-six's twelve pages (later that day; first figures
    in round56/before.txt), among all 649: metadata 0.979 with one field invented (13newsnow's
    dateline taken as the title), furniture quoted in 2 answers, hit@3 0.726, declined 0.519.
    As distractors they answer round twenty-eight's off-topic "When did the obesity drug
    shortage end?" with goodmorningworld's "labour shortage" for drones, "by the end of the
    year" (0.45 -> 0.36), and put round forty-eight's "Which number BRICS partner did Vietnam
    become?" second, behind a passage whose page furniture is now quoted (3 answers). Round
    fifty-seven's twelve pages (evening of 2026-12-06; first figures in round57/before.txt),
    among all 661: metadata 0.958, none invented, furniture in 2 answers, hit@3 0.595, declined
    0.639. As distractors, its pages on the Aurus limousine Putin gave Kim give the car's price
    ("costing approximately 275 thousand dollars"), so rounds nineteen's, twenty's and
    twenty-six's "How much did the Aurus … cost?" are answered (round 26: 0.63 -> 0.55), and
    their gift stories take answers out of round nineteen's first three ("How did Tass describe
    the gifts Kim gave Putin?", "Which Russian minister attended the gala concert …?"; 0.84 ->
    0.79); round eleven's furniture question "What video is up next?" is answered by a page on
    "a video published by Reuters" (0.58 -> 0.50); one answer each leaves the first three of
    rounds twelve (0.75 -> 0.71), fifty-one and fifty-three, and round fifty-one's "What did
    Kim Yo-jong say …?" is answered (0.73 -> 0.68). Round fifty-eight's twelve pages (the same
    evening; first figures in round58/before.txt), among all 673 after the counted-noun rule:
    metadata 0.938, none invented, no furniture listed, hit@3 0.571, declined 0.600. As
    distractors they answer round fifty-one's "How many foreign tourists visited the
    Wonsan-Kalma resort in its first month?" with a page on Russian tourists there (0.68 ->
    0.63), and take one answer each out of the first three of rounds twenty-four ("How many
    soldiers does a battalion usually have?"), twenty-seven (a wheat price now declined) and
    fifty-six (two on the Beijing talks; 0.72 -> 0.70). Round fifty-nine's twelve pages (later
    that evening; first figures in round59/before.txt), among all 685: metadata 0.917 with two
    titles invented (thetorontohouse's glued caption, libertynation's sub-head), furniture in one
    answer, hit@3 0.726, declined 0.393. As distractors its Vietnam pages answer round fifteen's
    "How long will Putin stay in Vietnam?" and take "What does Kyiv want to use the land it holds
    in Kursk for?" out of its first three (0.64 -> 0.60), and a page with a video answers round
    two's "Where is the video transcript?" (0.45 -> 0.36). Round sixty's twelve pages (the next
    evening; first figures in round60/before.txt), among all 697 with the line model retrained
    on them: metadata 0.958 with one invented, furniture in three answers, hit@3 0.762, declined
    0.643. As distractors they give the facts some near-topic questions asked for: a page says
    each North Korean worker in Russia earns about $800 a month, which answers round
    eighteen's, thirty-one's, fifty-one's and fifty-six's questions on their pay (0.74 -> 0.62,
    0.63 -> 0.57), and a page on Shoigu's visit answers round fifty-three's "Who accompanied
    Shoigu …?"; they take one answer each out of the first three of rounds three ("What did NATO
    confirm on Monday …?", 0.92 -> 0.83), fifty-four (0.58 -> 0.56) and fifty-six (0.70 ->
    0.69) and fifty-nine ("How many military engineers is Pyongyang sending to clear mines …?",
    answered by the new page on 6,000 soldiers for the Kursk rebuilding; 0.71 -> 0.70), and one
    of round fifty-nine's answers quotes a furniture line (1 -> 2). Round sixty-one's twelve
    pages (2026-12-06; first figures in round61/before.txt), among all 709 with the line model
    retrained: metadata 0.979 with one invented, furniture in five answers, hit@3 0.63,
    declined 0.67. As distractors a page on Yoon's review of sending lethal weapons answers
    round nine's "Which weapons did South Korea send to Ukraine?" (0.62 -> 0.56), and a page
    counting 5,255 delegates in Kazan takes a count out of the first three of rounds
    thirty-seven and fifty-seven (0.61 -> 0.58, 0.59 -> 0.58). The reported-clause rule
    (``bot.question._gap_clause_verb``) takes round thirty-six's "How many North Korean troops
    did South Korea's defence ministry say had been sent to Russia?" out of the first three in
    this pooled folder (0.51 -> 0.48; second on the round's own pages, first before). Round
    sixty-two's twelve pages (first figures in round62/before.txt), among all 721 with the line
    model retrained: metadata 0.958 with one invented, furniture in six answers, hit@3 0.70,
    declined 0.57; with them "For how many days did the wounded prisoner hide in the woods …?"
    (round fifty-nine) falls out of the first three (0.70 -> 0.69). Rounds sixty-three and
    sixty-four's twenty-four pages (2026-12-06; first figures in their before.txt), among all
    745 with the line model retrained: metadata 0.896 with one invented and 0.896 with none,
    furniture in three answers and one, hit@3 0.70 and 0.75, declined 0.61 and 0.39. As
    distractors they answer two off-topic questions on weak matches: round six's "Does this
    website use cookies?" (a howitzer page's "the military specialist website"; 0.66 -> 0.50)
    and round sixty-two's "What is the best way to store fresh basil?" (a page on the North
    Koreans' "best-trained" troops; 0.57 -> 0.53); and round forty-seven's "Besides the
    partnership treaty, what infrastructure agreement …?" falls out of the first three (0.60
    -> 0.57). Round sixty-five's twelve pages (first figures in round65/before.txt), among all
    757 with the line model retrained: metadata 0.938 with none invented, no furniture quoted,
    hit@3 0.77, declined 0.54. As distractors a page on Putin's one-minute handshake with Choe
    Son Hui answers round eighteen's near-topic "How long did Putin's meeting with the North
    Korean foreign minister last?" (0.62 -> 0.50), and round forty-six's "Why did the Kremlin
    chief say he would stay away from the G20 meeting in Brazil?" falls out of the first three
    (0.63 -> 0.61). Rounds sixty-six and sixty-seven's 24 pages (first figures in their
    before.txt), among all 781 with the line model retrained, with the rules of 2026-12-07
    (day): as distractors, before any rule of theirs, they answer three more questions meant
    to be declined (round fifteen's off-topic "What percentage of the original article is
    cited?", 0.25 -> 0.12; round twenty-one's "How many passengers travelled on the first direct
    train …?", 0.86 -> 0.82; round sixty-one's "How many ships and military aircraft …?", 0.67
    -> 0.64), decline round sixteen's "Does Zelenskyy expect Ukraine to capture more North
    Korean soldiers?" (0.85 -> 0.82), take one answer out of the first three in rounds
    thirty ("What words did Kim use …?"), thirty-four ("What share of the world's population
    …?"), thirty-five ("How many shells a year …?"), thirty-nine, forty, fifty-seven, fifty-eight,
    fifty-nine and sixty-four, and put a passage with a listed furniture line among round
    sixty-three's answers (3 -> 4): each a page of the new rounds on the same story outranking
    the answer's page, or its own wire copy. The same day's reading rules, which gave back
    lines dropped as furniture (a lead read as a paywall offer for "has become a full member",
    a page's unpunctuated paragraphs read as a run of headlines), made those lines distractors:
    round twenty-five's "Which countries will officially become BRICS partners from January
    1?" (0.67 -> 0.645) and round twenty-eight's "What kind of missions …?" (0.75 -> 0.727) fall
    out of the first three, while round twenty-five declines one more. Round sixty-eight's twelve
    pages (first figures in round68/before.txt), as distractors, decline round forty's "What did
    Washington's UN ambassador caution about on December 18?" (0.55 -> 0.52) and round sixty-
    two's "How long is the Russian section of the span?", answer round sixty-two's "When is the
    road bridge across the Tumen River due to be completed?" (0.53 -> 0.50), and take round
    fifty-eight's "What did Ukrainian drones strike on Friday?" out of the first three (0.55 ->
    0.548). With the day's rules and round sixty-eight's pages together, a listed line of round
    sixty-four's pages rides along in two more answers (1 -> 3). The day's reporting verbs
    ("hailed", "welcomed" as speech verbs) answer round sixty-four's near-topic "What did Rustam
    Minnikhanov say when he received Modi at Kazan airport?" (0.39 -> 0.36). Rounds sixty-nine
    and seventy's 24 pages (first figures in their before.txt), among all 817 with the line
    model retrained, before any rule of theirs: as distractors, a Venezuela page and two on BRICS
    partners take answers out of the first three of round two ("Who is working on the Kazan
    Declaration document?", 0.55 -> 0.51), round seven ("When is the Emirati leader coming to
    see Putin?", 0.63 -> 0.54) and round thirty-six ("Where was the Partner State category
    introduced?", "Who raised the grain exchange idea with the Russian leader?", 0.48 -> 0.43),
    and the retrained model keeps a photo's caption that round forty-six's writer listed as
    furniture ("Russia's President Vladimir Putin, right, meets with Venezuela's President
    Nicolas Maduro"; captions are text, see docs/reading.md), quoted in two answers (0 -> 2).
    Round seventy's own metadata rules (docs/reading.md, "Round seventy's metadata") read it
    0.854 -> 0.938 with none invented (2 before). Rounds seventy-one and seventy-two's 24 pages
    (first figures in their before.txt), among all 841 with the line model retrained, before any
    rule of theirs: as distractors they take answers out of the first three of round eight
    ("What did the Russian president criticise while his army struggled …?", 0.72 -> 0.689),
    fourteen ("What did the Russian leader formally ask the lower house of parliament to do?",
    0.50 -> 0.47), twenty-one ("What might Pyongyang have been given for its soldiers …?", 0.66
    -> 0.63), twenty-four ("In which month did Ukrainian troops first confirm fighting North
    Koreans …?", "How many generals were among the troops Pyongyang sent?", 0.65 -> 0.63),
    forty-four ("In which month did North Korea confirm it had deployed troops …?", 0.52 ->
    0.50), fifty-nine ("For how many days did the wounded prisoner hide …?", "How many more
    troops is Pyongyang reportedly getting ready to send …?", 0.67 -> 0.65), sixty ("Where did
    Kim go to congratulate Russia on the anniversary?", 0.76 -> 0.75) and sixty-five ("Besides
    films, which industries …?", "How often does the North's flag carrier fly …?", 0.77 ->
    0.76), and answer round seventy's near-topic "How did Russia's Foreign Ministry respond to
    Newsweek's request for comment …?" (0.75 -> 0.71). Rounds seventy-three and seventy-four's
    24 pages (865 in all, the line model retrained), before any rule of theirs: as distractors
    they take answers out of the first three of round five ("What did one captured North Korean
    soldier do as Ukrainian forces closed in?", 0.60 -> 0.55), fifty-three ("What does the North
    Korean presence in Kursk show about Moscow's army …?", 0.69 -> 0.67) and seventy-one ("Who,
    according to the summit's concluding statement, are widening their cooperation …?", 0.77 ->
    0.76), and answer round thirty-six's near-topic "How old was the second captured North
    Korean soldier?" (0.45 -> 0.36) and round forty-two's "What did South Korea's Foreign
    Minister Cho Tae-yul say when asked about sending weapons to Ukraine?" (0.41 -> 0.38).
    The learned lexicon (``bot.lexicon``; pooled hit@1 2058 -> 2133 of 3863) takes answers out
    of the first three of round three ("Where were Pyongyang's units spotted again after leaving
    the front?", 0.83 -> 0.75), twenty-eight ("How many personnel does North Korea's army
    have?" and "How much in arms and ammunition has North Korea shipped …?" declined, one
    gained: 0.72 -> 0.69), thirty-one ("What papers was the second prisoner carrying when he
    was caught?" declined, 0.83 -> 0.80), forty-six (two lost, one gained: 0.61 -> 0.59) and
    sixty-six ("On which day did Shoigu's message … come …?", 0.73 -> 0.72); answers round
    twenty-one's near-topic "How many sappers have already arrived in the Kursk region?" and
    "How much does Russia pay each North Korean soldier?" (0.82 -> 0.73); and puts a passage
    with a listed furniture line into one more of round fifty-nine's answers (2 -> 3). Rounds
    seventy-five to seventy-seven's 36 pages (901 in all), with the line model retrained and
    the lexicon relearned on them (which alone moves pooled hit@1 2239 -> 2243), as distractors
    take answers out of the first three of rounds eight ("How many days did the gathering of
    leaders in Kazan last?", 0.68 -> 0.65), eleven (0.66 -> 0.63), seventeen (0.31 -> 0.27),
    nineteen ("Where were the bodies of the fallen North Korean soldiers cremated?", 0.78 ->
    0.75), twenty-three (0.74 -> 0.72), twenty-five (0.64 -> 0.61), forty (0.51 -> 0.44),
    sixty-eight, sixty-nine and seventy-one (one each); answer near-topic questions of rounds
    nine ("How many North Korean soldiers have been killed in Kursk according to Lloyd
    Austin?", 0.56 -> 0.50), twenty-four ("How many North Korean soldiers have defected to
    South Korea from the Kursk front?", 0.76 -> 0.70), thirty-one ("Where did Kim and Xi
    Jinping hold their talks in Beijing?", 0.52 -> 0.47), thirty-eight (two, 0.57 -> 0.47),
    forty-three ("How many Ukrainian soldiers did Putin say were encircled …?", 0.36 -> 0.31),
    seventy-two ("Who filmed the footage of the Russian uniform …?", 0.53 -> 0.50), sixty-eight
    ("Which radio station interviewed Budanov about the Pantsir system in Pyongyang?", 0.46 ->
    0.42) and sixty-nine ("Which city will host the headquarters of the BRICS grain
    exchange?", 0.53 -> 0.50); and
    put a listed furniture line into one more of round forty-six's answers (2 -> 3). Rounds
    seventy-eight to eighty's 36 pages (937 in all), with the counted noun's learned words, the
    lexicon relearned and the line model retrained on them, take answers out of the first three
    of rounds eight (0.65 -> 0.62), thirty-four (0.60 -> 0.57), forty-seven (0.57 -> 0.55) and
    seventy-seven (0.64 -> 0.63); answer near-topic questions of rounds twenty-four (0.70 ->
    0.64), thirty-five and forty-three (0.36 and 0.31 -> 0.27); and put a listed furniture line
    into one more of round sixty-three's answers (4 -> 5). Rounds eighty-one and eighty-two's 24
    pages (949 in all) take one answer out of round seven's first three (0.55 -> 0.45) and answer
    near-topic questions of rounds fifty-seven (0.63 -> 0.61), sixty-six (0.53 -> 0.50),
    sixty-nine (0.50 -> 0.46) and seventy-seven (0.67 -> 0.64); the lexicon relearned on them
    takes one answer out of round seventy-five's first three (0.50 -> 0.49). Rounds eighty-three
    to eighty-five's 36 pages (985 in all) take answers out of the first three of rounds
    twenty-three (0.72 -> 0.70), forty-seven (0.55 -> 0.53), seventy-one (0.75 -> 0.74),
    seventy-seven (0.63 -> 0.62) and eighty (0.72 -> 0.71), and answer near-topic questions of
    rounds four (0.57 -> 0.43), eleven (0.50 -> 0.42), sixty-four (0.35 -> 0.32), sixty-eight
    (0.42 -> 0.39) and eighty-two (0.28 -> 0.25); the lexicon relearned on them answers one
    of round seventy-seven's (0.64 -> 0.61). Rounds eighty-six to eighty-eight's 36 pages (1021
    in all) take answers out of the first three of rounds twenty-one (0.63 -> 0.61), forty-six
    (0.59 -> 0.56), sixty (0.75 -> 0.73) and seventy-nine (0.67 -> 0.66), and answer near-topic
    questions of rounds fifty-seven (0.61 -> 0.58) and sixty-one (0.64 -> 0.60); the lexicon
    relearned and the line model retrained on them, and the rule on a place a count is put in,
    move none of these guards. Rounds eighty-nine and ninety's 24 pages (1045 in all) answer
    near-topic questions of rounds fifty-three (0.52 -> 0.47), seventy-one (0.32 -> 0.28),
    seventy-six (0.53 -> 0.50) and eighty-three (0.50 -> 0.46); the lexicon relearned on them
    moves none. Rounds ninety-one to ninety-three (2026-12-07, night session), with the rules
    of that session (a collective noun counted by its members, "people" counted as persons, the
    lexicon relearned on them), moved twelve earlier rounds by one or two questions each, mostly
    near-topic ones answered (round eighteen 0.500 -> 0.375, sixty-nine 0.464 -> 0.393); the dev
    sets together gained first answers and lost wrong declines (docs/quality.md). Rounds
    ninety-four to ninety-six's pages as distractors, with the lexicon relearned and the line
    model retrained on them and the session's yes/no and verb rules, moved eleven rounds by one
    or two questions (round seven's hit@3 0.45 -> 0.36 the most: two of its 22 answers out of
    the first three), and put one more listed furniture line into answers of rounds sixty-three
    and two into seventy-six's; rounds ninety-four to ninety-six stand at the figures measured
    then. Rounds ninety-seven to one hundred's 48 pages as distractors, with the lexicon
    relearned on them (1000 pairs for 501 words), moved eleven rounds by one to three
    questions: answers out of the first three of rounds twenty-eight (0.697 -> 0.667), sixty-
    seven, eighty-five, eighty-nine, ninety (0.405 -> 0.381) and ninety-four, near-topic
    questions answered in rounds seventy-six, eighty-two, eighty-seven, ninety-one and
    ninety-five (0.179 -> 0.143); rounds ninety-seven to one hundred stand at the figures
    measured then (2026-12-07, late night). A word that is no verb no longer taken for the
    main verb (docs/quality.md, "A word that is no verb is no main verb"; dev and held out
    gained) took one answer out of the first three of rounds sixty (0.714 -> 0.702) and
    sixty-seven (0.595 -> 0.583)."""
    ours, reading = reading_figures(DEV_PAGES, DEV_PAGES / round_ / "questions.yml")
    assert_at_least(ours, reading, fields, invented, furniture, hit_at_3, declined)


def assert_at_least(
    ours: Scores,
    reading: ReadingScores,
    fields: float,
    invented: int,
    furniture: int,
    hit_at_3: float,
    declined: float,
) -> None:
    """The figures a guard row holds: reading at least as good, answers at least as many."""
    assert reading.fields_invented <= invented and reading.fields_right >= fields
    assert reading.furniture_quoted <= furniture
    assert ours.hit_at_3 >= hit_at_3
    assert ours.declined_out_of_scope >= declined


HELD_OUT_PAGES = REPO / "eval" / "pages" / "heldout"


@pytest.mark.skipif(not HELD_OUT_PAGES.is_dir(), reason="the held-out pages are not here")
def test_the_held_out_pages_stay_at_their_measured_figures():
    """A regression guard at the aggregate figures measured on the held-out pages (the rules'
    writer never read them); the issue's targets are not met yet, see docs/quality.md."""
    ours, reading = reading_figures(HELD_OUT_PAGES)
    assert reading.fields_invented == 0 and reading.fields_right >= 0.92
    assert reading.furniture_quoted <= 5
    assert ours.hit_at_3 >= 0.64


@pytest.mark.parametrize(
    ("folder", "fields", "invented", "furniture", "hit_at_3", "declined"),
    [
        ("heldout2", 0.85, 1, 2, 0.64, 0.80),
        ("heldout3", 0.89, 2, 8, 0.75, 0.68),
        ("heldout4", 0.95, 0, 4, 0.76, 0.65),
        ("heldout5", 0.93, 0, 0, 0.67, 0.64),
        ("heldout6", 0.91, 0, 0, 0.64, 0.50),
        ("heldout7", 1.00, 0, 4, 0.67, 0.60),
        ("heldout8", 0.97, 0, 6, 0.72, 0.50),
        ("heldout9", 0.87, 3, 2, 0.76, 0.69),
        ("heldout10", 0.89, 3, 10, 0.84, 0.76),
        ("heldout11", 0.91, 0, 0, 0.91, 0.60),
        ("heldout12", 0.97, 0, 20, 0.80, 0.46),
        ("heldout13", 0.99, 0, 10, 0.73, 0.50),
        ("heldout14", 0.93, 0, 8, 0.76, 0.60),
        ("heldout15", 0.95, 0, 2, 0.82, 0.64),
        ("heldout16", 1.00, 0, 0, 0.84, 0.64),
        ("heldout17", 0.91, 0, 3, 0.84, 0.67),
        ("heldout18", 1.00, 0, 0, 0.84, 0.60),
        ("heldout19", 0.93, 0, 2, 0.73, 0.71),
        ("heldout20", 0.97, 1, 4, 0.77, 0.60),
        ("heldout21", 0.95, 1, 0, 0.71, 0.71),
        ("heldout22", 0.97, 0, 1, 0.84, 0.64),
        ("heldout23", 0.95, 1, 5, 0.77, 0.64),
        ("heldout24", 0.97, 0, 4, 0.84, 0.57),
        ("heldout25", 0.97, 1, 0, 0.71, 0.71),
        ("heldout26", 0.95, 0, 0, 0.78, 0.78),
        ("heldout27", 1.00, 0, 0, 0.72, 0.53),
        ("heldout28", 0.97, 1, 0, 0.66, 0.67),
        ("heldout29", 0.91, 3, 7, 0.75, 0.71),
        ("heldout30", 0.95, 0, 0, 0.75, 0.57),
        ("heldout31", 0.93, 1, 0, 0.70, 0.71),
        ("heldout32", 0.95, 0, 0, 0.75, 0.46),
        ("heldout33", 0.93, 1, 5, 0.64, 0.64),
        ("heldout34", 0.95, 0, 0, 0.71, 0.60),
        ("heldout35", 0.93, 0, 2, 0.67, 0.64),
        ("heldout36", 0.93, 0, 6, 0.69, 0.60),
        ("heldout37", 1.00, 0, 0, 0.69, 0.53),
        ("heldout38", 0.97, 0, 0, 0.76, 0.75),
        ("heldout39", 0.97, 0, 0, 0.73, 0.53),
        ("heldout40", 0.91, 2, 4, 0.67, 0.64),
        ("heldout41", 0.89, 1, 3, 0.75, 0.50),
        ("heldout42", 0.95, 0, 0, 0.60, 0.71),
        ("heldout43", 0.93, 1, 0, 0.80, 0.53),
        ("heldout44", 0.89, 1, 2, 0.72, 0.53),
        ("heldout45", 0.89, 0, 0, 0.85, 0.46),
        ("heldout46", 0.97, 0, 4, 0.69, 0.50),
        ("heldout47", 0.93, 3, 2, 0.67, 0.67),
        ("heldout48", 0.91, 0, 0, 0.77, 0.71),
        ("heldout49", 0.95, 0, 0, 0.67, 0.67),
        ("heldout50", 1.00, 0, 10, 0.66, 0.57),
        ("heldout51", 0.91, 1, 3, 0.71, 0.53),
    ],
)
def test_the_later_held_out_pages_stay_at_their_measured_figures(
    folder: str, fields: float, invented: int, furniture: int, hit_at_3: float, declined: float
):
    """Regression guards at the aggregate figures measured on the later held-out page sets,
    each written by a helper whose pages and questions the rules' writer never read (2026-12-05,
    `python eval/heldout_figures.py`); the issue's targets are not met yet. Held-out four's
    hit@3 0.773 -> 0.760 (2026-12-06, late night): the rule that what two named sides did
    together must be said (``Focus.shared``) declined one of its paraphrased questions; held-out
    seven's 0.688 -> 0.677 when that rule took in what one named side did to another ("What did
    X give Y?"), which declined one of its direct questions. The learned lexicon
    (``bot.lexicon``; every held-out set together: hit@1 1491 -> 1531 of 2208) took answers out
    of the first three of held-out thirteen (three, 0.774 -> 0.738) and twenty-one (one, 0.726
    -> 0.714), and one more of held-out fifteen's answers quotes a listed furniture line (1 ->
    2). With dev rounds seventy-five to seventy-seven (the lexicon relearned, the line model
    retrained): one more answer quotes a listed furniture line on held-out three (6 -> 7), seven
    (3 -> 4) and fourteen (5 -> 6); one near-topic question fewer is declined on held-out
    eighteen (0.714 -> 0.679) and twenty-four (0.607 -> 0.571). On 2026-12-07 (new session), with
    the counted noun's learned words and the lexicon relearned on rounds seventy-eight to
    eighty: held-out twelve's hit@3 0.821 -> 0.810 (one answer out of the first three). Later
    that day, a number question's verb met through its WordNet synonyms ("perished" for "died")
    answered one more of held-out twenty's near-topic questions (0.643 -> 0.607), and the lexicon
    relearned on dev rounds eighty-three to eighty-five (the line model retrained) one of
    held-out twenty-five's (0.750 -> 0.714) and put a listed furniture line into one more of
    held-out twenty's answers (3 -> 4). Relearned on dev rounds eighty-six to eighty-eight (the
    line model retrained), it takes one answer out of held-out thirty-one's first three (0.714
    -> 0.702) and puts a listed furniture line into one more of held-out twenty-four's answers
    (3 -> 4). Held-out thirty-three and thirty-four stand at their first figures. Relearned on
    rounds eighty-nine and ninety (the line model retrained, with the address-block rule), it
    puts a listed furniture line into one more of held-out three's answers (7 -> 8) and two more
    of held-out fourteen's (6 -> 8); held-out thirty-five and thirty-six stand at their first
    figures. Held-out thirty-seven to forty (2026-12-07, night session) were added at their first
    figures (``_before.txt`` in each folder). Later that session, a collective noun counted by its
    members ("troops" by "soldiers"), "people" counted as persons and the lexicon relearned on
    rounds ninety-one to ninety-three (the line model retrained) answered one near-topic question
    more on held-out twelve (0.500 -> 0.464), two on eighteen (0.679 -> 0.607) and one on
    twenty-one (0.750 -> 0.714), and took one answer out of the first three on thirty-three
    (0.667 -> 0.655) and thirty-eight (0.774 -> 0.762); every held-out set together gained
    (docs/quality.md, "2026-12-07, night session"). A yes/no question's unused verb excused by a
    first passage that negates answers one of held-out thirty-eight's near-topic questions
    (0.786 -> 0.750), for five answers saved over the held-out sets. With dev rounds ninety-four
    to ninety-six (the lexicon relearned, the line model retrained), held-out three answers one
    near-topic question more (0.720 -> 0.680), thirty-three and thirty-five lose one and two
    answers from the first three (0.655 -> 0.643, 0.702 -> 0.679); held-out forty-one to
    forty-four stand at the figures measured then (each folder's ``_before.txt`` has the first
    ones). The lexicon relearned on dev rounds ninety-seven to one hundred took one answer out
    of held-out twenty-three's first three (0.786 -> 0.774); held-out forty-five to fifty-one
    stand at their first figures (2026-12-07, late night; fifty has eleven pages). The rule
    that a word that is no verb is no main verb answers one of held-out twenty-nine's
    near-topic questions (0.750 -> 0.714), for seven wrong declines fewer over the sets."""
    pages = REPO / "eval" / "pages" / folder
    if not pages.is_dir():
        pytest.skip(f"{folder} is not here")
    ours, reading = reading_figures(pages)
    assert_at_least(ours, reading, fields, invented, furniture, hit_at_3, declined)
