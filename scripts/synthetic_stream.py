#!/usr/bin/env python3
"""Writes a synthetic news stream (JSONL) for the clustering growth benchmark.

Shape, chosen to stress what grows with a real stream rather than to look
like English: articles arrive in publication order, --per-day a day; each
belongs to an event that lives a few days (exponential, mean --event-days)
and has its own 25 words drawn from a 200,000-word made-up vocabulary (names,
places, topic words); the rest of each article is background words drawn from
that vocabulary by a Zipf law, as word frequencies are. About 5% of articles
are wire copies of an earlier article of their event (one word changed).
So live stories, vocabulary and the fingerprint index all grow as a real
stream's do, and old events go quiet and should go dormant.

Deterministic for a given --seed. Standard library only.

  scripts/synthetic_stream.py -n 1000000 | build/bench/cluster_eval --synthetic
"""
import argparse
import bisect
import datetime
import itertools
import json
import math
import random
import sys

SYLLABLES = [a + b for a in "bcdfghjklmnprstvz" for b in "aeiou"]


def make_word(i):
    """A pronounceable made-up word per integer: 'zokabi', ... (never an English stop word)."""
    parts = []
    i += 85  # at least two syllables
    while i:
        i, r = divmod(i, len(SYLLABLES))
        parts.append(SYLLABLES[r])
    return "".join(parts) + "x"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=1000000, help="articles")
    ap.add_argument("--per-day", type=int, default=2000)
    ap.add_argument("--event-days", type=float, default=3.0)
    ap.add_argument("--vocabulary", type=int, default=200000)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    vocab = [make_word(i) for i in range(args.vocabulary)]
    cum = list(itertools.accumulate(1.0 / (r + 1) for r in range(args.vocabulary)))
    total = cum[-1]

    # Background phrases are drawn once and reused: drawing every word by
    # bisection made the script, not the clusterer, the slow half of the run.
    def draw(k):
        return [vocab[bisect.bisect_left(cum, rng.random() * total)] for _ in range(k)]
    phrases = [draw(9) for _ in range(20000)]

    start = datetime.datetime(2025, 1, 1)
    live = []  # [event id, end time in days, words, last article text]
    next_event = 0
    out = sys.stdout
    for i in range(args.n):
        day = i / args.per_day
        live = [e for e in live if e[1] > day]
        # New events arrive so that about 30 articles fall on each.
        if not live or rng.random() < 1 / 30:
            words = [vocab[rng.randrange(1000, args.vocabulary)] for _ in range(25)]
            live.append([next_event, day + rng.expovariate(1 / args.event_days), words, None])
            next_event += 1
        e = rng.choice(live)
        if e[3] is not None and rng.random() < 0.05:
            title, text = e[3]
            body = text.split(" ")
            body[rng.randrange(len(body))] = vocab[rng.randrange(args.vocabulary)]
            text = " ".join(body)
        else:
            title = " ".join(rng.sample(e[2], 6)).capitalize()
            sentences = []
            for _ in range(6):
                s = rng.sample(e[2], 5) + rng.choice(phrases)
                rng.shuffle(s)
                sentences.append(" ".join(s).capitalize() + ".")
            text = " ".join(sentences)
            e[3] = (title, text)
        when = start + datetime.timedelta(days=day)
        out.write(json.dumps({"id": "%032x" % (i + 1), "event": e[0], "title": title, "text": text,
                              "date": when.strftime("%Y-%m-%dT%H:%M")}) + "\n")


if __name__ == "__main__":
    main()
