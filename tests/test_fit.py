from dataclasses import replace

import pytest

from bot.fit import (
    SentenceWords,
    announces_words,
    date_fits,
    dates_other_days,
    dates_other_weekdays,
    describes_speaker,
    figures_in,
    number_fits,
    only_possible,
    sentence_fits,
    source_of,
    speaker_referred,
    statement_fits,
    verb_senses,
    who_fits,
)
from bot.question import Focus, question_focus
from bot.tokens import Aliases, stem

ALIASES = Aliases.from_mapping({"NATO": [], "soldiers": ["troops"], "United States": ["US"]})


def read(text: str) -> SentenceWords:
    return SentenceWords.read(text, ALIASES)


def test_a_figure_counts_when_it_is_tied_to_the_thing_counted():
    focus = question_focus("How many troops were sent?", ALIASES)
    assert number_fits(read("Officials said 3,000 troops were sent in October."), focus, [])
    assert not number_fits(
        read("In 2023, officials sent troops and, later, 40 missiles to the front line."), focus, []
    )


def test_a_figure_standing_alone_as_the_subject_of_the_asked_verb_counts():
    focus = question_focus("How many North Korean soldiers have been killed?", ALIASES)
    assert number_fits(read("Around 300 have been killed and 2,700 injured."), focus, [])
    approaching = question_focus("How many soldiers were approaching the base?", ALIASES)
    assert number_fits(read("Around 200 of them were approaching our base."), approaching, [])
    assert not number_fits(read("Around 300 have been sent home."), focus, [])


def test_an_age_written_after_the_name_asked_about_answers_how_old():
    """News gives an age after the name: "Paek (22)", "Sgt. Oleksandr, 46,"; a figure after
    another name, or after a word that is no name asked about ("Article 4"), is no age."""
    paek = question_focus("How old is the prisoner surnamed Paek?", ALIASES)
    assert number_fits(read("A prisoner surnamed Ri (27) and one surnamed Paek (22)."), paek, [])
    assert not number_fits(read("A prisoner surnamed Ri (27) was shown."), paek, [])
    assert not number_fits(read("Paek cited Article 4 of the treaty."), paek, [])


def test_a_time_after_an_event_answers_how_long_after_it():
    """ "a month *after* the rebellion" answers "How long *after* the rebellion …?", and not
    "How long did the talks last?", for which it is a time since, not a duration."""
    after = question_focus("How long after the rebellion did he die in a plane crash?", ALIASES)
    assert number_fits(read("He died in a plane crash a month after the rebellion."), after, [])
    lasted = question_focus("How long did the talks last?", ALIASES)
    assert not number_fits(read("The talks began a day after the summit."), lasted, [])


def test_an_ordinal_before_an_occasion_answers_how_many_times():
    """ "his *third meeting*", "her *seventh trip*", "the *third in* three months" count the
    occasions asked about; an ordinal before anything else ("the second day") does not."""
    met = question_focus("How many times had the president met the Russian leader?", ALIASES)
    assert number_fits(read("It was his third meeting with the Russian leader."), met, [])
    travelled = question_focus("How many times has she travelled to Russia?", ALIASES)
    assert number_fits(read("This marks her seventh trip to Russia in a decade."), travelled, [])
    assert number_fits(read("The visit is the third in nearly three months."), travelled, [])
    assert not number_fits(read("She spoke on the second day of the summit."), travelled, [])


def test_a_figure_followed_by_the_asked_participle_counts_those_it_was_done_to():
    focus = question_focus("How many North Koreans were killed or wounded last week?", ALIASES)
    assert number_fits(read("Pyongyang suffered more than 1,000 killed or wounded."), focus, [])
    assert not number_fits(read("Pyongyang sent more than 1,000 deminers."), focus, [])
    themselves = question_focus("How many North Koreans have killed themselves?", ALIASES)
    assert not number_fits(read("It suffered more than 1,000 killed."), themselves, [])


def test_an_acronym_between_the_figure_and_the_thing_counted_is_no_other_noun():
    focus = question_focus("How many meetings did Russia propose?", ALIASES)
    assert number_fits(read("More than 250 BRICS meetings were proposed."), focus, [])
    assert not number_fits(read("More than 250 banks meetings were proposed."), focus, [])


def test_an_ordinal_in_digits_is_no_figure():
    """With no thing counted (the articles never write "readers"), a figure by any of the
    question's words answers; "16th" is no figure."""
    focus = replace(question_focus("How many readers wrote about the summit?", ALIASES), counted=())
    assert not number_fits(read("Leaders met at the 16th summit in Kazan."), focus, ["summit"])
    assert number_fits(read("Leaders met at 16 summits in Kazan."), focus, ["summit"])


def test_a_figure_given_later_for_the_number_of_the_thing_counted_counts_it():
    focus = question_focus("Up to how many troops will join the Russian army?", ALIASES)
    sentence = (
        "Ukraine predicted that the number of troops who have already been assigned to Russian "
        "forces would increase by up to 15,000."
    )
    assert number_fits(read(sentence), focus, [])
    assert not number_fits(
        read("The number of troops who were sent to the front fell as 40 missiles hit."), focus, []
    )
    assert not number_fits(
        read("The number of troops grew, and later the army bought 12,000 rifles."), focus, []
    )


def test_how_many_times_is_answered_by_once_or_twice():
    focus = question_focus("How many times did Kim hug Putin?", ALIASES)
    assert number_fits(read("Kim, who hugged him twice, smiled."), focus, [])
    counting_soldiers = question_focus("How many soldiers did Kim greet?", ALIASES)
    assert not number_fits(read("Kim, who hugged him twice, smiled."), counting_soldiers, [])


def test_a_figure_with_a_unit_is_a_figure():
    sentence = read("A 1,500-strong brigade crossed the river.")
    assert figures_in(sentence, ["brigad"]) == [(1, "1,500")]


def test_an_amount_is_asked_in_money():
    focus = question_focus("How much did Russia pay for the drones?", ALIASES)
    assert number_fits(read("Russia paid $2 billion for the drones."), focus, [])
    assert not number_fits(read("Russia bought 400 drones."), focus, [])


def test_dates_and_conditions_in_time_answer_when():
    assert date_fits(read("The troops arrived in August."))
    assert date_fits(read("The list will be made public once their consent is obtained."))
    assert not date_fits(read("The troops arrived at the front."))


def test_a_statement_needs_the_speaker_as_the_one_who_speaks():
    nato = ("~nato",)
    assert statement_fits(read("NATO said it would respond."), nato, pronoun=False)
    assert statement_fits(read("“We will respond,” said NATO."), nato, pronoun=False)
    assert not statement_fits(
        read("Putin responded by emphasizing that NATO countries had been arming Ukraine."),
        nato,
        pronoun=False,
    )
    assert not statement_fits(
        read("Putin accused NATO of escalating the war."), nato, pronoun=False
    )
    assert not statement_fits(
        read("Putin pointed to NATO officers to support his claim."), nato, pronoun=False
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO reminded that the alliance would respond.",
        "NATO maintained that it would respond.",
        "NATO cautioned that it would respond.",
        "NATO conceded that it had been slow to respond.",
    ],
)
def test_reminding_maintaining_cautioning_and_conceding_report_a_statement(sentence):
    assert statement_fits(read(sentence), ("~nato",), pronoun=False)


def test_what_is_said_by_or_from_a_speaker_is_theirs():
    """A passive speech verb or a noun for something said puts the words down to the name
    after "by" / "from" ("described by the Pentagon as …", "an angry reaction from NATO");
    a greeting ("welcomed by NATO") or a place reported from is no statement."""
    nato = ("~nato",)
    assert statement_fits(
        read("The base is described by the Pentagon as a premier platform."),
        ("pentagon",),
        pronoun=False,
    )
    assert statement_fits(
        read("The visit drew an angry reaction from NATO on Tuesday."), nato, pronoun=False
    )
    assert statement_fits(read("There was no statement from NATO."), nato, pronoun=False)
    assert not statement_fits(
        read("The minister was welcomed by NATO officials at the airport."), nato, pronoun=False
    )
    assert not statement_fits(
        read("The strike was reported from NATO headquarters."), nato, pronoun=False
    )


def test_a_speaker_after_according_to_may_be_named_in_full():
    """ "according to Vladimir *Putin*": the first name and a title may come between the
    speech verb and the name asked about; any other word may not."""
    putin = ("putin",)
    assert statement_fits(
        read("Politics keeps Berlin from using the pipeline, according to Vladimir Putin."),
        putin,
        pronoun=False,
    )
    assert statement_fits(
        read("“We are ready,” said Russian President Vladimir Putin."), putin, pronoun=False
    )
    assert not statement_fits(
        read("The pipeline was shut, according to reports on Putin."),
        putin,
        pronoun=False,
    )


def test_revealing_explaining_recalling_and_dismissing_attribute_words():
    for verb in ("revealed", "explained", "recalled", "dismissed", "rejected"):
        sentence = read(f"Kremlin spokesman Dmitry Peskov {verb} the details of the talks.")
        assert statement_fits(sentence, ("peskov",), pronoun=False), verb


def test_a_pronoun_speaks_for_the_speaker_only_when_it_refers_back():
    assert statement_fits(read("He said the talks failed."), ("~nato",), pronoun=True)
    assert not statement_fits(read("He said the talks failed."), ("~nato",), pronoun=False)


def test_a_pronoun_refers_back_to_a_speaker_named_before_a_speech_verb_after_a_phrase():
    sentences = [
        read("Addressing the harbour plans, Lee reiterated that the fees would fall."),
        read("She highlighted the costs of the new pier."),
        read("She stated the ferry tickets would be cheaper in May."),
    ]
    assert speaker_referred(sentences, ("lee",)) == [False, True, True]
    unspoken = [read("Addressing the harbour plans on Monday, Lee and others"), sentences[1]]
    assert speaker_referred(unspoken, ("lee",)) == [False, False]


def test_a_question_verb_matched_only_by_a_noun_is_another_sense():
    capture = ["captur"]
    assert verb_senses(read("A screen capture of the video showed soldiers."), capture) == (
        False,
        True,
    )
    assert verb_senses(read("Ukraine captured two soldiers."), capture) == (True, False)
    assert verb_senses(read("Over 20 heads of state attended."), ["head"]) == (False, True)


def test_the_day_of_a_date_does_not_make_the_next_word_a_noun():
    sentence = read("The US envoy on December 18 warned about the possibility.")
    assert verb_senses(sentence, ["warn"]) == (True, False)
    assert verb_senses(read("Some 20 warnings were issued."), ["warn"]) == (False, True)


def test_a_country_is_not_who_did_something_unless_it_is_the_agent():
    focus = question_focus("Who brokered the ceasefire?", ALIASES)
    places = frozenset({"~united states"})
    assert who_fits(read("The truce was brokered by the United States."), focus, [], places)
    assert not who_fits(read("The truce was welcomed in the United States."), focus, [], places)


def test_a_persons_name_is_asked_for_by_which_reporter_or_the_name_of():
    focus = question_focus("What is the name of the reporter who asked Putin?", ALIASES)
    own = ["putin"]
    assert who_fits(read("BBC reporter Steve Rosenberg asked Putin."), focus, own, frozenset())
    assert who_fits(read("Steve Rosenberg asked Putin the last question."), focus, own, frozenset())
    assert not who_fits(read("A reporter asked Putin about the troops."), focus, own, frozenset())
    assert not who_fits(read("The Kremlin said Putin would answer."), focus, own, frozenset())
    far = "A reporter asked Putin about the troops, which the Kremlin Press Service denied."
    assert not who_fits(read(far), focus, own, frozenset())


def test_a_figure_is_attributed_to_the_subject_of_the_speech_verb_before_it():
    sentence = read(
        "Ukraine has claimed that 12,000 soldiers could be deployed, while the South Korean "
        "military confirmed 3,000 soldiers."
    )
    figures = dict(
        (text, source_of(sentence, position))
        for position, text in figures_in(sentence, ["soldier"])
    )
    assert figures == {"12,000": "Ukraine", "3,000": "South Korean military"}


def test_a_figure_for_the_same_thing_of_another_place_does_not_count():
    places = ALIASES.extended(
        {"Ukraine": ["Ukrainian"], "North Korea": ["North Korean"]}, places=True
    )
    focus = question_focus("How many Ukrainian soldiers are in the region?", places)
    assert focus.counted_places == ("~ukraine",)
    other = SentenceWords.read("At least 3,000 North Korean soldiers are in the region.", places)
    same = SentenceWords.read("About 5,000 Ukrainian soldiers are in the region.", places)
    assert not number_fits(other, focus, [])
    assert number_fits(same, focus, [])


def test_the_number_of_another_places_soldiers_does_not_count_for_this_places():
    """ "the number of *North Korean* soldiers ... may exceed 10,000" gives no figure for
    "how many *Ukrainian* soldiers": the place stands before the thing counted."""
    places = ALIASES.extended(
        {"Ukraine": ["Ukrainian"], "North Korea": ["North Korean"]}, places=True
    )
    focus = question_focus("How many Ukrainian soldiers were killed in the battle?", places)
    text = "Media say the number of {} soldiers fighting on behalf of Russia may exceed 10,000."
    other = SentenceWords.read(text.format("North Korean"), places)
    same = SentenceWords.read(text.format("Ukrainian"), places)
    assert not number_fits(other, focus, [])
    assert number_fits(same, focus, [])


def test_a_trailing_saying_speaks_for_the_sentences_subject_however_long_the_clause():
    """ "…, saying …" after a long clause is still the subject speaking; a name deep in the
    sentence is not its subject."""
    kim = ("kim",)
    long_clause = read(
        "North Korean leader Kim Jong Un has paid an emotional tribute to soldiers killed while "
        "fighting for Russia in its war against Ukraine, saying his heart aches."
    )
    assert statement_fits(long_clause, kim, pronoun=False)
    deep = read(
        "The ministry listed the soldiers sent to the front in the war that Kim Jong Un "
        "ordered in the spring after many long weeks of talks with Moscow and its allies, "
        "saying the figures were rough."
    )
    assert not statement_fits(deep, kim, pronoun=False)


def test_a_count_after_an_approximation_is_no_year():
    """ "around 2,000" reaches the words as "around 2000": a count, not the year 2000."""
    focus = question_focus("How many civilians live in the area?", ALIASES)
    assert number_fits(read("Officials say around 2,000 civilians live in the area."), focus, [])
    assert figures_in(read("More than 1,500 civilians fled."), ["civilian"]) == [(2, "1,500")]
    assert not number_fits(read("Civilians have lived in the area since 2000."), focus, [])


def test_a_year_before_1900_answers_when():
    assert date_fits(read("In the 14th century, in 1320 Islam became the state religion."))
    assert not date_fits(read("Protests were held in 300 cities."))


def test_a_date_question_naming_its_unit_wants_a_date_in_that_unit():
    on_thursday = read("The deal was signed on Thursday in Pyongyang.")
    in_june = read("The deal was signed in June in Pyongyang.")
    assert date_fits(on_thursday) and not date_fits(on_thursday, "month")
    assert date_fits(in_june, "month") and date_fits(in_june, "date")
    assert not date_fits(in_june, "year") and date_fits(read("It was signed in 2024."), "year")
    assert date_fits(on_thursday, "weekday") and not date_fits(in_june, "weekday")


def test_a_where_question_that_names_its_city_asks_for_a_finer_place():
    """ "Where did the mayors hold their talks *in Ashford*?" already says the town: a sentence
    giving only a city or a country (the gazetteer's places) does not answer it, a named place
    within it does; "*Where in* Kent …" asks for a place within Kent, which may be a town."""
    aliases = replace(
        Aliases.from_mapping({"Ashford": [], "Kent": [], "Dover": []}),
        places=frozenset({"~ashford", "~kent", "~dover"}),
    )
    focus = question_focus("Where did the mayors hold their talks in Ashford?", aliases)
    assert focus.located_in == ("~ashford",)
    places = aliases.places

    def fits(text: str, asked: Focus) -> bool:
        return sentence_fits(SentenceWords.read(text, aliases), asked, [], places)

    assert not fits("The mayors later flew to Dover for talks.", focus)
    assert fits("The mayors held their talks at Harbour Lodge.", focus)
    within = question_focus("Where in Kent did the mayors hold their talks?", aliases)
    assert within.located_in == () and fits("The mayors met in Dover.", within)


def test_an_open_question_for_a_kind_of_place_in_a_named_city_asks_for_a_finer_place():
    """ "*At which* pier did the ferry dock *in Dover*?" is a where-question in other words: a
    sentence naming only Dover ("docked at Dover harbour") does not say which pier."""
    aliases = replace(
        Aliases.from_mapping({"Dover": [], "Kent": []}), places=frozenset({"~dover", "~kent"})
    )
    focus = question_focus("At which pier did the ferry dock in Dover?", aliases)
    assert focus.located_in == ("~dover",)

    def fits(text: str) -> bool:
        return sentence_fits(SentenceWords.read(text, aliases), focus, [], aliases.places)

    assert not fits("The ferry docked at Dover harbour on Monday.")
    assert fits("The ferry docked at Admiralty Pier on Monday.")
    assert question_focus("At which pier did the ferry dock?", aliases).located_in == ()


def test_a_speaker_announcing_the_following_answer_speaks_in_the_next_sentence():
    kim = ["kim", "jong", "gyu"]
    announcing = read(
        "Kim Jong Gyu, vice foreign minister of the DPRK, gave the following answer to a "
        "question raised by KCNA on Friday:"
    )
    assert announces_words(announcing, kim)
    assert not announces_words(
        read("Reporters asked Kim Jong Gyu the following question on Friday:"), kim
    )
    assert not announces_words(read("Kim Jong Gyu arrived in Moscow on the following day."), kim)


def test_a_statement_the_subject_issued_is_described_by_the_subject_place():
    places = Aliases.from_mapping({"South Korea": ["South Korean"]})
    role, where = ["statement"], ["~south korea"]
    issued = SentenceWords.read(
        "The South Korean presidential office convened a National Security Council meeting on "
        "Thursday to discuss the pact, and issued a statement.",
        places,
    )
    assert describes_speaker(issued, role, where)
    condemned = SentenceWords.read(
        "The South Korean presidential office convened a National Security Council meeting on "
        "Thursday and condemned a statement from Moscow.",
        places,
    )
    assert not describes_speaker(condemned, role, where)


def test_reaffirming_or_reiterating_is_speaking():
    lavrov = ["lavrov"]
    assert statement_fits(
        read("In opening remarks, Lavrov reaffirmed Choe's description of their ties."),
        lavrov,
        pronoun=False,
    )
    assert statement_fits(read("Lavrov reiterated the offer on Monday."), lavrov, pronoun=False)


def test_a_quotation_begun_in_an_earlier_sentence_closes_before_its_attribution():
    lula = ["lula"]
    closing = read(
        'What they want is plenty of food and decent jobs," said Brazilian President Lula.'
    )
    assert closing.quoted[0] and not closing.quoted[-1]
    assert statement_fits(closing, lula, pronoun=False)
    opening = read('During the summit, Lula stated, "We want plenty of food...')
    assert not opening.quoted[0] and opening.quoted[-1]


def test_a_month_written_short_before_a_day_names_its_month():
    sentence = read(
        "He said he was part of an offensive on Jan. 3 and was captured two days later."
    )
    assert sentence.has_any(["januari"])
    assert not read("The Mar 3 meeting was held.").has_any(["januari"])
    assert not read("He gave a speech in Jan about it.").has_any(["januari"])


def test_a_place_name_after_in_the_or_at_the_answers_a_where_question():
    """ "in *the* Kerch Strait", "at *the* Diaoyutai state guest house": a name after a
    preposition of place and "the" (and a word of direction) is a place, as after the
    preposition alone; a name after "the" with no preposition is not ("*the* Guardian said")."""
    aliases = Aliases.from_mapping({})
    focus = question_focus("Where did the spill happen?", aliases)

    def fits(text: str) -> bool:
        return sentence_fits(SentenceWords.read(text, aliases), focus, [], aliases.places)

    assert fits("The spill happened on Sunday in the Kerch Strait.")
    assert fits("The leaders met at the Diaoyutai state guest house.")
    assert fits("The spill spread in the southern Kerch Strait.")
    assert not fits("The spill was worse than the Guardian said.")


def test_a_place_named_after_its_kind_and_of_answers_a_where_question():
    """ "the republic of *Tuva*", "the town of *Kurakhove*": the kind in lower case says the name
    after "of" is a place, wherever the phrase stands; in "the People's Republic of China" the
    kind is part of a country's name."""
    aliases = Aliases.from_mapping({})
    focus = question_focus("Where was the sailor born?", aliases)

    def fits(text: str) -> bool:
        return sentence_fits(SentenceWords.read(text, aliases), focus, [], aliases.places)

    assert fits("His card gives his place of birth as the republic of Tuva.")
    assert fits("The army claimed the capture of the town of Kurakhove.")
    assert not fits("The sailor thanked the People's Republic of China.")
    assert not fits("The sailor spoke of Tuva.")


def test_a_figure_dated_to_other_days_of_the_asked_month_does_not_answer_for_another_day():
    days = question_focus("How many attacks did Russia launch on December 26?", ALIASES).days
    assert days == (("december", "26"),)
    other = read("Russia launched 248 attacks on December 24 and 200 more on Christmas Day.")
    assert dates_other_days([other], days)
    assert not dates_other_days([read("Russia launched 248 attacks on December 26.")], days)
    assert not dates_other_days([read("Russia launched 248 attacks on 26 Dec.")], days)
    assert not dates_other_days([read("Russia launched 248 attacks in December.")], days)


def test_a_figure_dated_to_other_weekdays_only_does_not_answer_for_the_asked_one():
    question = "How many drones did Russia launch on Saturday night?"
    weekdays = question_focus(question, ALIASES).weekdays
    assert weekdays == ("saturday",)
    assert dates_other_weekdays([read("Russia launched 80 drones on Sunday night.")], weekdays)
    assert not dates_other_weekdays([read("Russia launched 80 drones on Saturday.")], weekdays)
    assert not dates_other_weekdays([read("Russia launched 80 drones overnight.")], weekdays)


def test_a_name_after_said_that_opens_a_clause_is_not_the_speaker():
    assert not statement_fits(read("Zelensky said Putin had sent more troops."), ["putin"], False)
    assert not statement_fits(read("Aides said President Putin would come."), ["putin"], False)
    assert statement_fits(read("The offer is fair, said Putin."), ["putin"], False)
    assert statement_fits(
        read("The offer is fair, said Vladimir Putin on Friday."), ["putin"], False
    )


def test_adding_to_something_is_not_speech_for_the_sentence_subject():
    sentence = read(
        "Xi, behind closed doors, addressed the war in Ukraine with Putin, while Modi publicly"
        " peace, adding to the diplomatic complexities."
    )
    assert not statement_fits(sentence, ["xi"], False)
    assert statement_fits(
        read("Xi addressed the war, adding that peace was needed."), ["xi"], False
    )


def test_the_time_since_a_first_visit_is_not_how_long_a_meeting_lasted():
    focus = question_focus("How long did the meeting with Putin last?", ALIASES)
    since = read("It was his first visit to Russia in over two years.")
    assert not number_fits(since, focus, [])
    assert number_fits(read("The meeting with Putin lasted two hours."), focus, [])


def test_a_duration_written_without_a_figure_answers_how_long():
    focus = question_focus("How long was the training the units had undergone?", ALIASES)
    assert number_fits(read("The units had undergone week-long training."), focus, [])
    assert number_fits(read("The training lasted an hour, officials said."), focus, [])
    assert not number_fits(read("The units trained for weeks before the battle."), focus, [])
    assert not number_fits(read("A month on from the training, the units moved."), focus, [])


def test_what_could_not_be_done_is_a_fact_not_a_possibility():
    verified = [stem("verify")]
    assert not only_possible(
        [read("The agency could not immediately verify the videos.")], verified
    )
    assert not only_possible([read("The agency can never verify such videos.")], verified)
    assert only_possible([read("The agency could verify the videos next week.")], verified)
    assert only_possible([read("The agency may not verify the videos at all.")], verified)
