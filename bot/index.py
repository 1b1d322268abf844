"""Okapi BM25 over passages, as term-major postings: for each term, its passages and counts.

Scores equal rank-bm25's ``BM25Okapi.get_scores`` for the same tokens (``k1=1.5``,
``b=0.75``, ``epsilon=0.25``), but a question only touches the postings of its own terms,
so its cost grows with those postings, not with the number of passages.

The index is plain arrays (the layout of a CSR matrix of term frequencies, plus each
passage's length normalisation), so that it is stored and memory-mapped as it is: the
weights of a term's postings are computed when a question asks for that term. That costs a
few vector operations per question term and keeps the index on disk at a third of the size
of precomputed float64 weights.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

K1 = 1.5
B = 0.75
EPSILON = 0.25


def okapi_idf(document_frequency: np.ndarray, corpus_size: int, epsilon: float) -> np.ndarray:
    """IDF of BM25Okapi (Robertson & Zaragoza 2009, eq. 3.3) as rank-bm25 computes it.

    ``log((N - n + 0.5) / (n + 0.5))`` is negative for terms in more than half of the
    passages; rank-bm25 replaces those by ``epsilon`` times the mean IDF, and so do we.
    """
    idf = np.log(corpus_size - document_frequency + 0.5) - np.log(document_frequency + 0.5)
    floor = epsilon * idf.mean() if idf.size else 0.0
    return np.where(idf < 0, floor, idf)


def okapi_length_norm(doc_len: np.ndarray, avgdl: float, k1: float, b: float) -> np.ndarray:
    """Each passage's ``k1 (1 - b + b dl/avgdl)``, the denominator's part that is not ``tf``."""
    return k1 * (1 - b + b * doc_len / avgdl)


def smallest_unsigned(largest: int) -> np.dtype:
    """The narrowest unsigned integer type that holds ``largest``."""
    for dtype in (np.uint8, np.uint16, np.uint32):
        if largest <= np.iinfo(dtype).max:
            return np.dtype(dtype)
    return np.dtype(np.uint64)


@dataclass(frozen=True, eq=False)
class BM25Index:
    """BM25 postings: ``passages[indptr[t]:indptr[t+1]]`` hold term ``t``, ``tf`` times each."""

    terms: list[str]
    """Every index term, by term id."""
    idf: np.ndarray
    indptr: np.ndarray
    passages: np.ndarray
    tf: np.ndarray
    length_norm: np.ndarray
    """``okapi_length_norm`` of every passage."""
    k1: float = K1
    doc_len: np.ndarray | None = None
    """Tokens per passage, when known (what ``length_norm`` was computed from)."""

    @property
    def corpus_size(self) -> int:
        return int(self.length_norm.size)

    @property
    def vocabulary(self) -> dict[str, int]:
        """Term -> term id, made on first use (a load maps arrays; it builds no dictionaries)."""
        cached = self.__dict__.get("_vocabulary")
        if cached is None:
            cached = {term: number for number, term in enumerate(self.terms)}
            object.__setattr__(self, "_vocabulary", cached)
        return cached

    @classmethod
    def build(
        cls,
        documents: Iterable[Sequence[str]],
        *,
        k1: float = K1,
        b: float = B,
        epsilon: float = EPSILON,
    ) -> BM25Index:
        """Index ``documents`` (each a list of terms), consumed one at a time.

        An iterator keeps memory flat: each passage's term list is dropped once counted.
        """
        vocabulary: dict[str, int] = {}
        term_ids = array("q")
        lengths = array("q")
        for document in documents:
            term_ids.extend(vocabulary.setdefault(term, len(vocabulary)) for term in document)
            lengths.append(len(document))
        if not lengths:
            raise ValueError("cannot index an empty corpus")
        ids = np.frombuffer(term_ids, dtype=np.int64) if term_ids else np.empty(0, np.int64)
        doc_len = np.frombuffer(lengths, dtype=np.int64)
        return cls.from_tokens(list(vocabulary), ids, doc_len, k1, b, epsilon)

    @classmethod
    def from_tokens(
        cls,
        terms: list[str],
        term_of_token: np.ndarray,
        doc_len: np.ndarray,
        k1: float = K1,
        b: float = B,
        epsilon: float = EPSILON,
    ) -> BM25Index:
        """Index the term ids of every token, passage after passage (``doc_len`` tokens each),
        turned term-major by ``term_major``."""
        if doc_len.size == 0:
            raise ValueError("cannot index an empty corpus")
        indptr, passages, tf = term_major(term_of_token, doc_len, len(terms))
        return cls.from_postings(terms, indptr, passages, tf, doc_len, k1, b, epsilon)

    @classmethod
    def from_postings(
        cls,
        terms: list[str],
        indptr: np.ndarray,
        passages: np.ndarray,
        tf: np.ndarray,
        doc_len: np.ndarray,
        k1: float = K1,
        b: float = B,
        epsilon: float = EPSILON,
    ) -> BM25Index:
        """The index of these postings and passage lengths (tokens per passage), its IDF and
        length normalisation computed here: the index cache stores the counts, not these."""
        lengths = doc_len.astype(np.float64)
        avgdl = float(lengths.mean()) or 1.0
        idf = okapi_idf(np.diff(indptr).astype(np.float64), int(doc_len.size), epsilon)
        return cls(
            terms=terms,
            idf=idf,
            indptr=indptr,
            passages=passages,
            tf=tf,
            length_norm=okapi_length_norm(lengths, avgdl, k1, b),
            k1=k1,
            doc_len=doc_len,
        )

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """The passages holding ``term`` and its BM25 weight in each, or None if unindexed."""
        row = self.vocabulary.get(term)
        if row is None:
            return None
        lo, hi = self.indptr[row], self.indptr[row + 1]
        passages = self.passages[lo:hi]
        tf = self.tf[lo:hi].astype(np.float64)
        weights = self.idf[row] * (tf * (self.k1 + 1) / (tf + self.length_norm[passages]))
        return passages, weights

    def scores(self, terms: Sequence[str], weights: Sequence[float] | None = None) -> np.ndarray:
        """BM25 score of every passage for ``terms`` (repeated terms count again, as in rank-bm25)."""
        result = np.zeros(self.corpus_size)
        for term, factor in zip(terms, weights or [1.0] * len(terms), strict=True):
            found = self.postings(term)
            if found is not None:
                result[found[0]] += factor * found[1]
        return result

    def coverage_of(self, groups: Iterable[Mapping[str, float]]) -> np.ndarray:
        """How much of ``groups`` every passage holds: each group (a question's part at 1 and
        the terms that may stand for it at their weights) counts its best term held."""
        result = np.zeros(self.corpus_size)
        for group in groups:
            rows = [
                (row, w)
                for term, w in group.items()
                if (row := self.vocabulary.get(term)) is not None
            ]
            if len(rows) == 1:
                row, weight = rows[0]
                result[self.passages[self.indptr[row] : self.indptr[row + 1]]] += weight
            elif rows:
                held = np.zeros(self.corpus_size)
                for row, weight in rows:
                    found = self.passages[self.indptr[row] : self.indptr[row + 1]]
                    held[found] = np.maximum(held[found], weight)
                result += held
        return result

    def best_scores(self, terms: Mapping[str, float]) -> np.ndarray:
        """Each passage's best BM25 weight among ``terms``, each times its factor: a part of
        the question written in one of several ways counts once, as its best."""
        result = np.zeros(self.corpus_size)
        for term, factor in terms.items():
            found = self.postings(term)
            if found is not None:
                result[found[0]] = np.maximum(result[found[0]], factor * found[1])
        return result

    def frequency(self, term: str) -> int:
        """How many passages hold ``term``."""
        row = self.vocabulary.get(term)
        return 0 if row is None else int(self.indptr[row + 1] - self.indptr[row])

    def top(
        self, terms: Sequence[str], k: int, weights: Sequence[float] | None = None
    ) -> list[tuple[int, float]]:
        """The ``k`` best passages with a positive score, best first (ties by passage order)."""
        return best_of(self.scores(terms, weights), k)

    def term_idf(self, term: str) -> float:
        row = self.vocabulary.get(term)
        return 0.0 if row is None else float(self.idf[row])

    def unseen_idf(self) -> float:
        """What an unknown word is worth: the IDF of a term found in a single passage."""
        return float(np.log((self.corpus_size - 0.5) / 1.5))

    def weight_of(self, term: str) -> float:
        """A term's importance for relevance: its IDF, or ``unseen_idf`` when never indexed."""
        row = self.vocabulary.get(term)
        return self.unseen_idf() if row is None else float(self.idf[row])


def term_major(
    term_of_token: np.ndarray, doc_len: np.ndarray, term_count: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The postings of the tokens, passage after passage (``doc_len`` tokens each): per term
    ``t`` of ``term_count``, ``passages[indptr[t]:indptr[t+1]]`` (ascending) and ``tf``.

    The tokens are turned around a block of passages at a time (a counting sort by term):
    the postings are written straight into their final arrays, counted first, so the only
    transients are one block's, not a second copy of every token as a sparse matrix's
    transpose would make. Build workers turn their own blocks (``bot.build_workers``).
    """
    blocks = _passage_blocks(doc_len)
    per_term = np.zeros(term_count, np.int64)
    largest = 0
    for first, last, start, end in blocks:  # counted first, so each array is made once
        term, _, count = _pairs(term_of_token[start:end], doc_len[first:last])
        per_term += np.bincount(term, minlength=term_count)
        largest = max(largest, int(count.max(initial=0)))
    indptr = np.concatenate(([0], np.cumsum(per_term)))
    passages = np.empty(int(indptr[-1]), np.int32)
    tf = np.empty(passages.size, smallest_unsigned(largest))
    filled = indptr[:-1].copy()  # where each term's next posting goes
    for first, last, start, end in blocks:
        term, passage, count = _pairs(term_of_token[start:end], doc_len[first:last])
        runs = np.flatnonzero(np.diff(term, prepend=-1))  # a block's postings of one term
        run_terms = term[runs]
        lengths = np.diff(runs, append=term.size)
        where = np.arange(term.size) - np.repeat(runs - filled[run_terms], lengths)
        passages[where] = passage + first
        tf[where] = count
        filled[run_terms] += lengths
    return indptr, passages, tf


TURN_BLOCK = 1 << 18
"""Tokens per block of passages when the tokens are turned into postings: the block's
sort keys and pairs are the only transients, a few MB, whatever the archive's size."""


def _passage_blocks(doc_len: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Runs of whole passages of about ``TURN_BLOCK`` tokens: (first passage, past the last,
    first token, past the last token), a passage longer than a block alone in its own."""
    pointers = np.concatenate(([0], np.cumsum(doc_len, dtype=np.int64)))
    blocks = []
    first = 0
    while first < doc_len.size:
        last = int(np.searchsorted(pointers, pointers[first] + TURN_BLOCK, side="right")) - 1
        last = min(max(last, first + 1), int(doc_len.size))
        blocks.append((first, last, int(pointers[first]), int(pointers[last])))
        first = last
    return blocks


def _pairs(terms: np.ndarray, doc_len: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct (term, passage) pairs of a block's tokens, by term then passage (passages
    numbered from the block's first), with how often the term occurs in the passage."""
    passages = doc_len.size
    key = terms.astype(np.int64) * passages
    key += np.repeat(np.arange(passages, dtype=np.int64), doc_len)
    key.sort()
    starts = np.flatnonzero(np.diff(key, prepend=-1))
    count = np.diff(starts, append=key.size)
    pair = key[starts]
    return pair // passages, (pair % passages).astype(np.int32), count


def best_of(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The ``k`` best positive entries of ``scores``, best first (ties by passage order)."""
    candidates = np.flatnonzero(scores > 0)
    if candidates.size == 0 or k <= 0:
        return []
    if candidates.size > k:
        kth_best = -np.partition(-scores[candidates], k - 1)[k - 1]
        candidates = candidates[scores[candidates] >= kth_best]
    order = np.lexsort((candidates, -scores[candidates]))[:k]
    return [(int(candidates[i]), float(scores[candidates[i]])) for i in order]
