"""jusText's paragraph classification against bot.cleaning on the dev pages.

Each line of a page goes to jusText as a paragraph; a line is dropped when jusText calls it
boilerplate (jusText comes with the `bench` extra). Counted: furniture lines dropped
(furniture.yml) and expected answers (questions.yml) no longer in the kept text. Only the dev
part is read. Run from the repository root:

    python eval/pages/compare_justext.py                      # jusText's defaults
    python eval/pages/compare_justext.py length_low=20 length_high=80 max_link_density=1.0
"""

from __future__ import annotations

import html
import sys
from collections.abc import Callable
from pathlib import Path

import justext
import yaml

from bot.cleaning import clean, line_key

DEV = Path(__file__).resolve().parent / "dev"


def kept_by_justext(text: str, settings: dict[str, float]) -> set[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    page = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    paragraphs = justext.justext(
        f"<html><body>{page}</body></html>".encode(), justext.get_stoplist("English"), **settings
    )
    return {line_key(p.text) for p in paragraphs if not p.is_boilerplate}


def kept_by_cleaning(text: str) -> set[str]:
    return {line_key(line) for p in clean(text).paragraphs for line in p.split("\n")}


def measure(kept: Callable[[str], set[str]]) -> tuple[int, int, int, int]:
    furniture = yaml.safe_load((DEV / "furniture.yml").read_text(encoding="utf-8"))
    questions = yaml.safe_load((DEV / "questions.yml").read_text(encoding="utf-8"))["answerable"]
    dropped = furniture_lines = lost = answer_lines = 0
    for page in sorted(DEV.glob("*.txt")):
        text = page.read_text(encoding="utf-8")
        lines = kept(text)
        for line in furniture.get(page.stem, []):
            furniture_lines += 1
            dropped += line_key(line) not in lines
        kept_text = " ".join(lines)
        for question in questions:
            if question["article"] == page.stem:
                answer_lines += 1
                lost += line_key(question["expect"]) not in kept_text
    return dropped, furniture_lines, lost, answer_lines


def main(arguments: list[str]) -> None:
    settings = {name: float(value) for name, value in (a.split("=") for a in arguments)}
    for name, kept in [
        ("jusText", lambda text: kept_by_justext(text, settings)),
        ("bot.cleaning", kept_by_cleaning),
    ]:
        dropped, furniture, lost, answers = measure(kept)
        print(
            f"{name:13} furniture lines dropped {dropped}/{furniture}, answers lost {lost}/{answers}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
