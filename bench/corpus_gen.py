"""Generate a help centre at the assignment's scale (5,000 articles, 200 FAQ pages, 50 manuals,
about 2M words), deterministically, from the demo corpus's own paragraphs recombined with varied
product names, numbers and headings. Only for throughput work: the text is plausible, not true."""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from core.loaders import load_document
from core.settings import REPO_ROOT

DEMO = REPO_ROOT / "corpus" / "lumen-market"
PRODUCTS = [
    "Volt 14",
    "Volt 16 Pro",
    "Aurora X2",
    "Aurora Buds",
    "TrailLite 2",
    "TrailLite 4",
    "HomeHub Plug",
    "HomeHub Cam",
    "BrewMaster 900",
    "BrewMaster Mini",
    "Nimbus Phone 8",
    "Nimbus Tab 11",
    "Cirrus Watch",
    "Stratus Speaker",
    "Quill E-reader",
    "Ridge Bike 29",
    "Ember Kettle",
    "Frost Fridge 300",
]
TOPICS = [
    "returns",
    "shipping",
    "payments",
    "warranty",
    "account",
    "orders",
    "gift cards",
    "membership",
    "repairs",
    "setup",
    "troubleshooting",
    "care and cleaning",
    "accessories",
    "software updates",
    "batteries",
]


def demo_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for path in sorted(DEMO.rglob("*")):
        if path.is_file() and path.suffix in {".md", ".html", ".pdf"}:
            document = load_document(path, path.name, 50_000_000)
            for section in document.sections:
                paragraphs.extend(p.strip() for p in re.split(r"\n{1,}", section.text) if len(p.split()) >= 12)
    return paragraphs


def _vary(paragraph: str, rng: random.Random) -> str:
    text = re.sub(r"\b\d+\b", lambda m: str(max(1, int(m.group(0)) + rng.randint(-3, 3))), paragraph)
    return text.replace("Lumen", rng.choice(["Lumen", "Lumen Market", "our shop"]))


def _article(rng: random.Random, paragraphs: list[str], sections: int, per_section: int) -> str:
    product, topic = rng.choice(PRODUCTS), rng.choice(TOPICS)
    lines = [f"# {product}: {topic} ({rng.randint(1000, 9999)})", ""]
    for s in range(sections):
        lines += [f"## {rng.choice(TOPICS).capitalize()} for the {product}, part {s + 1}", ""]
        lines += [_vary(rng.choice(paragraphs), rng) + "\n" for _ in range(per_section)]
    return "\n".join(lines)


def generate(target: Path, seed: int = 7, articles: int = 5000, faqs: int = 200, manuals: int = 50) -> int:
    """Write the corpus into `target` (replacing it); return the word count."""
    rng = random.Random(seed)
    paragraphs = demo_paragraphs()
    if target.exists():
        for old in sorted(target.rglob("*"), reverse=True):
            old.unlink() if old.is_file() else old.rmdir()
    words = 0
    plan = [("articles", articles, 2, 5), ("faq", faqs, 12, 2), ("manuals", manuals, 40, 6)]
    for folder, count, sections, per_section in plan:
        (target / folder).mkdir(parents=True, exist_ok=True)
        for i in range(count):
            text = _article(rng, paragraphs, sections, per_section)
            (target / folder / f"{folder}-{i:05d}.md").write_text(text)
            words += len(text.split())
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"{generate(args.target, args.seed):,} words written to {args.target}")


if __name__ == "__main__":
    main()
