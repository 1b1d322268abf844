"""Okapi BM25 over passages, as a sparse term-by-passage matrix of precomputed weights.

Scores equal rank-bm25's ``BM25Okapi.get_scores`` for the same tokens (``k1=1.5``,
``b=0.75``, ``epsilon=0.25``), but a question only touches the postings of its own terms,
so its cost grows with those postings, not with the number of passages.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

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


def okapi_term_weight(
    tf: np.ndarray, doc_len: np.ndarray, avgdl: float, k1: float, b: float
) -> np.ndarray:
    """The saturating term-frequency part of BM25: ``tf (k1 + 1) / (tf + k1 (1 - b + b dl/avgdl))``."""
    return tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len / avgdl))


@dataclass(frozen=True, eq=False)
class BM25Index:
    """Precomputed BM25 weights: one sparse row of passage weights per term."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    weights: sparse.csr_matrix
    corpus_size: int

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
        doc_len = np.frombuffer(lengths, dtype=np.int64).astype(np.float64)
        corpus_size = len(lengths)
        rows = np.frombuffer(term_ids, dtype=np.int64) if term_ids else np.empty(0, np.int64)
        cols = np.repeat(np.arange(corpus_size), doc_len.astype(np.int64))
        tf = sparse.csr_matrix(
            (np.ones(rows.size), (rows, cols)), shape=(len(vocabulary), corpus_size)
        )
        tf.sum_duplicates()
        avgdl = float(doc_len.mean()) or 1.0
        document_frequency = np.diff(tf.indptr).astype(np.float64)
        idf = okapi_idf(document_frequency, corpus_size, epsilon)
        term_of_entry = np.repeat(np.arange(len(vocabulary)), np.diff(tf.indptr))
        data = idf[term_of_entry] * okapi_term_weight(tf.data, doc_len[tf.indices], avgdl, k1, b)
        weights = sparse.csr_matrix((data, tf.indices, tf.indptr), shape=tf.shape)
        return cls(vocabulary=vocabulary, idf=idf, weights=weights, corpus_size=corpus_size)

    def scores(self, terms: Sequence[str], weights: Sequence[float] | None = None) -> np.ndarray:
        """BM25 score of every passage for ``terms`` (repeated terms count again, as in rank-bm25)."""
        result = np.zeros(self.corpus_size)
        matrix = self.weights
        for term, factor in zip(terms, weights or [1.0] * len(terms), strict=True):
            row = self.vocabulary.get(term)
            if row is None:
                continue
            lo, hi = matrix.indptr[row], matrix.indptr[row + 1]
            result[matrix.indices[lo:hi]] += factor * matrix.data[lo:hi]
        return result

    def coverage(self, terms: Iterable[str]) -> np.ndarray:
        """How many of the distinct ``terms`` every passage contains."""
        result = np.zeros(self.corpus_size)
        matrix = self.weights
        for term in set(terms):
            row = self.vocabulary.get(term)
            if row is not None:
                result[matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]]] += 1
        return result

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
