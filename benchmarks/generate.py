"""Synthetic news articles in the knowledge-base format, for benchmarks and load tests.

    python benchmarks/generate.py --articles 2000 --out .cache/bench/articles-2000 [--seed 7]
    python benchmarks/generate.py --articles 2000 --questions questions.txt [--count 300]

Words are drawn from one ranked vocabulary with Zipf's law (frequency of rank r is
proportional to r^-1.1): about 150 English function words take the top ranks, as in real
text, followed by 50,000 pronounceable pseudo-words (shorter ones more frequent, as in real
text). Each article also leans on a few topic words of its own, so that questions can tell
articles apart the way they do in a news archive. Bodies have 500-1,000 words in paragraphs
of 2-5 sentences; the front matter has title, publisher, author, published, url and tags.

Article ``i`` depends only on the seed and ``i``, so any article (and any question drawn
from it) can be regenerated without the others.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

ZIPF_EXPONENT = 1.1
PSEUDO_WORDS = 50_000
TOPIC_WORDS = 8
TOPIC_SHARE = 0.06
"""Share of an article's words drawn from its own topic words rather than the whole vocabulary."""
PROPER_NOUN_EVERY = 9
"""Every ninth pseudo-word is a name and is always capitalised."""
BODY_MIN_WORDS, BODY_MAX_WORDS = 500, 1_000
SENTENCE_WORDS = (8, 30)
PARAGRAPH_SENTENCES = (2, 5)
QUESTION_TEMPLATES = (
    "What happened with {}?",
    "What did {} say about {}?",
    "Why did {} {}?",
    "How many {} were {}?",
    "Who {} the {}?",
    "When was the {} {}?",
    "What did the president say about {}?",
    "How many people {} last year?",
    "{}?",
)
OFF_TOPIC_SHARE = 0.1
"""Share of questions about an article outside the knowledge base (its words may occur elsewhere)."""


def _word_list(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The most frequent English words, most frequent first (function words and a few verbs).
COMMON_WORDS = _word_list(
    "the of and to a in is that for it as was with be by on not he this are or his from at "
    "which but have an had they you were their one all we can her has there been if more when "
    "will would who so no she other its may these about than into only some could them what "
    "two after also most over first new years said out made time many then do any like between "
    "our where should such through under while during because each up those both being since "
    "very against however three before without how just still later last well even now much "
    "year people state government million percent week month officials told according "
    "country city president minister report including around per four five ten"
)

_ONSETS = _word_list(
    "b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr qu r s sh sk sl sm sn sp st str "
    "t th tr v w z"
)
_VOWELS = _word_list("a e i o u a e i o ai ea ou io")
_CODAS = ["", "", "", "n", "r", "l", "s", "t", "m", "nd", "rk", "st", "x"]
PUBLISHER_FORMS = ("The {} Herald", "{} Daily", "The {} Times", "{} Wire", "{} Observer")


@dataclass(frozen=True)
class Article:
    """One synthetic article: metadata and its paragraphs as lists of sentences (word lists)."""

    number: int
    title: str
    publisher: str
    author: str
    published: datetime.date
    tags: tuple[str, ...]
    paragraphs: list[list[list[str]]]

    @property
    def slug(self) -> str:
        return f"article-{self.number:06d}"

    @property
    def body_words(self) -> int:
        return sum(len(sentence) for paragraph in self.paragraphs for sentence in paragraph)

    def body(self) -> str:
        return "\n\n".join(
            " ".join(sentence_text(sentence) for sentence in paragraph)
            for paragraph in self.paragraphs
        )

    def to_markdown(self) -> str:
        tags = ", ".join(self.tags)
        return (
            "---\n"
            f'title: "{self.title}"\n'
            f"publisher: {self.publisher}\n"
            f"author: {self.author}\n"
            f"published: {self.published.isoformat()}\n"
            f"url: https://news.example.org/{self.published.year}/{self.slug}\n"
            f"tags: [{tags}]\n"
            "---\n"
            f"{self.body()}\n"
        )


def sentence_text(words: list[str]) -> str:
    """Capitalised first word, a comma after the middle clause, a full stop."""
    first = words[0][:1].upper() + words[0][1:]
    middle = len(words) // 2
    parts = [first, *words[1:middle]]
    if len(words) >= 12:
        parts[-1] += ","
    return " ".join([*parts, *words[middle:]]) + "."


class Corpus:
    """The ranked vocabulary and its Zipf distribution for one seed."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    @cached_property
    def vocabulary(self) -> list[str]:
        """Function words first, then pseudo-words, shortest first (Zipf's law of abbreviation)."""
        pseudo = sorted(_pseudo_words(np.random.default_rng([self.seed, 0]), PSEUDO_WORDS), key=len)
        return list(COMMON_WORDS) + [
            word.capitalize() if rank % PROPER_NOUN_EVERY == 0 else word
            for rank, word in enumerate(pseudo, start=1)
        ]

    @cached_property
    def cumulative(self) -> np.ndarray:
        ranks = np.arange(1, len(self.vocabulary) + 1, dtype=np.float64)
        weights = ranks**-ZIPF_EXPONENT
        return np.cumsum(weights / weights.sum())

    def sample(self, rng: np.random.Generator, count: int) -> np.ndarray:
        """``count`` vocabulary ranks (0-based) drawn from the Zipf distribution."""
        ranks = np.searchsorted(self.cumulative, rng.random(count), side="right")
        return np.minimum(ranks, len(self.vocabulary) - 1)

    def is_content(self, rank: int) -> bool:
        return rank >= len(COMMON_WORDS)

    def article(self, number: int) -> Article:
        rng = np.random.default_rng([self.seed, 1, number])
        words = self.vocabulary
        topic = rng.integers(2_000, len(words), size=TOPIC_WORDS)
        target = int(rng.integers(BODY_MIN_WORDS, BODY_MAX_WORDS - 5 * SENTENCE_WORDS[1]))
        paragraphs: list[list[list[str]]] = []
        written = 0
        while written < target:
            paragraph = []
            for _ in range(rng.integers(PARAGRAPH_SENTENCES[0], PARAGRAPH_SENTENCES[1] + 1)):
                length = int(rng.integers(SENTENCE_WORDS[0], SENTENCE_WORDS[1] + 1))
                ranks = self.sample(rng, length)
                from_topic = rng.random(length) < TOPIC_SHARE
                ranks[from_topic] = rng.choice(topic, size=int(from_topic.sum()))
                paragraph.append([words[rank] for rank in ranks])
                written += length
            paragraphs.append(paragraph)
        names = [words[rank] for rank in topic]
        author_names = rng.choice(_name_ranks(len(words)), size=2)
        published = datetime.date(2020, 1, 1) + datetime.timedelta(days=int(rng.integers(0, 1827)))
        return Article(
            number=number,
            title=" ".join(name.capitalize() for name in names[:4]),
            publisher=rng.choice(PUBLISHER_FORMS).format(words[rng.choice(_name_ranks(5_000))]),
            author=" ".join(words[rank].capitalize() for rank in author_names),
            published=published,
            tags=tuple(name.lower() for name in names[:3]),
            paragraphs=paragraphs,
        )

    def question(self, rng: np.random.Generator, articles: int) -> str:
        """A question built from the rarest words of one sentence of one article."""
        article = self.article(int(rng.integers(articles)))
        sentences = [sentence for paragraph in article.paragraphs for sentence in paragraph]
        if rng.random() < OFF_TOPIC_SHARE:
            sentences = [self.article(articles + int(rng.integers(1_000_000))).paragraphs[0][0]]
        sentence = sentences[int(rng.integers(len(sentences)))]
        rank_of = self.rank_of
        content = sorted(
            {word for word in sentence if self.is_content(rank_of[word])},
            key=lambda word: -rank_of[word],
        )
        keys = content[: int(rng.integers(2, 5))] or sentence[:3]
        template = QUESTION_TEMPLATES[int(rng.integers(len(QUESTION_TEMPLATES)))]
        slots = template.count("{}")
        groups = [keys[i::slots] for i in range(slots)]
        question = template.format(*(" ".join(group) or keys[0] for group in groups))
        return question[:1].upper() + question[1:]

    @cached_property
    def rank_of(self) -> dict[str, int]:
        return {word: rank for rank, word in enumerate(self.vocabulary)}


def _pseudo_words(rng: np.random.Generator, count: int) -> list[str]:
    """``count`` distinct pronounceable words of 1-4 syllables, none an English function word."""
    seen = set(COMMON_WORDS)
    result: list[str] = []
    while len(result) < count:
        syllables = int(rng.choice([1, 2, 2, 3, 3, 3, 4]))
        word = (
            "".join(
                _ONSETS[rng.integers(len(_ONSETS))] + _VOWELS[rng.integers(len(_VOWELS))]
                for _ in range(syllables)
            )
            + _CODAS[rng.integers(len(_CODAS))]
        )
        if len(word) >= 3 and word not in seen:
            seen.add(word)
            result.append(word)
    return result


def _name_ranks(vocabulary_size: int) -> np.ndarray:
    """Ranks of the capitalised pseudo-words (names), among the first ``vocabulary_size``."""
    start = len(COMMON_WORDS) + PROPER_NOUN_EVERY - 1
    return np.arange(
        start, min(vocabulary_size, start + 5_000 * PROPER_NOUN_EVERY), PROPER_NOUN_EVERY
    )


def articles(seed: int, count: int) -> Iterator[Article]:
    corpus = Corpus(seed)
    return (corpus.article(number) for number in range(count))


def write_articles(directory: Path, count: int, seed: int) -> list[Path]:
    """Write ``count`` article files into ``directory`` (created if needed)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles(seed, count):
        path = directory / f"{article.slug}.md"
        path.write_text(article.to_markdown(), encoding="utf-8")
        paths.append(path)
    return paths


def questions(seed: int, articles_count: int, count: int) -> list[str]:
    """``count`` questions about the first ``articles_count`` articles of ``seed``."""
    corpus = Corpus(seed)
    rng = np.random.default_rng([seed, 2])
    return [corpus.question(rng, articles_count) for _ in itertools.repeat(None, count)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True, metavar="N")
    parser.add_argument("--out", type=Path, metavar="DIR", help="write the articles here")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--questions", type=Path, metavar="FILE", help="write questions here, one per line"
    )
    parser.add_argument("--count", type=int, default=300, metavar="M", help="questions to write")
    args = parser.parse_args(argv)
    if args.out is None and args.questions is None:
        parser.error("nothing to do: give --out DIR and/or --questions FILE")
    if args.out is not None:
        paths = write_articles(args.out, args.articles, args.seed)
        print(f"wrote {len(paths)} articles to {args.out}", file=sys.stderr)
    if args.questions is not None:
        lines = questions(args.seed, args.articles, args.count)
        args.questions.parent.mkdir(parents=True, exist_ok=True)
        args.questions.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} questions to {args.questions}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
