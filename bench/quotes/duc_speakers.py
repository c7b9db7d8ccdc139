#!/usr/bin/env python3
"""Direct quotes on the DUC 2004 topics outside the claims gold, by who speaks (issue 18).

    python3 bench/quotes/duc_speakers.py [--newsfuse build/newsfuse] [--rows out.json [--all]]

Runs `newsfuse analyze --format json` on every document of the DUC 2004 topics that
../shared/bench/claims-gold/ does not hold (those are claims_eval's dev and test parts) and
counts the direct quotes with a named speaker, with a described one ("the committee") and with
none. --rows writes each direct quote (with --all, reported speech too) with 200 characters
before it, for reading what changed.
No gold: a count to read beside the rows, not a score.
"""
import argparse
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "..", "shared", "bench")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--newsfuse", default=os.path.join(HERE, "..", "..", "build", "newsfuse"))
    ap.add_argument("--rows")
    ap.add_argument("--all", action="store_true", help="--rows lists reported speech too")
    args = ap.parse_args()
    docs = os.path.join(SHARED, "duc2004", "docs")
    gold = os.path.join(SHARED, "claims-gold")
    if not os.path.isdir(docs) or not os.path.isdir(gold):
        print("duc_speakers: skipped (no %s or %s)" % (docs, gold))
        return
    held = {f[:-5] for f in os.listdir(gold) if f.endswith(".json")}
    counts = {"direct": 0, "named": 0, "described": 0, "none": 0}
    rows = []
    for topic in sorted(t for t in os.listdir(docs) if t not in held):
        for name in sorted(os.listdir(os.path.join(docs, topic))):
            path = os.path.join(docs, topic, name)
            out = subprocess.run([args.newsfuse, "analyze", "--format", "json", path],
                                 capture_output=True, text=True, check=True).stdout
            article = json.loads(out)
            body = article["body"]
            for q in article["quotes"]:
                who = q["speaker"]["name"] if q.get("speaker") else None
                desc = q.get("speaker_description")
                if q["direct"]:
                    counts["direct"] += 1
                    counts["named" if who else "described" if desc else "none"] += 1
                elif not args.all:
                    continue
                b, e = q["content"]["begin"], q["content"]["end"]
                rows.append({"topic": topic, "doc": name, "direct": q["direct"],
                             "speaker": who, "description": desc,
                             "span": (q.get("speaker_span") or {}).get("text"),
                             "context": body[max(0, b - 200):b] + "[[" + body[b:e] + "]]"})
    print("duc_speakers topics=%d direct=%d named=%d described=%d none=%d" %
          (len({r["topic"] for r in rows}), counts["direct"], counts["named"],
           counts["described"], counts["none"]))
    if args.rows:
        with open(args.rows, "w") as f:
            json.dump(rows, f, indent=0)


if __name__ == "__main__":
    main()
