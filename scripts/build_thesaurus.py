"""Write ``bot/data/wordnet.tsv``, the thesaurus a question is expanded with, from Princeton
WordNet 3.0 as Debian's ``wordnet-base`` installs it (``/usr/share/wordnet``).

A developer's tool, run once when the rule changes: the bot reads only the file it writes,
so a ``pip install`` needs no WordNet. Run ``python scripts/build_thesaurus.py`` and commit the
file; ``tests/test_thesaurus.py`` checks that it regenerates the same bytes.

What is kept, to keep the noise low (WordNet lists senses most frequent first, by the tag
counts of its sense-tagged corpora, which ``cntlist.rev`` gives):

* ``s`` (synonyms): for each lemma and part of speech, the other lemmas of its first sense,
  and of any later sense tagged at least ``SENSE_SHARE`` times as often as the first
  ("premier" -> prime minister, pm; "go-between" -> mediator, intermediary ...);
* ``h`` (broader words): for a noun's or verb's first sense, when the corpora tagged it at
  all, the lemmas of its direct hypernyms ("swap" -> exchange, "gun" -> weapon);
* ``d`` (derived words): the derivationally related forms WordNet gives the lemma in the
  same kept senses ("ally" -> alliance, "invade" -> invasion);
* ``i`` (irregular forms): ``verb.exc`` and ``noun.exc`` ("sent" -> send, "men" -> man);
* ``b`` (built): for a noun whose first sense is a kind of building or facility (under
  WordNet's ``building`` or ``facility``: "hotel", "hospital", "restaurant", "airport"), of
  military unit ("regiment", "brigade") or of court of law ("tribunal"), the
  noun itself and its narrower one-word kinds ("hotel" -> hotel|motel|hostel|inn|…), when they
  are at most ``BUILT_MAX_KINDS``; a broader noun ("building", "structure") is left out. Such a
  place is named with its kind word ("the Korston hotel"), so a passage that holds none of them
  names no hotel (``bot.constraints.unmet_built_kind``);
* ``n`` (near nouns): for a noun of one word, the one-word lemmas of *every* one of its noun
  senses and of each sense's direct hypernyms, beyond its ``s`` line ("stand" -> booth, stall,
  …; "gun" -> weapon; "present" -> gift), and for a collective noun whose definition names its
  members ("troops": "soldiers collectively"), those members, and back ("soldier" -> troops,
  soldiery; ``member_nouns``). Only a figure's tie to the thing counted reads them
  (``bot.answer.with_counted_synonyms``): the search itself keeps to the frequent senses;
* ``p`` (parts of speech of a verb): for a verb lemma of one word, every part of speech
  WordNet gives it ("accept" -> verb; "board" -> noun|verb): a question's word that is no
  form of any verb ("spokesperson", "intelligence") is never its main verb (``bot.question``);
* ``c`` (compounds): every noun lemma of two words of letters ("boiling point", "sea level"),
  with its part of speech, ``n``: two words that WordNet writes as one noun mean something
  else apart ("134 *points*", "the highest *level*"; see ``bot.thesaurus.compounds_in``).

Lines are ``kind<TAB>word<TAB>word|word``, sorted, multiword lemmas joined by spaces, lower
case, each ended by a line break, in UTF-8 and uncompressed: the bot maps the file into memory
and bisects its bytes for a word's line (``bot.thesaurus.SortedTable``), so it must stay sorted
as bytes, which sorting the lines as strings gives. The same WordNet gives the same bytes.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.thesaurus import NOUN_ENDINGS

WORDNET = Path("/usr/share/wordnet")
OUTPUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "wordnet.tsv"
SENSE_SHARE = 0.5
"""A later sense is kept when tagged at least this share as often as the lemma's first."""
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
SS_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
SYNSET_POS = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
HYPERNYM_POS = ("noun", "verb")
BUILT_ROOTS = ("building", "facility", "military unit", "court")
"""The nouns whose first sense's kinds are named with their kind word: places built ("the
Korston hotel"), military units ("the 8th Special Operations Regiment") and courts of law ("the
Kyiv District Court")."""
BUILT_MAX_KINDS = 200
"""The most kinds a noun of the ``b`` table may have: a broader noun is too wide to require."""


def lemma_text(raw: str) -> str:
    """``Prime_Minister`` -> ``prime minister``; an adjective's marker ``(p)`` dropped."""
    return raw.split("(")[0].replace("_", " ").lower()


@dataclass(frozen=True)
class Synset:
    """One line of a ``data.*`` file: what the thesaurus takes of it."""

    lemmas: list[str]
    """In the file's order (a derivation pointer names its words by position)."""
    hypernyms: list[str]
    """Offsets of the direct hypernyms (same part of speech)."""
    hyponyms: list[str]
    """Offsets of the direct hyponyms (kinds of it; not its instances)."""
    derived: list[tuple[int, str, str, int]]
    """Derivationally related forms: (source word number, target's part of speech, target
    offset, target word number), word numbers from 1."""
    gloss: str = ""
    """The definition, without its examples ("soldiers collectively")."""


def read_synsets(path: Path) -> dict[str, Synset]:
    """Offset -> synset, for one ``data.*`` file."""
    synsets: dict[str, Synset] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        head, _, gloss = line.partition(" | ")
        fields = head.split()
        count = int(fields[3], 16)
        lemmas = [lemma_text(fields[4 + 2 * i]) for i in range(count)]
        at = 4 + 2 * count
        pointers = [fields[at + 1 + 4 * i : at + 5 + 4 * i] for i in range(int(fields[at]))]
        synsets[fields[0]] = Synset(
            lemmas=lemmas,
            hypernyms=[offset for symbol, offset, _, _ in pointers if symbol == "@"],
            hyponyms=[offset for symbol, offset, _, _ in pointers if symbol == "~"],
            derived=[
                (int(words[:2], 16), SYNSET_POS[pos], offset, int(words[2:], 16))
                for symbol, offset, pos, words in pointers
                if symbol == "+"
            ],
            gloss=gloss.split(";")[0].strip(),
        )
    return synsets


def read_tag_counts(path: Path) -> dict[tuple[str, str, int], int]:
    """(lemma, pos, sense number) -> how often the sense was tagged (``cntlist.rev``)."""
    counts: dict[tuple[str, str, int], int] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        key, number, count = line.split()
        lemma, rest = key.split("%")
        pos = SS_TYPE[rest[0]]
        counts[(lemma_text(lemma), pos, int(number))] = int(count)
    return counts


def kept_senses(offsets: list[str], counts: list[int]) -> list[str]:
    """The first sense, and later ones tagged at least ``SENSE_SHARE`` as often."""
    first = counts[0]
    return [
        offset
        for i, (offset, count) in enumerate(zip(offsets, counts, strict=True))
        if i == 0 or (first > 0 and count >= SENSE_SHARE * first)
    ]


def index_entries(
    path: Path, pos: str, tags: dict[tuple[str, str, int], int]
) -> list[tuple[str, list[str], list[int]]]:
    """Each lemma of one ``index.*`` file, its senses' offsets (most frequent first) and tag
    counts."""
    entries = []
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma = lemma_text(fields[0])
        senses = int(fields[2])
        counts = [tags.get((lemma, pos, i + 1), 0) for i in range(senses)]
        entries.append((lemma, fields[-senses:], counts))
    return entries


def compound_nouns(path: Path) -> list[str]:
    """The noun lemmas of two words of letters in an ``index.noun`` file ("boiling point")."""
    found = []
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        words = lemma_text(line.split()[0]).split(" ")
        if len(words) == 2 and all(word.isalpha() and word.isascii() for word in words):
            found.append(" ".join(words))
    return found


def kinds_of(offset: str, synsets: dict[str, Synset]) -> set[str]:
    """The offsets of a synset and of all its kinds, however narrow."""
    found: set[str] = set()
    todo = [offset]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(synsets[current].hyponyms)
    return found


def built_kinds(
    entries: list[tuple[str, str, list[str], list[int]]], nouns: dict[str, Synset]
) -> dict[str, dict[str, None]]:
    """Each noun whose first sense is a place built (``BUILT_ROOTS``) -> itself and its
    one-word kinds, when they are at most ``BUILT_MAX_KINDS``."""
    firsts = {lemma: offsets[0] for lemma, name, offsets, _ in entries if name == "noun"}
    built = set().union(*(kinds_of(firsts[root], nouns) for root in BUILT_ROOTS))
    table: dict[str, dict[str, None]] = {}
    for lemma, first in firsts.items():
        if first not in built or " " in lemma:
            continue
        words = [w for at in sorted(kinds_of(first, nouns)) for w in nouns[at].lemmas]
        kinds = dict.fromkeys([lemma, *sorted(w for w in words if w.isalpha())])
        if len(kinds) <= BUILT_MAX_KINDS:
            table[lemma] = kinds
    return table


def near_nouns(
    entries: list[tuple[str, str, list[str], list[int]]],
    nouns: dict[str, Synset],
    synonyms: dict[str, dict[str, None]],
) -> dict[str, dict[str, None]]:
    """Each one-word noun -> the one-word lemmas of all its senses and their direct
    hypernyms, itself and its ``synonyms`` left out."""
    table: dict[str, dict[str, None]] = {}
    for lemma, name, offsets, _ in entries:
        if name != "noun" or not lemma.isalpha():
            continue
        near = [
            word
            for offset in offsets
            for at in (offset, *nouns[offset].hypernyms)
            for word in nouns[at].lemmas
            if word.isalpha() and word != lemma and word not in synonyms.get(lemma, {})
        ]
        if near:
            table[lemma] = dict.fromkeys(near)
    return table


def verb_parts_of_speech(
    entries: list[tuple[str, str, list[str], list[int]]],
) -> dict[str, list[str]]:
    """Each verb lemma of one word (hyphens allowed: "air-drop", "court-martial") -> the parts
    of speech WordNet gives it, sorted."""
    parts: dict[str, set[str]] = defaultdict(set)
    for lemma, name, _, _ in entries:
        if lemma.replace("-", "").isalpha():
            parts[lemma].add(name)
    return {lemma: sorted(names) for lemma, names in parts.items() if "verb" in names}


_COLLECTIVELY = re.compile(
    r"(?:the )?([a-z]+)(?:,? (?:and|or) ([a-z]+))? (?:considered |regarded )?collectively"
)
"""A collective noun's definition naming its members ("soldiers collectively" for *troops*,
"pastors collectively" for *pastorate*)."""


def member_nouns(
    nouns: dict[str, Synset], singular: Callable[[str], str], lemmas: set[str]
) -> dict[str, dict[str, None]]:
    """Each one-word lemma of a collective noun -> the nouns its definition names as its
    members ("troops" -> soldier), and each member -> the collective's one-word lemmas
    ("soldier" -> troops, soldiery): "How many troops …?" is answered by "10,000 soldiers"."""
    table: dict[str, dict[str, None]] = defaultdict(dict)
    for synset in nouns.values():
        found = _COLLECTIVELY.fullmatch(synset.gloss)
        if found is None:
            continue
        members = [singular(word) for word in found.groups() if word]
        members = [word for word in members if word in lemmas]
        collectives = [word for word in synset.lemmas if word.isalpha()]
        for collective in collectives:
            table[collective].update(dict.fromkeys(m for m in members if m != collective))
        for member in members:
            table[member].update(dict.fromkeys(c for c in collectives if c != member))
    return table


def dominant(tag_counts: dict[str, int]) -> str:
    """The part of speech a lemma is most often tagged as; on a tie, the first of ``POS``
    (a noun before a verb: "premier" is not read as "to premiere")."""
    best = max(tag_counts.values())
    return next(name for name in POS if tag_counts.get(name) == best)


def read_exceptions(path: Path) -> dict[str, list[str]]:
    """Irregular form -> its base forms, from a ``*.exc`` file ("men" -> man, "sent" -> send)."""
    found: dict[str, list[str]] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        form, *bases = (lemma_text(word) for word in line.split())
        found.setdefault(form, []).extend(base for base in bases if base != form)
    return found


def singular_of(irregular: dict[str, list[str]], lemmas: set[str]) -> Callable[[str], str]:
    """Plural -> singular for the nouns a definition names in the plural: WordNet's own
    irregular plurals (``noun.exc``: "men" -> man), else its regular detachment
    (``bot.thesaurus.NOUN_ENDINGS``: "soldiers" -> soldier) when that gives a noun lemma; else
    the word itself."""

    def singular(word: str) -> str:
        if irregular.get(word):
            return irregular[word][0]
        for ending, replacement in NOUN_ENDINGS:
            base = word[: -len(ending)] + replacement
            if word.endswith(ending) and base in lemmas:
                return base
        return word

    return singular


def thesaurus_lines(wordnet: Path) -> list[str]:
    synonyms: dict[str, dict[str, None]] = defaultdict(dict)
    broader: dict[str, dict[str, None]] = defaultdict(dict)
    derived: dict[str, dict[str, None]] = defaultdict(dict)
    tags = read_tag_counts(wordnet / "cntlist.rev")
    entries = [
        (lemma, name, offsets, counts)
        for name, pos in POS.items()
        for lemma, offsets, counts in index_entries(wordnet / f"index.{name}", pos, tags)
    ]
    tagged: dict[str, dict[str, int]] = defaultdict(dict)
    for lemma, name, _, counts in entries:
        tagged[lemma][name] = sum(counts)
    synsets = {name: read_synsets(wordnet / f"data.{name}") for name in POS}
    for lemma, name, offsets, counts in entries:
        if name != dominant(tagged[lemma]):
            continue  # "meet" is mostly a verb: its noun sense ("athletic meet") is left out
        for offset in kept_senses(offsets, counts):
            synset = synsets[name][offset]
            synonyms[lemma].update(dict.fromkeys(synset.lemmas))
            for source, pos, target, word in synset.derived:
                if source and word and synset.lemmas[source - 1] == lemma:
                    derived[lemma][synsets[pos][target].lemmas[word - 1]] = None
        if name in HYPERNYM_POS and counts[0] > 0:
            for hypernym in synsets[name][offsets[0]].hypernyms:
                broader[lemma].update(dict.fromkeys(synsets[name][hypernym].lemmas))
    exceptions = {name: read_exceptions(wordnet / f"{name}.exc") for name in ("verb", "noun")}
    irregular: dict[str, dict[str, None]] = defaultdict(dict)
    for table in exceptions.values():
        for form, bases in table.items():
            irregular[form].update(dict.fromkeys(bases))
    lines = [f"c\t{compound}\tn" for compound in compound_nouns(wordnet / "index.noun")]
    for lemma, kinds in built_kinds(entries, synsets["noun"]).items():
        lines.append(f"b\t{lemma}\t{'|'.join(kinds)}")
    near = near_nouns(entries, synsets["noun"], synonyms)
    noun_lemmas = {lemma for lemma, name, _, _ in entries if name == "noun"}
    singular = singular_of(exceptions["noun"], noun_lemmas)
    for word, members in member_nouns(synsets["noun"], singular, noun_lemmas).items():
        near.setdefault(word, {}).update(members)
    for lemma, parts in verb_parts_of_speech(entries).items():
        lines.append(f"p\t{lemma}\t{'|'.join(parts)}")
    tables = (("s", synonyms), ("h", broader), ("i", irregular), ("d", derived), ("n", near))
    for kind, table in tables:
        for word, others in table.items():
            kept = [other for other in others if other != word]
            if kept:
                lines.append(f"{kind}\t{word}\t{'|'.join(kept)}")
    return sorted(lines)


def write(lines: list[str], output: Path) -> None:
    if any("\n" in line or line.count("\t") != 2 for line in lines):
        raise ValueError("a thesaurus line is kind<TAB>word<TAB>words, on one line")
    output.write_bytes("".join(f"{line}\n" for line in sorted(lines)).encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=WORDNET)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    lines = thesaurus_lines(args.wordnet)
    write(lines, args.output)
    print(f"{len(lines)} lines, {args.output.stat().st_size:,} bytes -> {args.output}")


if __name__ == "__main__":
    main()
