import math
import random

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from bot.index import BM25Index

THREE_PASSAGES = [["cat", "sat", "mat"], ["dog", "sat"], ["cat", "cat", "ran", "far", "away"]]


def test_scores_match_a_hand_computed_three_passage_corpus():
    index = BM25Index.build(THREE_PASSAGES)
    avgdl = 10 / 3
    idf_dog = math.log((3 - 1 + 0.5) / (1 + 0.5))
    expected_dog = idf_dog * 1 * 2.5 / (1 + 1.5 * (1 - 0.75 + 0.75 * 2 / avgdl))
    assert index.scores(["dog"]) == pytest.approx([0.0, expected_dog, 0.0])


def test_term_in_most_passages_gets_rank_bm25s_epsilon_floor():
    index = BM25Index.build(THREE_PASSAGES)
    reference = BM25Okapi(THREE_PASSAGES)
    assert index.term_idf("cat") == pytest.approx(reference.idf["cat"])
    assert index.term_idf("cat") > 0


@pytest.mark.parametrize("seed", range(5))
def test_scores_equal_rank_bm25_for_the_same_tokens(seed: int):
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(60)]
    documents = [
        [rng.choice(vocabulary[: rng.randint(2, 60)]) for _ in range(rng.randint(1, 40))]
        for _ in range(rng.randint(3, 120))
    ]
    reference = BM25Okapi(documents)
    index = BM25Index.build(documents)
    for _ in range(20):
        query = [rng.choice([*vocabulary, "unseen"]) for _ in range(rng.randint(1, 6))]
        assert np.allclose(index.scores(query), reference.get_scores(query))


def test_top_returns_best_first_and_only_matching_passages():
    index = BM25Index.build(THREE_PASSAGES)
    top = index.top(["cat"], 10)
    assert [pid for pid, _ in top] == [2, 0]
    assert index.top(["unknown"], 10) == []


def test_empty_corpus_is_rejected():
    with pytest.raises(ValueError, match="empty corpus"):
        BM25Index.build([])


def test_ties_at_the_cut_keep_the_earliest_passages():
    documents = [["other"], ["tie"], ["tie"], ["tie", "best", "best"], ["tie"]]
    index = BM25Index.build(documents)
    assert [pid for pid, _ in index.top(["tie", "best"], 2)] == [3, 1]
    assert [pid for pid, _ in index.top(["tie"], 2)] == [1, 2]


def test_coverage_counts_each_group_by_the_best_term_a_passage_holds():
    index = BM25Index.build(THREE_PASSAGES)
    groups = [{"cat": 1.0}, {"sat": 1.0}, {"unknown": 1.0}]
    assert list(index.coverage_of(groups)) == [2, 1, 1]
    assert list(index.coverage_of([{"cat": 1.0, "dog": 0.5, "mat": 0.25}])) == [1, 0.5, 1]


def test_best_scores_keep_each_passages_best_weighted_score():
    index = BM25Index.build(THREE_PASSAGES)
    cat, dog = index.scores(["cat"]), index.scores(["dog"])
    best = index.best_scores({"cat": 1.0, "dog": 0.5, "unknown": 1.0})
    assert list(best) == [cat[0], 0.5 * dog[1], cat[2]]
    assert index.frequency("cat") == 2 and index.frequency("unknown") == 0


@pytest.mark.parametrize("block", [1, 7, 1 << 18])
def test_postings_from_tokens_are_the_same_whatever_the_block(monkeypatch, block):
    """The tokens are turned into postings a block of passages at a time: a term's postings
    are its passages in order, once each with its count, however the blocks fall (blocks of
    one token put each long passage alone in its own)."""
    monkeypatch.setattr("bot.index.TURN_BLOCK", block)
    rng = random.Random(3)
    doc_len = np.array([rng.choice([0, 1, 3, 12]) for _ in range(60)], np.int64)
    tokens = np.array([rng.randrange(9) for _ in range(int(doc_len.sum()))], np.int32)
    index = BM25Index.from_tokens([f"t{i}" for i in range(10)], tokens, doc_len)
    starts = np.concatenate(([0], np.cumsum(doc_len)))
    for term in range(10):
        counts = {
            p: int(np.count_nonzero(tokens[starts[p] : starts[p + 1]] == term))
            for p in range(doc_len.size)
        }
        expected = [(p, c) for p, c in counts.items() if c]
        lo, hi = index.indptr[term], index.indptr[term + 1]
        got = list(zip(index.passages[lo:hi].tolist(), index.tf[lo:hi].tolist(), strict=True))
        assert got == expected
    assert index.tf.dtype == np.uint8 and index.passages.dtype == np.int32
