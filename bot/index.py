"""Okapi BM25 over passages, as a sparse term-by-passage matrix of precomputed weights.

Scores equal rank-bm25's ``BM25Okapi.get_scores`` for the same tokens (``k1=1.5``,
``b=0.75``, ``epsilon=0.25``), but a question only touches the postings of its own terms,
so its cost grows with those postings, not with the number of passages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
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
        documents: Sequence[Sequence[str]],
        *,
        k1: float = K1,
        b: float = B,
        epsilon: float = EPSILON,
    ) -> BM25Index:
        if not documents:
            raise ValueError("cannot index an empty corpus")
        vocabulary: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        counts: list[int] = []
        for doc_id, document in enumerate(documents):
            for term, count in Counter(document).items():
                rows.append(vocabulary.setdefault(term, len(vocabulary)))
                cols.append(doc_id)
                counts.append(count)
        corpus_size = len(documents)
        doc_len = np.fromiter((len(d) for d in documents), dtype=np.float64, count=corpus_size)
        avgdl = float(doc_len.mean()) or 1.0
        tf = np.asarray(counts, dtype=np.float64)
        col = np.asarray(cols, dtype=np.int64)
        document_frequency = np.bincount(
            np.asarray(rows, dtype=np.int64), minlength=len(vocabulary)
        )
        idf = okapi_idf(document_frequency.astype(np.float64), corpus_size, epsilon)
        row = np.asarray(rows, dtype=np.int64)
        data = idf[row] * okapi_term_weight(tf, doc_len[col], avgdl, k1, b)
        weights = sparse.csr_matrix(
            (data, (row, col)), shape=(len(vocabulary), corpus_size), dtype=np.float64
        )
        weights.sort_indices()
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

    def top(
        self, terms: Sequence[str], k: int, weights: Sequence[float] | None = None
    ) -> list[tuple[int, float]]:
        """The ``k`` best passages with a positive score, best first (ties by passage order)."""
        scores = self.scores(terms, weights)
        candidates = np.flatnonzero(scores > 0)
        if candidates.size == 0 or k <= 0:
            return []
        if candidates.size > k:
            keep = np.argpartition(-scores[candidates], k - 1)[:k]
            candidates = candidates[keep]
        order = np.lexsort((candidates, -scores[candidates]))
        return [(int(candidates[i]), float(scores[candidates[i]])) for i in order]

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
