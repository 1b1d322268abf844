"""Write ``bot/data/spellings.tsv``, the British and American spellings of one word that the
search reads as one, from Princeton WordNet 3.0 as Debian's ``wordnet-base`` installs it.

WordNet lists both spellings of a word as lemmas of the same synset ("defence" and "defense",
"organisation" and "organization", "centre" and "center", "labour" and "labor"). A pair is kept when the two differ only by one of the regular spelling patterns
below, so that other synonyms ("pact", "treaty") never are. Each line is the British
spelling's Snowball stem, a tab, the American spelling's stem ("defenc<TAB>defens",
"organis<TAB>organiz"): the stem covers the inflections ("organised", "organising"), and
``bot.tokens.stem`` writes the second for the first in the index and in questions alike. A
developer's tool, run once when the rule changes: ``python scripts/build_spellings.py``;
``tests/test_tokens.py`` checks that it regenerates the same bytes.
"""

from __future__ import annotations

import argparse
import re
import sys
from itertools import permutations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.tokens import snowball_stem
from scripts.build_thesaurus import WORDNET, read_synsets

OUTPUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "spellings.tsv"
PATTERNS = [
    (re.compile(r"our(?=[a-z]*$)"), "or"),  # colour, labourer, favourite
    (re.compile(r"is(?=(?:e|es|ed|ing|ation|ations|er|ers)$)"), "iz"),  # organise, organisation
    (re.compile(r"ys(?=(?:e|es|ed|ing)$)"), "yz"),  # analyse
    (re.compile(r"ence$"), "ense"),  # defence, licence
    (re.compile(r"re$"), "er"),  # centre, metre
    (re.compile(r"ogue$"), "og"),  # catalogue
    (re.compile(r"mme$"), "m"),  # programme
    (re.compile(r"ae"), "e"),  # anaemia
    (re.compile(r"oe"), "e"),  # oestrogen
]
"""A British spelling's pattern and its American form, applied once each."""


def variants(british: str) -> set[str]:
    """Every spelling one pattern makes of ``british``, at one place."""
    found: set[str] = set()
    for pattern, american in PATTERNS:
        for match in pattern.finditer(british):
            found.add(british[: match.start()] + american + british[match.end() :])
    return found


def spelling_pairs(wordnet: Path) -> dict[str, str]:
    """British stem -> American stem, for every pair of one-word lemmas of a synset that one
    spelling pattern turns into each other."""
    pairs: dict[str, str] = {}
    for name in ("noun", "verb", "adj", "adv"):
        for synset in read_synsets(wordnet / f"data.{name}").values():
            words = [lemma for lemma in synset.lemmas if lemma.isalpha()]
            for british, american in permutations(dict.fromkeys(words), 2):
                if american in variants(british):
                    source, target = snowball_stem(british), snowball_stem(american)
                    if source != target:
                        pairs.setdefault(source, target)
    return {source: _final(target, pairs) for source, target in pairs.items()}


def _final(stem: str, pairs: dict[str, str]) -> str:
    """Follow a chain of spellings to its end, stopping at a loop."""
    seen = {stem}
    while stem in pairs and pairs[stem] not in seen:
        stem = pairs[stem]
        seen.add(stem)
    return stem


def write(pairs: dict[str, str], output: Path) -> None:
    lines = sorted(f"{source}\t{target}\n" for source, target in pairs.items() if source != target)
    output.write_bytes("".join(lines).encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=WORDNET)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    pairs = spelling_pairs(args.wordnet)
    write(pairs, args.output)
    print(f"{len(pairs)} spellings -> {args.output}")


if __name__ == "__main__":
    main()
