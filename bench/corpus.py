"""Build a benchmark corpus by recombining the sample corpus's paragraphs (deterministic).

    python bench/corpus.py --articles 5000 -o /tmp/bench-corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "corpus" / "articles.jsonl"


def build(n_articles: int, out: Path, seed: int = 13) -> Path:
    records = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = [p for r in records for p in r["text"].split("\n\n") if p.strip()]
    rng = random.Random(seed)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n_articles):
            base = records[i % len(records)]
            chosen = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(4, 8)))
            f.write(json.dumps({"id": f"bench-{i:07d}", "title": base["title"],
                                "published": base["published"], "source": base.get("source"),
                                "text": "\n\n".join(chosen)}) + "\n")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("-o", "--output", type=Path, default=Path("/tmp/tidings-bench-corpus.jsonl"))
    args = parser.parse_args()
    print(build(args.articles, args.output))
