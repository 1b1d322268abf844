"""The line classifier on "the next site": each later round of dev pages read by the rules as
they were before that round (its pages were committed before any rule they led to), then by
the model trained on every other site (leave-site-out). This is the fairest estimate the dev
pages give of what the model adds on a site nobody wrote a rule from.

For rounds two to eleven: the commit that added the round's pages is checked out (``git
archive``, ``bot/`` and ``eval/pages/dev/`` only) into a temporary folder, its ``clean`` reads
the round's pages, and a line counts as kept by those rules when it is in their text. Counted:
furniture lines (the round's ``furniture.yml``) the old rules kept, and how many of them the
model drops; answer lines (expected phrases) and other body lines the model drops. Run from the
repository root (needs git):

    python scripts/measure_line_model_rounds.py [--thresholds 0.5,0.7,0.9]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_line_model import DEV, REPO, _yaml, fit, load_pages, rows

from bot import line_model
from bot.cleaning import line_key

ROUNDS = {
    "round2": "ec884bf",
    "round3": "c95828e",
    "round4": "9373c65",
    "round5": "ea91e83",
    "round6": "587e90b",
    "round7": "4776695",
    "round8": "e676ac6",
    "round9": "9c63d74",
    "round10": "8813bb4",
    "round11": "e13a3f7",
}
"""Each round and the commit that added its pages, before any rule of the round."""

_READ_WITH_OLD_RULES = """
import json, sys
from pathlib import Path
from bot.cleaning import clean, repeated_lines
folder = Path("eval/pages/dev")
bodies = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
shared = repeated_lines(bodies)
wanted = json.loads(sys.argv[1])
out = {}
for slug in wanted:
    result = clean(bodies[slug], None, shared[slug])
    headline = "" if getattr(result, "title_guessed", False) else result.headline or ""
    out[slug] = [result.paragraphs, sorted(result.captions), headline]
print(json.dumps(out))
"""


def read_with_old_rules(commit: str, slugs: list[str]) -> dict[str, list]:
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", commit, "bot", "eval/pages/dev"],
        check=True,
        capture_output=True,
    ).stdout
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        done = subprocess.run(
            [sys.executable, "-c", _READ_WITH_OLD_RULES, json.dumps(slugs)],
            cwd=folder,
            env={"PYTHONPATH": folder, "PATH": "/usr/bin:/bin"},
            check=True,
            capture_output=True,
            text=True,
        )
    return json.loads(done.stdout)


def old_verdicts(
    lines: list[str], paragraphs: list[str], captions: list[int], headline: str
) -> list[str]:
    """A verdict per line of today's splitting from the old rules' reading: "caption", "text"
    when the line is (in) a kept paragraph, "headline" when it is the headline they read,
    else "furniture"."""
    kept: dict[str, str] = {}
    for number, paragraph in enumerate(paragraphs):
        for part in paragraph.split("\n"):
            kept[line_key(part)] = "caption" if number in captions else "text"
    joined = " \n ".join(kept)
    verdicts = []
    for line in lines:
        key = line_key(line)
        if key == line_key(headline):
            verdicts.append("headline")
        elif key in kept:
            verdicts.append(kept[key])
        else:
            verdicts.append("text" if len(key.split()) >= 3 and key in joined else "furniture")
    return verdicts


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--thresholds", default="")
    options = parser.parse_args(arguments)
    shipped = line_model.shipped()
    thresholds = [shipped.threshold] + [float(t) for t in options.thresholds.split(",") if t]
    pages = {page.slug: page for page in load_pages()}
    data = rows(list(pages.values()))
    models = {}
    totals = {t: np.zeros(6, dtype=int) for t in thresholds}
    missed_total = listed_total = 0
    for round_, commit in ROUNDS.items():
        furniture = _yaml(DEV / round_ / "furniture.yml")
        slugs = sorted(_yaml(DEV / round_ / "truth.yml")["pages"])
        old = read_with_old_rules(commit, slugs)
        counts = {t: np.zeros(6, dtype=int) for t in thresholds}
        missed = listed = 0
        for slug in slugs:
            page = pages[slug]
            if page.site not in models:
                held = data.site == page.site
                models[page.site] = fit(data.x[~held], data.y[~held])
            verdicts = old_verdicts(page.lines, *old[slug])
            may_drop = set(line_model.candidates(page.lines, verdicts))
            listed_keys = {line_key(entry) for entry in furniture.get(slug, [])}
            for index, verdict in enumerate(verdicts):
                is_listed = line_key(page.lines[index]) in listed_keys
                listed += is_listed
                if verdict != "text":
                    continue
                missed += is_listed
                vector = np.array([line_model.features(page.lines, verdicts, index)])
                probability = float(models[page.site].probability(vector)[0])
                is_answer = index in page.answers
                furniture_now = page.verdicts[index] not in line_model.KEPT
                for t in thresholds:
                    drop = index in may_drop and probability >= t
                    counts[t] += [
                        drop and is_listed,
                        drop and is_answer,
                        is_answer,
                        drop and not is_listed,
                        not is_listed,
                        drop and not is_listed and furniture_now,
                    ]
        missed_total += missed
        listed_total += listed
        for t in thresholds:
            totals[t] += counts[t]
        figures = "; ".join(
            f"at {t:.2f}: caught {c[0]}, answer lines lost {c[1]}/{c[2]}, body lost {c[3]}/{c[4]}"
            for t, c in counts.items()
        )
        print(f"{round_:8} furniture kept by the old rules {missed}/{listed}; {figures}")
    for t, c in totals.items():
        print(
            f"all rounds at {t:.2f}: furniture kept by the old rules {missed_total}/{listed_total}, "
            f"caught by the model {c[0]}; answer lines lost {c[1]}/{c[2]}; "
            f"other kept lines dropped {c[3]}/{c[4]} ({c[5]} of them dropped by today's rules)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
