"""The furniture line classifier (bot/line_model.py): the shipped weights, what it drops after
the rules, and that its training script gives the shipped file again."""

import json
from pathlib import Path

import pytest

from bot import line_model
from bot.cleaning import clean, line_verdicts
from tests.developer_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """Harbour storm leaves hundreds without power

By Jane Roe

The storm reached the coast on Monday night and tore the roofs off dozens of houses along the \
harbour, officials said, as rescuers worked through the rain to reach families cut off by the \
flooding.
"We have never seen anything like it," the mayor said.
Power lines were down across the district, and the utility said repairs could take a week or \
more in the worst-hit streets.
"""
PROSE, QUOTE, LAST = ARTICLE.split("\n")[4:7]


def test_the_shipped_model_loads_and_has_the_codes_features():
    data = json.loads(line_model.MODEL_FILE.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == line_model.FEATURES
    assert len(data["weights"]) == len(data["means"]) == len(line_model.FEATURES)
    model = line_model.shipped()
    assert 0.5 < model.threshold < 1.0


def test_a_model_of_other_features_is_refused():
    data = json.loads(line_model.MODEL_FILE.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="features"):
        line_model.LineModel(data)


def test_a_share_prompt_the_rules_keep_is_scored_as_furniture():
    """A share prompt no rule drops scores far above the article's lines. The model trained on
    93 dev rounds dropped it (0.985 against its threshold 0.98); trained on 96, its threshold
    is 0.99 (leave-site-out cross-validation keeps every answer line), so it stays in the text
    (docs/reading.md, "2026-12-07, night session")."""
    prompt = "Share your photos of the storm with our newsroom today!"
    page = ARTICLE + prompt + "\nComments\n"
    verdicts = line_verdicts(page)
    assert (prompt, "text") in verdicts  # no rule drops it
    lines, kinds = [line for line, _ in verdicts], [kind for _, kind in verdicts]
    model = line_model.shipped()
    score = model.probability(line_model.features(lines, kinds, lines.index(prompt)))
    assert score >= 0.95
    for line in (PROSE, QUOTE, LAST):
        assert model.probability(line_model.features(lines, kinds, lines.index(line))) < 0.5


def test_a_run_of_other_headlines_under_the_article_is_dropped():
    """Two other stories' headlines in title case, as sites print them, which the rules leave
    (they want three). In sentence case the pair sits at the model's threshold (0.980 against
    0.98 with the model trained on 85 dev rounds, 0.979 with 88), so it is not the example."""
    other = "Storm Warnings Were Ignored For A Week, Report Finds"
    page = ARTICLE + f"Advertisement\n{other}\nMayor Promises New Flood Barriers By Next Winter\n"
    assert (other, "text") in line_verdicts(page)  # two headlines: the rules want three
    assert other not in clean(page).paragraphs


def test_a_long_paragraph_and_a_short_quoted_sentence_are_kept():
    verdicts = dict(line_verdicts(ARTICLE, with_model=True))
    assert verdicts[PROSE] == verdicts[QUOTE] == verdicts[LAST] == "text"
    model = line_model.shipped()
    lines = list(verdicts)
    for line in (PROSE, QUOTE):
        everything_kept = ["text"] * len(lines)  # even with no rule's help around it
        vector = line_model.features(lines, everything_kept, lines.index(line))
        assert model.probability(vector) < model.threshold


def test_only_the_rules_text_lines_are_scored():
    model = line_model.shipped()
    lines = ["Advertisement", PROSE]
    assert model.furniture_lines(lines, ["caption", "text"]) == []
    assert model.furniture_lines(lines, ["heading", "text"]) == []


def test_training_on_the_dev_pages_gives_the_shipped_model():
    script = load_script("scripts/train_line_model.py")
    trained = script.train(script.load_pages(), verbose=False)
    shipped = json.loads(line_model.MODEL_FILE.read_text(encoding="utf-8"))
    assert trained["features"] == shipped["features"]
    assert trained["threshold"] == shipped["threshold"]
    assert trained["trained_on"] == shipped["trained_on"]
    for name in ("means", "scales", "weights"):  # another BLAS may round the last digit
        assert trained[name] == pytest.approx(shipped[name], abs=1e-4)
    assert trained["bias"] == pytest.approx(shipped["bias"], abs=1e-4)
