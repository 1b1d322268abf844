"""What the reader makes of a set of files (metadata, text, passages), to compare two versions.

    python eval/pages/reading_snapshot.py dump before.json [GLOB ...]
    # ... change the rules ...
    python eval/pages/reading_snapshot.py dump after.json [GLOB ...]
    python eval/pages/reading_snapshot.py compare before.json after.json

By default it reads knowledge/*.md and, when present, ../shared/seeds/*.txt (the bundled
articles' raw captures). Each file is read alone, as ``parse_article`` reads it.
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

from bot.ingest.text import parse_article
from bot.passages import chunk_article

DEFAULTS = ["knowledge/*.md", "../shared/seeds/*.txt"]


def files(patterns: list[str]) -> list[Path]:
    found = []
    for pattern in patterns:
        pattern_path = Path(pattern)
        found += sorted(pattern_path.parent.glob(pattern_path.name))
    return [path for path in found if path.name.lower() != "readme.md"]


def dump(out: Path, patterns: list[str]) -> None:
    snapshot = {}
    for path in files(patterns or DEFAULTS):
        article = parse_article(path.read_bytes(), article_id=path.stem, path=str(path))
        snapshot[f"{path.parent.name}/{path.name}"] = {
            "meta": {key: str(value) for key, value in article.reference().items()},
            "guessed": list(article.guessed),
            "text": article.text,
            "passages": [passage.text for passage in chunk_article(article)],
        }
    out.write_text(json.dumps(snapshot, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(snapshot)} files read into {out}")


def compare(before_path: Path, after_path: Path) -> int:
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    changed = 0
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        changed += 1
        print(f"{name}: changed")
        if old and new and old["meta"] != new["meta"]:
            print(f"  metadata {old['meta']} -> {new['meta']}")
        if old and new:
            for line in difflib.unified_diff(
                old["text"].split("\n\n"), new["text"].split("\n\n"), lineterm="", n=0
            ):
                print(f"  {line[:160]}")
            if old["passages"] != new["passages"]:
                print(f"  passages: {len(old['passages'])} -> {len(new['passages'])}")
    print(f"{changed} of {len(set(before) | set(after))} files read differently")
    return 1 if changed else 0


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "dump":
        dump(Path(rest[0]), rest[1:])
    else:
        sys.exit(compare(Path(rest[0]), Path(rest[1])))
