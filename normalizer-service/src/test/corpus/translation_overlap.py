#!/usr/bin/env python3
"""How alike translations into close languages are, as the near-duplicate matching sees them.

Run from normalizer-service/: python3 src/test/corpus/translation_overlap.py
For pairs of close languages, takes 200 random sets of six messages translated into both (the
Debian gettext catalogs build_corpus.py reads), joins each set as a text per language, and prints
the Jaccard similarity and containment of their word 3-gram sets. Translations stay separate
stories only if these stay well under the matching thresholds (Jaccard 0.6, containment 0.8).
"""
import random, re

# the catalog reader of build_corpus.py, without building anything
exec(open("src/test/corpus/build_corpus.py").read().split("cats = {l: catalog(l)")[0])

PAIRS = [("hr", "sr"), ("cs", "sk"), ("es", "pt"), ("da", "nb"), ("sv", "nb"), ("ru", "uk"),
         ("bg", "ru"), ("es", "ca"), ("id", "ms"), ("sl", "hr"), ("it", "es")]


def shingles(text):
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


catalogs = {l: catalog(l) for l in sorted({l for p in PAIRS for l in p})}
pick = random.Random(1)
for a, b in PAIRS:
    keys = [k for k in catalogs[a] if k in catalogs[b]]
    scores = []
    for _ in range(200):
        chosen = pick.sample(keys, 6)
        sa = shingles(" ".join(catalogs[a][k] + "." for k in chosen))
        sb = shingles(" ".join(catalogs[b][k] + "." for k in chosen))
        if sa and sb:
            shared = len(sa & sb)
            scores.append((shared / len(sa | sb), shared / min(len(sa), len(sb))))
    print(f"{a}-{b} aligned={len(keys)} meanJaccard={sum(j for j, _ in scores) / len(scores):.3f}"
          f" maxJaccard={max(j for j, _ in scores):.3f} maxContainment={max(c for _, c in scores):.3f}")
