"""Train the furniture line classifier (``bot.line_model``) on the dev pages and choose its
threshold by leave-site-out cross-validation; write ``bot/data/line_model.json``.

Data: every line of eval/pages/dev/*.txt as ``bot.cleaning.line_verdicts`` splits it, with the
rules' verdict. Furniture (1): a line the rules drop as furniture, read as a by-line, date or
credit, the headline or a short heading, or a line listed in a ``furniture.yml``. Body (0): a
line the rules keep as text or in a list and no ``furniture.yml`` lists. Photo captions (kept
and marked: they carry facts) and lines printed twice in a row are left out. An answer line is
a body line holding an expected phrase of a ``questions.yml``.

Model: a logistic regression (L2, Newton's method, numpy only, no randomness: the same pages
give the same file). Threshold: each site's pages are scored by a model trained on the other
sites; the threshold is the smallest step of ``THRESHOLD_STEP`` above every answer line's
out-of-fold probability (with ``THRESHOLD_MARGIN``), so that no answer line was lost on a page
its model had not seen. Run from the repository root:

    python scripts/train_line_model.py            # train, print the cross-validation, write
    python scripts/train_line_model.py --check    # exit 1 when the shipped file differs
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

from bot import line_model
from bot.cleaning import line_key, line_verdicts, repeated_lines
from bot.ingest.text import split_article

REPO = Path(__file__).resolve().parent.parent
DEV = REPO / "eval" / "pages" / "dev"
FURNITURE_VERDICTS = frozenset({"furniture", "metadata", "headline", "heading"})
BODY_VERDICTS = frozenset({"text", "list", "list item"})
L2 = 1.0
NEWTON_STEPS = 30
THRESHOLD_STEP = 0.01
THRESHOLD_MARGIN = 0.05
RULE_CONTEXT = ("previous_kept", "next_kept", "after_headline")
"""The features that read the rules' verdicts: left out for the "model alone" estimate."""


@dataclass
class Page:
    slug: str
    site: str
    lines: list[str]
    verdicts: list[str]
    listed: set[int] = field(default_factory=set)
    answers: set[int] = field(default_factory=set)

    def kept(self) -> list[bool]:
        return [verdict in line_model.KEPT for verdict in self.verdicts]


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _spaced(text: str) -> str:
    return " ".join(text.split())


def load_pages(folder: Path = DEV) -> list[Page]:
    """The dev pages with the rules' verdicts, listed furniture and answer lines."""
    furniture: dict[str, list[str]] = {}
    answers: dict[str, list[str]] = {}
    for listing in sorted(folder.glob("**/furniture.yml")):
        for slug, entries in _yaml(listing).items():
            furniture.setdefault(slug, []).extend(entries or [])
    for questions in sorted(folder.glob("**/questions.yml")):
        for question in _yaml(questions).get("answerable", []):
            for expected in [question, *question.get("also", [])]:
                answers.setdefault(expected["article"], []).append(expected["expect"])
    bodies = {}
    titles = {}
    for path in sorted(folder.glob("*.txt")):
        header, body = split_article(path.read_bytes())
        bodies[path.stem], titles[path.stem] = body, header.title
    shared = repeated_lines(bodies)
    pages = []
    for slug, body in bodies.items():
        read = line_verdicts(body, titles[slug], shared[slug])
        page = Page(slug, slug.split("-")[0], [line for line, _ in read], [v for _, v in read])
        listed_keys = {line_key(entry) for entry in furniture.get(slug, [])}
        page.listed = {i for i, line in enumerate(page.lines) if line_key(line) in listed_keys}
        page.answers = {
            index
            for index, line in enumerate(page.lines)
            if page.verdicts[index] in BODY_VERDICTS
            and any(_spaced(expect) in _spaced(line) for expect in answers.get(slug, []))
        }
        pages.append(page)
    return pages


@dataclass
class Rows:
    """One row per labelled line: its features, label, page and what it is."""

    x: np.ndarray
    y: np.ndarray
    site: np.ndarray
    answer: np.ndarray
    listed: np.ndarray
    rule_text: np.ndarray
    candidate: np.ndarray


def rows(pages: list[Page]) -> Rows:
    x, y, site, answer, listed, rule_text, candidate = [], [], [], [], [], [], []
    for page in pages:
        may_drop = set(line_model.candidates(page.lines, page.verdicts))
        for index, verdict in enumerate(page.verdicts):
            furniture = verdict in FURNITURE_VERDICTS or index in page.listed
            if not furniture and verdict not in BODY_VERDICTS:
                continue
            x.append(line_model.features(page.lines, page.verdicts, index))
            y.append(float(furniture))
            site.append(page.site)
            answer.append(index in page.answers)
            listed.append(index in page.listed)
            rule_text.append(verdict == "text")
            candidate.append(index in may_drop)
    return Rows(
        np.array(x, dtype=float),
        np.array(y),
        np.array(site),
        np.array(answer, dtype=bool),
        np.array(listed, dtype=bool),
        np.array(rule_text, dtype=bool),
        np.array(candidate, dtype=bool),
    )


@dataclass
class Fit:
    means: np.ndarray
    scales: np.ndarray
    weights: np.ndarray
    bias: float

    def probability(self, x: np.ndarray) -> np.ndarray:
        score = self.bias + ((x - self.means) / self.scales) @ self.weights
        return 1.0 / (1.0 + np.exp(-np.clip(score, -50, 50)))


def fit(x: np.ndarray, y: np.ndarray) -> Fit:
    """L2 logistic regression by Newton's method on standardised features, each class weighted
    to half of the total (furniture lines outnumber body lines)."""
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - means) / scales])
    share = y.mean()
    sample = np.where(y == 1, 0.5 / share, 0.5 / (1 - share))
    penalty = np.full(z.shape[1], L2)
    penalty[0] = 0.0
    beta = np.zeros(z.shape[1])
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -50, 50)))
        gradient = z.T @ (sample * (p - y)) + penalty * beta
        hessian = (z * (sample * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        beta -= np.linalg.solve(hessian, gradient)
    return Fit(means, scales, beta[1:], float(beta[0]))


def out_of_fold(data: Rows, columns: list[int]) -> np.ndarray:
    """Each row's probability from a model trained on every other site's rows."""
    probability = np.zeros(len(data.y))
    for site in sorted(set(data.site)):
        held = data.site == site
        model = fit(data.x[~held][:, columns], data.y[~held])
        probability[held] = model.probability(data.x[held][:, columns])
    return probability


def threshold_above(probabilities: np.ndarray) -> float:
    highest = float(probabilities.max()) if len(probabilities) else 0.0
    return round(math.ceil((highest + THRESHOLD_MARGIN) / THRESHOLD_STEP) * THRESHOLD_STEP, 2)


def report(
    data: Rows, name: str, probability: np.ndarray, applies: np.ndarray, threshold: float
) -> None:
    """Print a variant's cross-validated figures. ``applies``: the rows the model may drop
    (the rules' text lines it may drop, or every line for the model alone)."""
    dropped = applies & (probability >= threshold)
    body = data.y == 0
    print(
        f"{name}: threshold {threshold:.2f}; of the lines it may drop: "
        f"furniture {int((dropped & (data.y == 1)).sum())}/{int((applies & (data.y == 1)).sum())}"
        f" (listed in furniture.yml {int((dropped & data.listed).sum())}"
        f"/{int((applies & data.listed).sum())}), "
        f"body lines lost {int((dropped & body).sum())}/{int((applies & body).sum())}, "
        f"answer lines lost {int((dropped & data.answer).sum())}/{int((applies & data.answer).sum())}"
    )


def train(pages: list[Page], *, verbose: bool) -> dict:
    data = rows(pages)
    everything = list(range(len(line_model.FEATURES)))
    rule_free = [i for i, name in enumerate(line_model.FEATURES) if name not in RULE_CONTEXT]
    both = out_of_fold(data, everything)
    if verbose:
        print(
            f"{len(pages)} pages, {len(set(data.site))} sites, {len(data.y)} lines "
            f"({int(data.y.sum())} furniture, {int(data.answer.sum())} answer lines); "
            "leave-site-out:"
        )
        listed = int(data.listed.sum())
        rules = int((data.listed & ~data.rule_text).sum())
        print(
            f"rules alone (in-sample: written from these pages): listed furniture {rules}/{listed}"
        )
        alone = out_of_fold(data, rule_free)
        every = np.ones(len(data.y), dtype=bool)
        report(
            data,
            "model alone (no rule context), on every line",
            alone,
            every,
            threshold_above(alone[data.answer]),
        )
    # above every answer line the rules keep, whether or not ``candidates`` lets it be dropped
    threshold = threshold_above(both[data.rule_text & data.answer])
    if verbose:
        report(data, "rules + model, on the lines it may drop", both, data.candidate, threshold)
    final = fit(data.x, data.y)
    return {
        "about": "bot.line_model: logistic regression, written by scripts/train_line_model.py",
        "features": list(line_model.FEATURES),
        "means": [round(float(v), 6) for v in final.means],
        "scales": [round(float(v), 6) for v in final.scales],
        "weights": [round(float(v), 6) for v in final.weights],
        "bias": round(final.bias, 6),
        "threshold": threshold,
        "trained_on": {"pages": len(pages), "sites": len(set(data.site)), "lines": len(data.y)},
    }


def serialised(model: dict) -> str:
    return json.dumps(model, indent=1, ensure_ascii=False) + "\n"


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    options = parser.parse_args(arguments)
    text = serialised(train(load_pages(), verbose=not options.check))
    if options.check:
        same = line_model.MODEL_FILE.read_text(encoding="utf-8") == text
        print("the shipped model is what training gives" if same else "the shipped model differs")
        return 0 if same else 1
    line_model.MODEL_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {line_model.MODEL_FILE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
