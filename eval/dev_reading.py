"""The dev pages' reading figures, all rounds at once: metadata fields right and invented over
every dev ``truth.yml``, and the lines listed in every dev ``furniture.yml`` that are left in a
passage of their article (whether or not an answer quotes it).

    python eval/dev_reading.py [--list]

``--list`` names each field missed and each furniture line left. Set ``INDEX_CACHE=false``
when comparing checkouts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The build's worker processes import ``bot`` afresh: this checkout's, not the installed one.
os.environ["PYTHONPATH"] = os.pathsep.join(
    filter(None, [sys.path[0], os.environ.get("PYTHONPATH")])
)

from bot.evaluation import READING_FIELDS, _acceptable, _contains, _field_value, normalise_field
from bot.knowledge_base import KnowledgeBase
from bot.snapshot import Snapshot

DEV = Path(__file__).resolve().parent / "pages" / "dev"


def metadata(snapshot: Snapshot, listing: bool) -> tuple[int, int, int]:
    """Fields right, fields checked and fields invented (a value where the page shows none)."""
    right = checked = invented = 0
    for truth in [DEV / "truth.yml", *sorted(DEV.glob("round*/truth.yml"))]:
        pages = (yaml.safe_load(truth.read_text()) or {}).get("pages") or {}
        for slug, shown in pages.items():
            article = snapshot.articles.get(slug)
            for name in READING_FIELDS:
                accepted = _acceptable(shown.get(name))
                found = normalise_field(_field_value(article, name)) if article else ""
                made_up = bool(article is not None and found and not any(accepted))
                right += article is not None and found in accepted
                checked += 1
                invented += made_up
                if listing and (article is None or found not in accepted):
                    note = " (invented)" if made_up else ""
                    print(f"field {slug} {name}: {found!r}, shown {sorted(accepted)}{note}")
    return right, checked, invented


def furniture_left(snapshot: Snapshot, listing: bool) -> int:
    """Listed furniture lines found in any passage of their article."""
    texts: dict[str, list[str]] = {}
    for passage in snapshot.passages:
        texts.setdefault(passage.article_id, []).append(passage.text)
    left = 0
    for listed in [DEV / "furniture.yml", *sorted(DEV.glob("round*/furniture.yml"))]:
        for slug, lines in (yaml.safe_load(listed.read_text()) or {}).items():
            for line in lines or []:
                if any(_contains(text, line) for text in texts.get(slug, [])):
                    left += 1
                    if listing:
                        print(f"furniture {slug}: {line[:100]}")
    return left


def main(listing: bool = False) -> None:
    snapshot = KnowledgeBase(DEV).snapshot
    right, checked, invented = metadata(snapshot, listing)
    left = furniture_left(snapshot, listing)
    print(f"metadata {right} of {checked} invented {invented}; furniture lines in passages {left}")


if __name__ == "__main__":
    main("--list" in sys.argv)
