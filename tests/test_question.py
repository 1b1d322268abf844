import pytest

from bot.fit import SentenceWords, statement_fits
from bot.question import (
    OFFICE_ROLE,
    NumberKind,
    QuestionType,
    asks_a_place_of_a_kind,
    asks_about_the_reader,
    cardinal_of,
    classify_question,
    is_only_a_name,
    looks_english,
    name_asked,
    numbers_as_digits,
    only_asks_a_type,
    ordinal_forms,
    ordinals_of,
    passive_verbs,
    question_focus,
    split_questions,
    what_lasted,
    which_words,
)
from bot.tokens import Aliases

ALIASES = Aliases.from_mapping(
    {"North Korea": ["North Korean", "Pyongyang"], "soldiers": ["troops"], "Putin": []}
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many North Korean soldiers have been captured by Ukraine?", QuestionType.NUMBER),
        ("How much did Russia pay North Korea?", QuestionType.NUMBER),
        ("What percentage of Ukraine does Russia control?", QuestionType.NUMBER),
        ("When did Russia annex Crimea?", QuestionType.DATE),
        ("In what year was BRICS founded?", QuestionType.DATE),
        ("Who is the president of the United States?", QuestionType.WHO),
        ("Where did the 2023 summit take place?", QuestionType.WHERE),
        ("Which South African city hosted the meeting?", QuestionType.WHERE),
        ("What did Xi Jinping say at the summit?", QuestionType.STATEMENT),
        ("and what did NATO say?", QuestionType.STATEMENT),
        ("How did Putin respond to the images?", QuestionType.STATEMENT),
        ("Did Putin deny the reports?", QuestionType.STATEMENT),
        ("Did China send troops?", QuestionType.YESNO),
        ("What is BRICS?", QuestionType.OPEN),
        ("According to John Kirby, how many troops did North Korea send?", QuestionType.NUMBER),
        ("By how much did trade grow in 2024?", QuestionType.NUMBER),
        ("Up to how many soldiers is North Korea ready to send?", QuestionType.NUMBER),
        ("Next to whom did Kim sign the visitors book?", QuestionType.WHO),
        ("Under whose order did North Korea deploy troops?", QuestionType.WHO),
        ("From where did the troops sail?", QuestionType.WHERE),
        ("In Kazan, what did Putin say about the troops?", QuestionType.STATEMENT),
    ],
)
def test_questions_are_typed_by_the_answer_they_expect(question, expected):
    assert classify_question(question) is expected


def test_the_speaker_of_a_statement_question_is_its_focus():
    focus = question_focus("What did Xi Jinping say at the summit?", ALIASES)
    assert focus.speaker == "Xi Jinping"
    assert focus.speaker_terms == ("xi", "jinp")


def test_a_titled_speaker_is_looked_for_by_the_name_after_the_title():
    focus = question_focus("What did Polish President Andrzej Duda say about the war?", ALIASES)
    assert focus.speaker == "Polish President Andrzej Duda"
    assert focus.speaker_terms == ("andrzej", "duda")
    assert question_focus("What did Kim Jong Un say?", ALIASES).speaker_terms == (
        "kim",
        "jong",
        "un",
    )


def test_a_speaker_with_an_alias_is_looked_for_by_its_concept():
    assert question_focus("What did Pyongyang say?", ALIASES).speaker_terms == ("~north korea",)


def test_a_described_speaker_is_not_looked_for_by_name():
    focus = question_focus("What did the communique say about the war?", ALIASES)
    assert focus.question_type is QuestionType.STATEMENT and focus.speaker is None


def test_a_passive_before_the_speech_verb_leaves_no_speaker_to_look_for():
    """ "How has New Delhi *been seen* despite saying …": whoever is saying it, the words
    before the speech verb hold a passive and describe no speaker."""
    focus = question_focus(
        "How has New Delhi been seen despite saying it sides only with peace?", ALIASES
    )
    assert focus.speaker is None and not focus.speaker_role and not focus.speaker_terms


def test_the_thing_counted_and_the_main_verb_are_read_from_the_question():
    focus = question_focus("How many North Korean soldiers have been captured by Ukraine?", ALIASES)
    assert focus.counted == ("soldier", "~soldiers")
    assert focus.main_verbs == ("captur",)
    assert focus.number_kind is NumberKind.COUNT


def test_a_number_word_after_the_auxiliary_is_the_subject_not_the_verb():
    focus = question_focus("How long had one of the captured soldiers gone without food?", ALIASES)
    assert "one" not in focus.main_verbs and "one" not in focus.verbs


def test_an_acronym_ending_in_s_is_a_name_not_the_thing_counted():
    focus = question_focus("How many BRICS events were held in Russian cities?", ALIASES)
    assert focus.counted[0] == "event"


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("How many special forces soldiers were killed by mines?", "soldier"),
        ("How many arms deals were signed in Kazan?", "deal"),
        ("How many countries took part?", "countri"),
    ],
)
def test_the_head_of_a_compound_counted_noun_is_its_last_plural(question: str, head: str):
    """English puts a compound's head last: "special *forces* soldiers" counts soldiers."""
    assert question_focus(question, ALIASES).counted[0] == head


def test_a_verb_in_a_clause_inside_the_question_is_not_its_main_verb():
    focus = question_focus("Is there a truce so that ships can move safely?", ALIASES)
    assert focus.main_verbs == ()


def test_how_much_with_a_money_word_asks_for_an_amount():
    focus = question_focus("How much did Russia pay North Korea?", ALIASES)
    assert focus.number_kind is NumberKind.MONEY and focus.main_verbs == ("pay",)


def test_who_is_the_role_of_a_place_reads_the_role_and_the_place():
    focus = question_focus("Who is the president of North Korea?", ALIASES)
    assert focus.role == ("presid",) and focus.role_place == ("~north korea",)


@pytest.mark.parametrize(
    ("question", "role", "place"),
    [
        ("Who is North Korea's envoy in Moscow?", ("envoy",), ("~north korea",)),
        ("Who is Pyongyang's ambassador to Russia?", ("ambassador",), ("~north korea",)),
        (
            "Who was North Korea's security adviser at the three-way talks?",
            ("secur", "advis"),
            ("~north korea",),
        ),
        ("Who is the adviser Interfax quoted on Putin's agenda in Pyongyang?", (), ()),
    ],
)
def test_a_places_office_is_its_title_without_where_it_is_held(question, role, place):
    """ "in Moscow" is where the envoy serves, no part of the title; a description ending in a
    possessive ("the adviser … quoted on Putin's agenda") names no place's office."""
    focus = question_focus(question, ALIASES)
    assert focus.role == role and focus.role_place == place


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Which BBC journalist questioned Putin in Kazan?", "journalist"),
        ("What is the name of the reporter who asked Putin?", "reporter"),
        ("What are the names of the two captured North Korean soldiers?", "soldier"),
        ("Which lawmakers attended the briefing?", "lawmaker"),
        ("What is the name of North Korea's censored intranet?", None),
        ("Which captured soldier wanted to go home?", None),
    ],
)
def test_a_question_for_a_persons_name_is_a_who_question_with_its_noun(question, noun):
    focus = question_focus(question, ALIASES)
    assert focus.person_noun == noun
    assert (focus.question_type is QuestionType.WHO) == (noun is not None)


def test_a_date_question_names_the_unit_its_answer_must_name():
    assert question_focus("In which month was the deal signed?", ALIASES).date_unit == "month"
    assert question_focus("On what date did it enter into force?", ALIASES).date_unit == "date"
    assert question_focus("What year did the war begin?", ALIASES).date_unit == "year"
    assert question_focus("When was the deal signed?", ALIASES).date_unit is None


@pytest.mark.parametrize(
    "question",
    [
        "On which weekday did the two leaders sign the treaty?",
        "On what day of the week did he land?",
    ],
)
def test_a_question_for_the_day_of_the_week_is_a_date_question_wanting_a_weekday(question):
    focus = question_focus(question, ALIASES)
    assert focus.question_type is QuestionType.DATE and focus.date_unit == "weekday"


def test_an_office_for_a_place_reads_the_office_before_the_possessive():
    focus = question_focus("Who is the spokesman for South Korea's defence ministry?", ALIASES)
    assert focus.role == ("spokesman",)
    assert "ministri" in focus.role_place
    assert question_focus("Who is standing next to Putin?", ALIASES).role == ()


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("ten thousand soldiers", "10000 soldiers"),
        ("twenty-five people", "25 people"),
        ("three hundred and fifty", "350"),
        ("one of the leaders", "one of the leaders"),
        ("the two allies", "the two allies"),
    ],
)
def test_numbers_in_words_are_searched_as_digits(typed, searched):
    assert numbers_as_digits(typed) == searched


def test_several_questions_on_one_line_are_split():
    assert split_questions("Who is Kim? When did he visit Russia?") == [
        "Who is Kim?",
        "When did he visit Russia?",
    ]
    assert split_questions("Who is Kim Jong Un?") == ["Who is Kim Jong Un?"]


@pytest.mark.parametrize("question", ["How many?", "Who?", "When exactly?", "what"])
def test_a_question_word_alone_asks_nothing(question):
    assert only_asks_a_type(question)


def test_a_name_alone_is_recognised():
    assert is_only_a_name("Putin", ALIASES)
    assert is_only_a_name("Kim Jong Un?", ALIASES)
    assert not is_only_a_name("Who is Putin?", ALIASES)


def _never(word: str) -> bool:
    return False


@pytest.mark.parametrize(
    "question",
    [
        "¿Cuántos soldados norcoreanos hay en Rusia?",
        "Сколько северокорейских солдат в России?",
        "Wie viele nordkoreanische Soldaten sind in Russland?",
    ],
)
def test_questions_in_another_language_are_told_apart(question):
    english = {"soldaten"}.__contains__  # one look-alike word is not enough
    assert not looks_english(question, _never, english)


def test_english_with_names_the_dictionary_lacks_is_english():
    assert looks_english(
        "What did Yoshimasa Hayashi say?", ["yoshimasa", "hayashi"].__contains__, _never
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("In which part of the country are the recruits being trained?", QuestionType.WHERE),
        ("What upper figure did the ministry give for the losses?", QuestionType.NUMBER),
        ("Which Southeast Asian premier stood beside the host?", QuestionType.WHO),
    ],
)
def test_longer_openings_still_give_the_type(question, expected):
    assert classify_question(question) is expected


def test_a_speaker_described_by_office_gives_a_role_and_its_place_not_a_name():
    aliases = Aliases.from_mapping({}).extended({"Brazil": ["Brazilian"]}, places=True)
    focus = question_focus("What did Brazil's foreign minister say?", aliases)
    assert focus.speaker is None and focus.speaker_terms == ()
    assert focus.speaker_role == OFFICE_ROLE and focus.speaker_places == ("~brazil",)
    named = question_focus("What did Lula da Silva say?", aliases)
    assert named.speaker == "Lula da Silva" and named.speaker_role == ()


def test_the_verbs_done_to_what_a_question_asks_about_are_its_passive_participles():
    assert passive_verbs("How many were killed or wounded last week?") == ("kill", "wound")
    assert passive_verbs("How many have been captured, injured and killed?") == (
        "captur",
        "injur",
        "kill",
    )
    assert passive_verbs("How many soldiers have killed themselves?") == ()


def test_a_hyphenated_office_is_read_by_its_parts():
    """A passage reads "Secretary-General" as two words, so the office is found by its parts."""
    focus = question_focus("What did the NATO secretary-general call the deployment?", ALIASES)
    assert focus.speaker_role == OFFICE_ROLE
    founder = question_focus("What did the company's co-founder say about it?", ALIASES)
    assert founder.speaker_role[0] == "founder"


def test_a_word_after_a_possessive_is_not_taken_for_the_speech_verb():
    """ "state" is a speech verb, but in "Pyongyang's state news agency" it is a noun."""
    focus = question_focus("How did Pyongyang's state news agency respond to the reports?", ALIASES)
    assert focus.speaker is None
    assert focus.speaker_role[0] == "agenc"


def test_how_much_aid_asks_for_an_amount_of_money():
    focus = question_focus("How much military aid has Washington given Kyiv?", ALIASES)
    assert focus.number_kind is NumberKind.MONEY


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("What did Lloyd Austin say about Russia's casualties?", ("casualti",)),
        ("What did Putin say about military cooperation between the two?", ("cooper",)),
        ("What did Putin say about the North Korean troops?", ("troop", "~soldiers")),
        ("What did Putin say about Nord Stream 2?", ("nord", "stream")),
        ("What did Putin say about North Korea?", ("~north korea",)),
        ("What did Putin say at the summit?", ()),
    ],
)
def test_the_topic_of_a_statement_is_the_head_noun_after_about(question, topic):
    assert question_focus(question, ALIASES).topic == topic


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Please, who won the cup?", QuestionType.WHO),
        ("Okay and so when did it start?", QuestionType.DATE),
        ("One question: is it over?", QuestionType.OPEN),
    ],
)
def test_fillers_before_the_question_word_are_skipped(question, expected):
    """The fillers are ``bot.tokens.FILLER_WORDS``, the one list that ``only_asks_a_type``
    reads too ("please" was not skipped when the opening had a list of its own)."""
    assert classify_question(question) is expected
    assert only_asks_a_type("Please, which one?")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What must each country do if the other one is invaded?", QuestionType.OPEN),
        ("Which South African city hosted the meeting?", QuestionType.WHERE),
        ("On which dates is the gathering taking place?", QuestionType.DATE),
        ("What is the capital of Australia?", QuestionType.WHERE),
    ],
)
def test_an_auxiliary_after_which_opens_a_clause_and_plural_dates_ask_a_date(question, expected):
    """ "What *must* each country do" asks no place, though "country" follows; "which dates"
    asks a date as "which date" does."""
    assert classify_question(question) is expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which Times reporter wrote the story about the shells?", QuestionType.WHO),
        ("Which Times correspondent was near the front line?", QuestionType.WHO),
        ("WHAT YEAR WAS THE TREATY SIGNED?", QuestionType.DATE),
        ("At which time did the leaders meet?", QuestionType.DATE),
    ],
)
def test_a_capitalised_time_word_is_a_name_not_a_date(question, expected):
    """ "Which *Times* reporter" asks for a person: a newspaper's name is no unit of time."""
    assert classify_question(question) is expected


def test_a_region_that_only_describes_its_capital_is_no_named_thing():
    """ "in the *Tatarstan* capital" names a city the passage writes as its own name; a
    country's capital ("the *North Korean* capital") keeps the country, which the capital's
    name holds through the gazetteer."""
    region = question_focus("How many nations sent leaders to the Tatarstan capital?", ALIASES)
    assert region.names == ()
    country = question_focus("How many soldiers marched in the North Korean capital?", ALIASES)
    assert country.names == ("~north korea",)


@pytest.mark.parametrize(
    "question",
    [
        "How many soldiers were sent, according to Pyongyang?",
        "According to Pyongyang, how many soldiers were sent?",
        "How many soldiers were sent, by Pyongyang's count?",
    ],
)
def test_who_reports_a_figure_is_not_a_named_thing_it_asks_about(question):
    assert question_focus(question, ALIASES).names == ()
    assert question_focus("How many soldiers did Pyongyang send?", ALIASES).names == (
        "~north korea",
    )


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("Did anyone spot a shell shipment in September?", ("spot",)),
        ("Has anyone independently confirmed the claims?", ("confirm",)),
        ("Had anybody asked to move the prisoners?", ("ask",)),
    ],
)
def test_the_verb_after_an_indefinite_subject_is_the_main_verb(question, verbs):
    """ "Did *anyone* spot …": a subject of no one in particular is no verb; the verb after it
    (an adverb in -ly skipped) is the one a passage must hold."""
    assert question_focus(question, ALIASES).main_verbs == verbs


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("What did the White House spokesperson warn the deployment would mean?", ()),
        ("How did Ukrainian intelligence sources establish who the troops were?", ()),
        ("Which country has not yet accepted its invitation to join the bloc?", ()),
        ("Did China send troops?", ("send",)),
        ("Has Seoul ratified the treaty?", ("ratifi",)),
    ],
)
def test_a_word_that_is_no_verb_is_never_the_main_verb(question, verbs):
    """Where the subject's shape puts a noun, an adjective or an adverb in the verb's place
    ("spokesperson", "intelligence", "yet"), the question has no main verb a passage must
    hold: WordNet knows no verb of that form."""
    assert question_focus(question, ALIASES).main_verbs == verbs


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("Who has custody of the two wounded prisoners?", ()),
        ("Who has been captured?", ("captur",)),
        ("What has Russia sent?", ("sent",)),
        ("What have they built?", ("built",)),
    ],
)
def test_has_after_who_before_a_noun_is_the_main_verb(question, verbs):
    """ "Who *has* custody": possession, so "custody" is no verb to look for; "has" before a
    participle or a subject is still an auxiliary."""
    assert question_focus(question, ALIASES).main_verbs == verbs


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("Where did Ukrainian troops seize a piece of Russian territory?", ("seiz",)),
        ("How many soldiers did North Korean forces lose?", ("lose",)),
        ("Did Iran send troops?", ("send",)),
        ("Did Ukrainian President Zelensky visit Kyiv?", ("visit",)),
    ],
)
def test_a_peoples_adjective_and_its_plural_noun_are_the_subject_not_the_verb(question, verbs):
    """ "Where did Ukrainian *troops* seize …": the plural noun a people's adjective qualifies
    is part of the subject; the verb comes after it."""
    assert question_focus(question, ALIASES).main_verbs == verbs


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("Had Putin already held a summit with Kim?", ("held",)),
        ("Has Seoul officially confirmed the deployment?", ("confirm",)),
        ("Did Kim ever visit Moscow?", ("visit",)),
        ("Does Kim often travel by train?", ("travel",)),
    ],
)
def test_an_adverb_before_the_verb_is_not_the_verb(question, verbs):
    """ "Had Putin *already* held …": the adverb between the subject and the verb is skipped."""
    assert question_focus(question, ALIASES).main_verbs == verbs


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("How many villages did Ukraine reportedly capture in August?", ("captur",)),
        ("Did Shoigu secretly visit Pyongyang?", ("visit",)),
        ("How many missiles has Pyongyang supplied to Moscow?", ("suppli",)),
    ],
)
def test_an_adverb_in_ly_before_the_verb_is_not_the_verb(question, verbs):
    """Any adverb in -ly there is skipped, not only the listed ones; a verb in -ply is kept."""
    assert question_focus(question, ALIASES).main_verbs == verbs


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("How many troops did JoongAng report North Korea had sent since January?", ("sent",)),
        ("How many soldiers have South Korean officials estimated Pyongyang has sent?", ("sent",)),
        ("How many troops did Seoul claim that Russia had trained?", ("train",)),
        ("How many reporters did Seoul accredit?", ("accredit",)),
    ],
)
def test_a_reported_clause_gives_the_main_verb(question, verbs):
    """ "did JoongAng *report* North Korea had *sent*": what is counted was sent; the reporter
    is the question's source, not the verb a passage must hold."""
    assert question_focus(question, ALIASES).main_verbs == verbs


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("What did the Kremlin say about the report?", "Kremlin"),
        (
            "What did the International Monetary Fund say in response?",
            "International Monetary Fund",
        ),
        ("What did ambassador Shin Hong-chol say at the parade?", "Shin Hong-chol"),
        ("What did the North Korean leader say?", None),
        ("What did the communique say?", None),
    ],
)
def test_a_name_after_the_or_a_lower_case_title_is_the_speaker(question, speaker):
    """ "the *Kremlin*" and "ambassador *Shin Hong-chol*" name who spoke; "the North Korean
    leader" describes them (``Focus.speaker_role``)."""
    assert question_focus(question, ALIASES).speaker == speaker


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        (
            "What did North Korea's defence minister No Kwang Chol tell Andrei Belousov?",
            "North Korea's defence minister No Kwang Chol",
        ),
        ("What did the member of parliament who visited the captives say?", None),
    ],
)
def test_a_long_speaker_is_one_only_when_it_ends_on_a_name(question, speaker):
    """Seven words before "tell" are a speaker when the last two are a name; seven ending
    on a noun are a clause, and the question is an open one."""
    assert question_focus(question, ALIASES).speaker == speaker


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("How many North Korean troops did the Ukrainian president say had died?", ("die",)),
        ("How many soldiers does Seoul's spy agency believe have been killed?", ("kill",)),
        ("How many troops did Kyiv say were captured in Kursk?", ("captur",)),
        ("What did Kim say would soon be built in the capital?", ()),
    ],
)
def test_a_reported_clause_without_its_subject_gives_the_main_verb(question, verbs):
    """ "did the Ukrainian president *say had died*": the clause's subject is what is counted,
    so those counted died; a prediction or a state after "say" / "believe" is left alone."""
    assert question_focus(question, ALIASES).main_verbs == verbs


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("How many years had passed since Putin's previous trip to North Korea?", ()),
        ("How many days have elapsed since the vote?", ()),
        ("How many bills have passed the Duma?", ("pass",)),
    ],
)
def test_time_passing_is_no_verb_to_find_when_a_span_of_time_is_counted(question, verbs):
    """ "How many years had passed" asks for a span ("his first visit in 24 years"); "passed"
    is only how time goes by. Counting bills, "passed" is what the passage must say."""
    assert question_focus(question, ALIASES).main_verbs == verbs


@pytest.mark.parametrize(
    "question",
    [
        "How many soldiers did Kyiv's leader warn Pyongyang could soon have in Russia?",
        "How many of Kim's troops does Seoul's spy service believe are drilling in Russia?",
    ],
)
def test_the_noun_a_possessive_name_owns_is_not_taken_for_the_main_verb(question):
    """ "Kyiv's *leader*", "Seoul's *spy service*": the noun phrase after a possessive has no
    length a tagger-free reading can trust, so no verb is required rather than a noun."""
    assert question_focus(question, ALIASES).main_verbs == ()


@pytest.mark.parametrize(
    ("question", "about_the_reader"),
    [
        ("How do I request a GPT analysis of the article?", True),
        ("Where can I read more updates on the summit?", True),
        ("Will my email address be published if I leave a reply?", True),
        ("Can you tell me what Putin said about NATO?", False),
        ("What did Putin say about NATO?", False),
    ],
)
def test_a_question_about_the_readers_own_use_of_a_site_is_told_apart(question, about_the_reader):
    assert asks_about_the_reader(question) is about_the_reader


def test_the_verb_after_the_and_a_name_of_two_words_is_the_main_verb():
    """ "When did the North Atlantic Council *receive* …": "the" then a name, then the verb;
    after a people's adjective the next word is a noun ("the North Korean *contingent*")."""
    aliases = Aliases({})
    assert question_focus(
        "When did the North Atlantic Council receive the briefing?", aliases
    ).main_verbs == ("receiv",)
    assert question_focus("How big did the North Korean contingent get?", aliases).main_verbs == ()


def test_a_named_source_a_time_limit_and_a_past_event_are_read_from_the_question():
    aliases = Aliases({})
    focus = question_focus("How many were killed in December, according to Lloyd Austin?", aliases)
    assert focus.source == ("lloyd", "austin") and focus.times == ("december",)
    assert question_focus("How many, according to Seoul's spy agency?", aliases).source == ()
    assert question_focus("Which weapons did South Korea send?", aliases).past
    assert not question_focus("Which weapons will South Korea send?", aliases).past
    assert question_focus("What may happen in May?", aliases).times == ("may",)


def test_a_person_who_the_question_says_gave_a_figure_or_place_is_its_named_source():
    """ "How many did Budanov say were killed?" asks what Budanov said, as "…, according to
    Budanov" does; a described speaker, a place for its government and an open or statement
    question ask nothing of the kind."""
    aliases = Aliases({("washington",): "~washington"}, places=frozenset({"~washington"}))
    ask = question_focus
    assert ask("How many soldiers did Budanov say were killed?", aliases).source == ("budanov",)
    assert ask("Where did John Kirby say the troops went?", aliases).source == ("john", "kirbi")
    assert ask("How many soldiers did the agency say were killed?", aliases).source == ()
    assert ask("How many casualties did Washington estimate?", aliases).source == ()
    assert ask("What partnership did Modi say the visit would reinforce?", aliases).source == ()


def test_the_two_names_a_main_verb_relates_are_read_from_the_question():
    aliases = Aliases({})
    assert question_focus("When did Cho Tae-yong meet Lloyd Austin?", aliases).actors == (
        ("cho", "tae", "yong"),
        ("lloyd", "austin"),
    )
    assert question_focus("Where did Putin and Kim meet in 2019?", aliases).actors == ()
    assert question_focus("What does Putin say BRICS is building?", aliases).actors == ()


def test_the_place_of_an_office_that_owns_a_statement_topic_stands_for_the_topic():
    """ "… about the Brazilian president's position": a passage on what the president said of
    Brazil answers without the word "position"; a named owner ("Brazil's trade") adds
    nothing."""
    aliases = Aliases.from_mapping({}).extended({"Brazil": ["Brazilian"]}, places=True)
    asked = "What did Lula suggest about the Brazilian president's position?"
    assert question_focus(asked, aliases).topic == ("posit", "~brazil")
    assert question_focus("What did Lula say about Brazil's trade?", aliases).topic == ("trade",)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("What did Seoul say in reply to Kyiv's offer to swap prisoners?", ("offer",)),
        ("How did the Kremlin react to the report of more troops?", ("report",)),
        ("How has Seoul responded to the captured soldiers' situation?", ("soldier", "~soldiers")),
        ("What did Ryder say about the number of soldiers killed in Kursk?", ("kill",)),
        ("What did Ryder say about the troops?", ("troop", "~soldiers")),
    ],
)
def test_what_a_statement_answers_is_its_topic_and_a_vague_head_gives_way(question, topic):
    aliases = Aliases.from_mapping({}).extended({"soldiers": ["soldier", "troops", "troop"]})
    assert question_focus(question, aliases).topic == topic


def test_what_lasted_is_the_head_noun_before_the_question_turns_to_its_place():
    assert what_lasted("How long did Modi's bilateral meeting with Putin in Kazan last?")[0] == (
        "meet"
    )
    assert what_lasted("How long did the summit last?")[0] == "summit"
    assert what_lasted("How long does the radio report on the visit run?")[0] == "report"
    assert what_lasted("How long did Kim stay in Russia?") == ()
    assert what_lasted("How long is the Kazan Declaration?") == ()


def test_ordinals_that_pick_one_of_several_are_read_and_next_to_is_a_place():
    assert ordinals_of("Where will the 17th BRICS summit be held?") == ("17th",)
    assert ordinals_of("How many ships carried the second group?") == ("second",)
    assert ordinals_of("Which country will host the next summit?") == ("next",)
    assert ordinals_of("Who is standing next to Putin?") == ()
    assert ordinals_of("When did Putin last visit Pyongyang?") == ()
    assert ordinal_forms("second") == {"second", "2nd"}
    assert ordinal_forms("11th") == {"11th", "eleventh"}


@pytest.mark.parametrize(
    ("question", "ordinals"),
    [
        ("Why is Russia short of construction workers in the first place?", ()),
        ("Where in Russia did the first 3,000 North Korean soldiers land?", ()),
        ("Where did the first two battalions land?", ()),
        ("Where was the first summit held?", ("first",)),
        ("When did the first soldiers arrive?", ("first",)),
    ],
)
def test_first_in_the_first_place_or_before_a_figure_picks_nothing(question, ordinals):
    """ "in the first place" asks why at all; "the first 3,000 soldiers" is a batch the
    passages name by its size, not its order; "the first summit" picks one of several."""
    assert ordinals_of(question) == ordinals


def test_an_ordinal_numbering_a_part_may_be_met_by_its_figure():
    focus = question_focus("What does the treaty's fourth article say?", ALIASES)
    assert focus.ordinals == ("fourth",) and focus.numbered == ("fourth",)
    assert question_focus("Who won the second round of talks?", ALIASES).numbered == ("second",)
    assert question_focus("Where was the second summit held?", ALIASES).numbered == ()
    assert cardinal_of("fourth") == "4"


def test_next_as_an_adverb_is_no_ordinal():
    assert ordinals_of("Which chamber will the treaty go to next for endorsement?") == ()
    assert ordinals_of("What happens next?") == ()
    assert ordinals_of("Where will Putin travel next week?") == ("next",)


def test_first_is_also_written_as_initially_or_originally():
    """ "Washington's *first* estimate" is met by "the US *initially* estimated"; no other
    ordinal is ("second" is not "initially")."""
    assert {"initially", "originally", "1st"} <= ordinal_forms("first")
    assert "initially" in ordinal_forms("1st")
    assert "initially" not in ordinal_forms("second")


@pytest.mark.parametrize(
    ("question", "measure", "unit"),
    [
        ("How far is Kazan from Moscow?", ("far",), "km"),
        ("How long did the summit last?", ("long", "last"), "day"),
        ("How old is Kazan?", ("old",), "found"),
        ("How large a force does Pyongyang intend to send?", ("larg",), None),
        ("How long is the Kazan Declaration?", ("long",), "page"),
        ("How much land did Ukraine take in Kursk?", (), "squar"),
        ("How much Russian territory does Ukraine hold?", (), "hectar"),
    ],
)
def test_a_measure_question_reads_its_measure_word_and_the_units_of_its_answer(
    question: str, measure: tuple[str, ...], unit: str | None
):
    focus = question_focus(question, ALIASES)
    assert focus.measure == measure
    assert (unit in focus.shape) if unit else focus.shape == ()
    assert "last" not in focus.main_verbs
    assert question_focus("How long ago did the summit end?", ALIASES).measure == ()
    assert "page" not in question_focus("How long did the summit last?", ALIASES).shape


def test_going_to_a_place_is_no_future_but_going_to_do_something_is():
    """ "Troops *going to Kursk*" in a question about a past statement asks no future date;
    "going to *visit*" does."""
    past = "When did Kirby speak about the troops going to Kursk?"
    assert not question_focus(past, ALIASES).future
    assert not question_focus("Who is going to the summit?", ALIASES).future
    assert question_focus("When is Putin going to visit Pyongyang?", ALIASES).future
    assert question_focus("When will the summit open?", ALIASES).future


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("What is the name of the doctor who treated the soldiers?", "doctor"),
        ("What is the name of the Kazakh expert who explained it?", "expert"),
        ("What are the names of the two captured North Korean soldiers?", "soldiers"),
        ("What are the names of the four brigades North Korea decided to send?", "brigades"),
        ("What is the name of the North Korean unit honoured at the ceremony?", "unit"),
        ("What was the name of the truck driver stopped entering Kursk?", "driver"),
        ("What is the name of North Korea's censored intranet?", "intranet"),
        (
            "What's the official name of the partnership between Russia and North Korea?",
            "partnership",
        ),
        ("What is the capital of Russia?", None),
    ],
)
def test_a_name_question_reads_the_thing_whose_name_it_asks(question: str, named: str | None):
    assert name_asked(question) == named
    assert question_focus(question, ALIASES).name_of == named


def test_what_part_of_a_whole_something_accounts_for_asks_for_a_share():
    focus = question_focus(
        "What part of the world's oil output does the bloc account for?", ALIASES
    )
    assert focus.question_type is QuestionType.NUMBER
    assert focus.number_kind is NumberKind.SHARE
    assert classify_question("What part of Russia is Kazan in?") is QuestionType.WHERE
    assert classify_question("What portion of the budget goes to defence?") is QuestionType.NUMBER


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("What did Choe Son-hui say about the treaty?", "Choe Son-hui said the treaty was fair."),
        ("Who is the head of MI5?", "The head of MI5, Ken McCallum, spoke on Monday."),
        ("Did Linda Thomas-Greenfield warn Russia?", "Linda Thomas-Greenfield warned Russia."),
    ],
)
def test_hyphenated_and_alphanumeric_names_are_split_as_a_passage_reads_them(question, sentence):
    focus = question_focus(question, ALIASES)
    terms = focus.speaker_terms or focus.role_place or focus.names
    words = SentenceWords.read(sentence, ALIASES)
    assert all(words.has_any([term]) for term in terms), terms


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Which hotel did Guterres stay at in Kazan?", ("hotel",)),
        ("In which Kyiv hospital are the captured soldiers treated?", ("hospital",)),
        ("At what small regional airport did Putin land?", ("small", "regional", "airport")),
        ("What must each country do under the treaty?", ()),
        ("What is the capital of Russia?", ()),
        ("Who met Putin in Kazan?", ()),
    ],
)
def test_the_words_describing_what_a_which_question_asks_for_are_read(
    question: str, words: tuple[str, ...]
):
    assert which_words(question) == words
    assert question_focus(question, ALIASES).which_words == words


def test_a_light_verbs_particle_is_not_taken_for_the_verb():
    """ "did North Korea probably *get back*": "get" is read as an auxiliary ("get killed"),
    and its particle "back" is no verb a passage must hold (the passages say "received")."""
    focus = question_focus(
        "How many containers did North Korea probably get back for its support?", ALIASES
    )
    assert "back" not in focus.main_verbs and "back" not in focus.verbs


@pytest.mark.parametrize(
    ("question", "deed"),
    [
        ("What did Guterres and Putin discuss in their meeting?", ("discuss",)),
        ("What did Modi discuss with the Iranian President in Kazan?", ("discuss",)),
        ("What did New Delhi and Beijing agree on?", ("agre",)),
        ("What did Guterres and Putin discuss?", ("discuss",)),
        ("What gift did Modi give Xi Jinping in Kazan?", ("give",)),
        ("What did Kim Jong Un give Shoigu during his visit?", ("give",)),
        ("What did Putin call the agreement?", ()),
        ("What did Putin and Kim say about the treaty?", ()),
        ("What did Putin promise Kim about ties?", ()),
        ("What did Kyiv's leader give the lawmakers?", ()),
    ],
)
def test_what_two_named_sides_did_together_is_the_shared_deed(question, deed):
    """The verb between "X and Y", before "with Y" or before a named Y; a speech verb makes a
    statement question instead, and a promise's object is words, which any statement may
    give."""
    assert question_focus(question, ALIASES).shared == deed


@pytest.mark.parametrize(
    ("question", "a_place"),
    [
        ("At which airport did Shoigu land in Pyongyang?", True),
        ("In which hospital in Kyiv are the prisoners treated?", True),
        ("In which town did the mayors meet?", True),
        ("In what capacity was the minister visiting when Kim received him in Pyongyang?", False),
        ("In what format does Abbas expect to be invited to the summit in Russia?", False),
    ],
)
def test_in_which_asks_a_place_only_by_a_place_noun_or_a_buildings_kind(question, a_place):
    """ "*In what capacity* … in Pyongyang?" opens as "*In which hospital* … in Kyiv?" does,
    but asks no place within Pyongyang."""
    assert asks_a_place_of_a_kind(question) is a_place


def test_a_place_named_after_in_what_capacity_asks_no_finer_place():
    places = Aliases.from_mapping({}).extended({"North Korea": ["Pyongyang"]}, places=True)
    airport = question_focus("At which airport did Shoigu land in Pyongyang?", places)
    capacity = question_focus("In what capacity was the minister received in Pyongyang?", places)
    assert airport.located_in == ("~north korea",) and capacity.located_in == ()


def test_speakers_joined_by_or_are_each_looked_for_by_their_alias():
    aliases = Aliases.from_mapping({"North Korea": ["Pyongyang"], "Russia": ["Moscow"]})
    focus = question_focus("Have Moscow or Pyongyang responded to the claim?", aliases)
    assert focus.speaker_terms == ("~russia", "~north korea")
    said = SentenceWords.read("Russia and North Korea have not responded to the claim.", aliases)
    assert statement_fits(said, focus.speaker_terms, pronoun=False)


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("How many soldiers are stationed in Blagoveshchensk?", (("blagoveshchensk",),)),
        ("How large is the contingent in the Kherson region?", (("kherson",),)),
        ("Did Ukraine capture any soldiers near Donetsk in October?", (("donetsk",),)),
        ("How many countries sent delegations to the summit in the Tatarstan capital?", ()),
        ("Did interest fade after the war in Ukraine broke out?", ()),
        ("Is Turkey interested in BRICS although it is in NATO?", ()),
        ("Who spoke in Kazan?", ()),
    ],
)
def test_a_count_or_fact_put_in_a_named_place_keeps_that_place(question, places):
    assert question_focus(question, ALIASES).placed_in == places
