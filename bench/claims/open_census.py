#!/usr/bin/env python3
"""Conflicts on multi-outlet news with no claims gold, for reading by hand.

The claims gold holds few conflicts, so the way conflicts go wrong is seen on
other stories: ECB+ sub-topics (several articles on one event) and the
Timeline17 topics told by two or more outlets. This turns them into JSONL
(one made-up host per ECB+ article, one per Timeline17 outlet; Timeline17's
PTB tokens undone), runs `newsfuse digest` on each, and prints every conflict
with each side's words in context. Nothing of the data is kept in the
repository; the output folder is yours.

    bench/claims/open_census.py --newsfuse build/newsfuse --out /tmp/census [--set ecb|t17|all]

Prints one block per conflict and a total per set; compare two builds by
running it twice with different --out folders.
"""
import argparse
import glob
import gzip
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "bench")


def ecb_stories(out_dir):
    """One JSONL per ECB+ sub-topic of three or more articles."""
    path = os.path.join(SHARED, "news-clustering", "ecbplus", "ecbplus_docs.jsonl.gz")
    by_subtopic = defaultdict(list)
    with gzip.open(path, "rt") as f:
        for line in f:
            doc = json.loads(line)
            by_subtopic[doc["subtopic"]].append(doc)
    files = []
    for subtopic, docs in sorted(by_subtopic.items()):
        if len(docs) < 3:
            continue
        name = os.path.join(out_dir, "ecb-%s.jsonl" % subtopic)
        with open(name, "w") as f:
            for i, doc in enumerate(docs):
                host = "outlet%d-%s.org" % (i, doc["id"].replace("_", "-"))
                f.write(json.dumps({"url": "https://%s/story" % host,
                                    "title": doc["title"] or doc["sentences"][0],
                                    "text": " ".join(doc["sentences"])}) + "\n")
        files.append(name)
    return files


def detokenize(s):
    s = s.replace("`` ", '"').replace(" ''", '"').replace("` ", "'").replace(" '", "'")
    s = re.sub(r" ([.,;:!?%)])", r"\1", s)
    s = re.sub(r"([($]) ", r"\1", s)
    return re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)


def t17_stories(out_dir):
    """One JSONL per Timeline17 topic that two or more outlets tell."""
    base = os.path.join(SHARED, "timeline17", "data")
    outlets = defaultdict(list)
    for folder in sorted(os.listdir(base)):
        topic, outlet = folder.split("_", 1)
        outlets[topic].append(outlet)
    files = []
    for topic, names in sorted(outlets.items()):
        if len(names) < 2:
            continue
        name = os.path.join(out_dir, "t17-%s.jsonl" % topic)
        with open(name, "w") as f:
            for outlet in names:
                for doc in sorted(glob.glob(os.path.join(base, "%s_%s" % (topic, outlet), "InputDocs", "*", "*"))):
                    day = os.path.basename(os.path.dirname(doc))
                    with open(doc, errors="replace") as text:
                        lines = [detokenize(l.strip()) for l in text if l.strip()]
                    if len(lines) < 3:
                        continue
                    f.write(json.dumps({"url": "https://www.%s.com/%s/%s/%s" % (outlet, topic, day, os.path.basename(doc)),
                                        "title": lines[0][:200], "text": "\n".join(lines[1:]), "date": day}) + "\n")
        files.append(name)
    return files


def show(report_dir, texts):
    """Prints each conflict of the reports in report_dir; returns how many."""
    n = 0
    for path in sorted(glob.glob(os.path.join(report_dir, "story-*.json"))):
        with open(path) as f:
            report = json.load(f)
        urls = {s["id"]: s.get("url", "") for s in report.get("sources", [])}
        for c in report.get("conflicts", []):
            n += 1
            print("## %s %s | %s" % (os.path.basename(report_dir), c.get("severity", ""), c.get("subject", "")))
            for side in c.get("sides", []):
                print("  = %s" % side.get("value", ""))
                for w in side.get("wording", []):
                    body = texts.get(urls.get(w["source"], ""), "").encode()
                    a, b = w["span"]
                    around = body[max(0, a - 150):b + 100].decode("utf8", "replace").replace("\n", " ")
                    print("     %s >> %s" % (w["source"], around))
    return n


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--newsfuse", default="build/newsfuse")
    p.add_argument("--out", required=True)
    p.add_argument("--set", choices=["ecb", "t17", "all"], default="all")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    sets = {"ecb": ecb_stories, "t17": t17_stories}
    for set_name, make in sets.items():
        if args.set not in (set_name, "all"):
            continue
        total, stories = 0, 0
        for feed in make(args.out):
            stem = os.path.splitext(feed)[0]
            texts = {}
            with open(feed) as f:
                for line in f:
                    doc = json.loads(line)
                    texts[doc["url"]] = doc["text"]
            for old in glob.glob(stem + ".db*"):
                os.remove(old)
            run = subprocess.run([args.newsfuse, "digest", feed, "--db", stem + ".db", "-o", stem,
                                  "--print", "none", "--no-progress"], capture_output=True, text=True)
            written = len(glob.glob(os.path.join(stem, "story-*.json")))
            if run.returncode != 0:
                # An article the extractor refuses fails alone; the rest is digested.
                if not written:
                    sys.exit("open_census: digest of %s failed: %s" % (feed, run.stderr.strip()))
                print("open_census: %s: %s" % (feed, run.stderr.strip().splitlines()[0]), file=sys.stderr)
            stories += written
            total += show(stem, texts)
        print("open_census set=%s stories=%d conflicts=%d" % (set_name, stories, total))


if __name__ == "__main__":
    main()
