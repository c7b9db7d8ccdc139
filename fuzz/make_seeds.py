#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/<target>/ from the tests' inputs.

Seeds are small (each under 4 KiB) and come from the unit tests' own inputs
(tests/ingest/ingest_test.cc fixtures, tests/core/date_test.cc,
tests/data/analysis/*, tests/data/e2e), never from benchmark data. Re-run after
changing a test fixture: python3 fuzz/make_seeds.py. The report_json_fuzzer
seeds are reports the engine wrote (story_render_fuzzer with
NEWSFUSE_FUZZ_DUMP_REPORTS=DIR run with -runs=0 on its corpus, see
docs/reliability.md);
this script leaves them alone.
"""
import gzip
import json
import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def write(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) <= 4096, (target, name, len(data))
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def reset(target):
    shutil.rmtree(os.path.join(CORPUS, target), ignore_errors=True)


def member(data):
    # mtime=0: the same seed bytes on every run.
    return gzip.compress(data.encode("utf-8") if isinstance(data, str) else data, mtime=0)


# ---- ingest: the fixtures of tests/ingest/ingest_test.cc ----
FEED = ("\ufeff{\"url\":\"https://a.example/1\",\"outlet\":\"Reuters\",\"title\":\"T1\","
        "\"published\":\"2026-02-05\",\"author\":\"Jane Doe\",\"text\":\"Body one.\\r\\nMore.\"}\n"
        "\n"
        "{\"url\": \"https://a.example/3\", \"text\": \"unterminated}\n"
        "[1, 2, 3]\n"
        "{\"url\":\"https://a.example/5\",\"title\":\"no body\"}\n"
        "{\"title\":7,\"text\":\"x\"}\n"
        "{\"author\":[\"A. One\",\"B. Two\"],\"outlet\":null,\"html\":\"<p>Two</p>\"}\r\n"
        "{\"author\":[\"A. One\",3],\"text\":\"x\"}\n"
        "{\"text\":\"   \",\"html\":\"\"}\n"
        "{\"text\":\"last line, no newline\"}")
HTTP_TYPE = "application/http; msgtype=response"


def warc_record(kind, uri, content_type, block):
    if isinstance(block, str):
        block = block.encode("utf-8")
    r = "WARC/1.0\r\nWARC-Type: " + kind + "\r\n"
    if uri:
        r += "WARC-Target-URI: " + uri + "\r\n"
    r += "WARC-Date: 2026-02-06T04:04:00Z\r\nContent-Type: " + content_type + "\r\n"
    r += "Content-Length: %d\r\n\r\n" % len(block)
    return r.encode() + block + b"\r\n\r\n"


def http_response(status, headers, body):
    if isinstance(body, str):
        body = body.encode("utf-8")
    return ("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: %d\r\n\r\n" % len(body)).encode() + body


def warc_records():
    html = "<html><body><p>Ceasefire talks resume.</p></body></html>"
    html2 = "<html><body><p>Talks stall again.</p></body></html>"
    gz = member(html2)
    chunked = b"a\r\n" + gz[:10] + b"\r\n" + ("%x\r\n" % (len(gz) - 10)).encode() + gz[10:] + b"\r\n0\r\n\r\n"
    return [
        warc_record("warcinfo", "", "application/warc-fields",
                    "software: test\r\nformat: WARC File Format 1.0\r\n"),
        warc_record("request", "https://news.example/a", "application/http; msgtype=request",
                    "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"),
        warc_record("response", "https://news.example/a", HTTP_TYPE,
                    http_response("200 OK", "Content-Type: text/html; charset=utf-8\r\nServer: x\r\n", html)),
        warc_record("response", "https://news.example/missing", HTTP_TYPE,
                    http_response("404 Not Found", "Content-Type: text/html\r\n", "<p>gone</p>")),
        warc_record("response", "<https://news.example/b>", HTTP_TYPE,
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                    b"Content-Encoding: gzip\r\n\r\n" + chunked),
        warc_record("resource", "file:///notes/c.txt", "text/plain; charset=utf-8",
                    "Plain text resource.\n"),
    ]


def ingest_seeds():
    recs = warc_records()
    for t in ("ingest_jsonl_fuzzer", "ingest_warc_fuzzer", "ingest_gzip_fuzzer",
              "ingest_stream_fuzzer", "ingest_names_fuzzer"):
        reset(t)
    write("ingest_jsonl_fuzzer", "feed.jsonl", FEED)
    write("ingest_jsonl_fuzzer", "long.jsonl", "{\"text\":\"" + "a" * 200 + "\"}\n{\"text\":\"short\"}\n")
    write("ingest_warc_fuzzer", "crawl.warc", b"".join(recs))
    broken = recs[2].replace(b"Content-Length: ", b"Content-Length: x", 1)
    write("ingest_warc_fuzzer", "broken.warc", broken + recs[4])
    write("ingest_warc_fuzzer", "cut.warc", recs[2] + recs[4][:-40])
    # Last byte odd: read as .warc.gz; even: .jsonl.gz (ingest_gzip_fuzzer.cc).
    warc_gz = b"".join(member(r) for r in recs)
    write("ingest_gzip_fuzzer", "crawl.warc.gz", warc_gz + (b"\x01" if warc_gz[-1] % 2 == 0 else b""))
    jsonl_gz = member("{\"text\":\"one\"}\n") + member("{\"text\":\"two\"}\n")
    write("ingest_gzip_fuzzer", "feed.jsonl.gz", jsonl_gz + (b"\x00" if jsonl_gz[-1] % 2 else b""))
    stream = {
        "html": "\ufeff\n  <!doctype html><p>x</p>",
        "jsonl": "{\"text\":\"a\"}\nnot json\n{\"text\":\"b\"}\n",
        "text": "KYIV (Reuters) - Talks resumed.\r\nSecond line.",
        "warc": b"".join(recs[:3]),
        "gzip": b"".join(member(r) for r in recs[2:4]),
    }
    for name, data in stream.items():
        write("ingest_stream_fuzzer", name, data)
    for i, name in enumerate(["2026-02-05_straits-times.txt", "2025-12-31_bbc.htm",
                              "2026-02-30_straits-times.txt", "2026-02-05_straits--times.txt",
                              "WARC/1.0\r\nWARC-Type: warcinfo\r\n", "\x1f\x8b\x08\x00",
                              "{\"text\": \"a very long li"]):
        write("ingest_names_fuzzer", "name%d" % i, name)


def date_seeds():
    reset("date_fuzzer")
    for i, iso in enumerate(["2026", "2026-02", "2026-02-06", "2026-02-06T04:04",
                             "2026-02-06T06:34:49", "2026-02-06T04:04+08:00", "2026-02-06T04:04Z",
                             "2026-02-06 06:34:49.123", "2024-02-29", "2025-02-29"]):
        write("date_fuzzer", "date%d" % i, iso)


def analysis_texts():
    """Short news texts from tests/data/analysis and tests/data/e2e."""
    texts = []
    with open(os.path.join(ROOT, "tests/data/analysis/quotes.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
    with open(os.path.join(ROOT, "tests/data/analysis/quantities.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(cols) >= 3:
                texts.append(cols[2])
    with open(os.path.join(ROOT, "tests/data/e2e/harbour-bridge.txt"), encoding="utf-8") as f:
        bridge = f.read()
    # A dozen seeds of a few sentences each: enough variety, little to load.
    groups = [bridge]
    for i in range(0, min(len(texts), 96), 8):
        groups.append("\n".join(texts[i:i + 8]))
    return groups


def analysis_seeds():
    groups = analysis_texts()
    for t in ("entities", "quantities", "time", "quotes"):
        target = "analyze_%s_fuzzer" % t
        reset(target)
        for i, g in enumerate(groups):
            write(target, "text%02d" % i, g[:4000])
    reset("story_render_fuzzer")
    for i in range(0, len(groups) - 1, 2):
        # Title line, body; form feed between articles (story_render_fuzzer.cc).
        a, b = groups[i][:1800], groups[i + 1][:1800]
        write("story_render_fuzzer", "story%02d" % i,
              "Talks resume\n" + a + "\fTalks resume again\n" + b)


def codec_seeds():
    reset("article_codec_fuzzer")
    enc = ["id1", "file.txt:3", "https://a.example/1", "Reuters", "Talks resume",
           "KYIV", "en", "Jane Doe\nJohn Roe", "First paragraph.\nSecond one.",
           "title", "html:og:title", "2026-02-05T04:04+09:00"]
    write("article_codec_fuzzer", "encode", b"\x00" + "\0".join(enc).encode())
    row = ["id1", "file.txt:3", "https://a.example/1", "Reuters", "Talks resume",
           json.dumps(["Jane Doe"]), "2026-02-05", "N", "KYIV", "en",
           json.dumps(["First paragraph.", "Second one."]), json.dumps({"title": "html:og:title"})]
    write("article_codec_fuzzer", "decode", b"\x01" + "\0".join(row).encode())
    row[10] = "B" + row[10]
    row[6] = "2026-02-30"
    write("article_codec_fuzzer", "decode-bad", b"\x01" + "\0".join(row).encode())


def extract_seeds():
    # extract_html_fuzzer keeps its hand-written pages; the text target gets
    # the e2e article and a few datelined texts.
    reset("extract_text_fuzzer")
    groups = analysis_texts()
    write("extract_text_fuzzer", "bridge.txt", groups[0])
    write("extract_text_fuzzer", "dateline.txt",
          "Talks resume in Abu Dhabi\nBy Jane Doe\nFeb. 5, 2026 4:04 PM\n\n"
          "ABU DHABI (Reuters) - " + groups[1][:1500])


if __name__ == "__main__":
    ingest_seeds()
    date_seeds()
    analysis_seeds()
    codec_seeds()
    extract_seeds()
