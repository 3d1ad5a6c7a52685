"""Build a benchmark corpus by recombining the sample corpus's paragraphs (deterministic).

    python bench/corpus.py --articles 5000 -o /tmp/bench-corpus.jsonl

Each article takes a sample article's title and date and 4-8 paragraphs drawn from the whole
sample corpus, then a byline with made-up names, so that, as in real news, every article brings
words spaCy has not met before (what a long run must not accumulate).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "corpus" / "articles.jsonl"
_SYLLABLES = ("ka", "lo", "mir", "dan", "vel", "tor", "ush", "en", "ba", "rik", "so", "zel",
              "an", "gor", "ti", "nak", "bre", "os", "lu", "ved")


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()

    return f"{word()} {word()}"


def build(n_articles: int, out: Path, seed: int = 13, paragraphs: tuple[int, int] = (4, 8),
          bylines: bool = True) -> Path:
    """Write ``n_articles`` JSONL records to ``out``; same arguments, same file."""
    records = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    pool = [p for r in records for p in r["text"].split("\n\n") if p.strip()]
    rng = random.Random(seed)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n_articles):
            base = records[i % len(records)]
            chosen = rng.sample(pool, k=min(len(pool), rng.randint(*paragraphs)))
            if bylines:
                chosen.append(f"Reporting by {_name(rng)}; editing by {_name(rng)}.")
            f.write(json.dumps({"id": f"bench-{i:07d}", "title": base["title"],
                                "published": base["published"], "source": base.get("source"),
                                "text": "\n\n".join(chosen)}) + "\n")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--paragraphs", type=int, nargs=2, default=(4, 8), metavar=("MIN", "MAX"))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("-o", "--output", type=Path, default=Path("/tmp/tidings-bench-corpus.jsonl"))
    args = parser.parse_args()
    print(build(args.articles, args.output, seed=args.seed, paragraphs=tuple(args.paragraphs)))
