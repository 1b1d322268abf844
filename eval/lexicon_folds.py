"""The learned lexicon (``bot.lexicon``) measured on question sets it was not learned from.

    INDEX_CACHE=false python eval/lexicon_folds.py OUT [--without]

Splits the dev question sets (``eval/pooled.py``'s, each asked of its own pages as with
``--isolated``) in two by their order (even and odd), learns the table from one half
(``scripts/build_lexicon.py``'s rule) and asks the other half with it, then the other way round,
and prints both halves' counts together as ``pooled.py`` prints them, writing each question's
outcome to OUT. With ``--without``, the same sets are asked with an empty table: the figures to
compare with. Held-out sets are never read here.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from build_lexicon import learn, render
from pooled import dev_sets, isolated, main

import bot.lexicon


def ask_with(
    table: str, sets: list[tuple[Path, Path]], out: Path, scratch: Path
) -> tuple[int, ...]:
    """The counts of ``sets`` asked with the lexicon ``table`` (a file's text)."""
    path = scratch / "lexicon.tsv"
    path.write_text(table, encoding="utf-8")
    bot.lexicon.TABLE = path
    bot.lexicon.learned.cache_clear()
    return main(out, sets)


def run(out: Path, *, without: bool) -> None:
    sets = dev_sets()
    halves = [sets[0::2], sets[1::2]]
    with tempfile.TemporaryDirectory() as scratch:
        counts = []
        for number, half in enumerate(halves):
            other = halves[1 - number]
            table = "" if without else render(learn(other))
            pages = Path(scratch) / f"pages{number}"
            pages.mkdir()
            asked = isolated(half, pages)
            counts.append(ask_with(table, asked, out.with_suffix(f".{number}"), Path(scratch)))
    answerable, unanswerable, hit1, hit3, wrongly, declined = map(sum, zip(*counts, strict=True))
    out.write_text(
        "".join(out.with_suffix(f".{n}").read_text(encoding="utf-8") for n in range(2)),
        encoding="utf-8",
    )
    for number in range(2):
        out.with_suffix(f".{number}").unlink()
    print(
        f"both halves, answerable {answerable} unanswerable {unanswerable}: hit@1 {hit1} "
        f"hit@3 {hit3} wrongly {wrongly} declined {declined}"
    )


if __name__ == "__main__":
    run(Path(sys.argv[1]), without="--without" in sys.argv[2:])
