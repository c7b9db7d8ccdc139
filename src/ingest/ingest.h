// Ingest: turns sources (files, directories, stdin) into a stream of RawPages.
//
// Sources are read one page at a time and handed to a callback, so a corpus of
// any size streams through in bounded memory. A bad page (empty, binary,
// invalid UTF-8, a malformed JSONL line) is reported through the error callback
// with a locator naming the file and line or byte offset, and reading goes on
// with the next page: one broken file never stops a crawl.
//
// Formats, chosen by extension (case-insensitive) unless IngestOptions::format
// says otherwise:
//   .txt .text             one page of plain text. Must be UTF-8, or UTF-16
//                          (a BOM, or the NUL pattern of UTF-16; converted to
//                          UTF-8 here); a BOM is dropped and CRLF / lone CR
//                          become LF. Binary: more than 1% (and more than
//                          kStrayControlBytes) control bytes (core/utf8.h).
//   .html .htm .xhtml      one HTML page, bytes untouched (charset decoding,
//                          UTF-16 and BOMs included, happens in extract). Only
//                          many NUL bytes (over 1% and over kStrayControlBytes)
//                          are rejected, since legacy charsets are legitimate.
//   .txt.gz .text.gz       the same, gzip-compressed (as a crawler saves
//   .html.gz .htm.gz        pages); the page limit applies to the
//   .xhtml.gz               uncompressed bytes.
//   Either format: a few stray NUL bytes are dropped, not rejected (NUL is
//   U+0000 in every ASCII-compatible charset; UTF-16 is left alone).
//   .jsonl .ndjson         one page per line (.gz too): {"url","outlet","title",
//   (.jsonl.gz .ndjson.gz)  "published","author","text"|"html"}. The date may
//                          also be named "published_at", "pubDate" or "date"
//                          (the first present in that order, after
//                          "published"); other fields are ignored and counted
//                          in IngestStats::ignored_fields. "author" may be
//                          a string or an array of strings (joined with ", ");
//                          null counts as absent. "text" or "html" must be a
//                          non-empty string; when both are, "text" wins (it is
//                          the producer's own extraction). Locator "file:LINE".
//   .warc .warc.gz         WARC/1.0 and 1.1 "response" records (HTTP 200, HTML
//                          or text/plain payload; chunked transfer coding and
//                          gzip/deflate content coding are undone) and
//                          "resource" records. Other record types are skipped.
//                          Locator "file@OFFSET": for .warc the record's byte
//                          offset; for .warc.gz the compressed offset of the
//                          gzip member it starts in (the CDX / range-request
//                          offset), or "file@MEMBER+DELTA" when one member holds
//                          several records. A record that cannot be parsed is
//                          reported and reading resumes at the next
//                          "WARC/1.x" line; a truncated or corrupt-gzip file
//                          stops at the damage.
//   "-"                    standard input, sniffed (see SniffStream). Locator
//                          "<stdin>", "<stdin>:LINE", "<stdin>@OFFSET".
//   other, named explicitly: sniffed like standard input.
// Directories are walked recursively, entries of each directory in byte-wise
// name order (deterministic), depth first. Hidden entries (".name"), files of
// unknown extension and symlinked directories (which could loop) are skipped
// and counted in IngestStats::skipped_files, with the reason in skipped_why.
//
// File-name hints: a single-page file named exactly YYYY-MM-DD_slug.ext, e.g.
// "2026-02-05_straits-times.txt", gets hint_published = "2026-02-05" and
// hint_outlet = "Straits Times" (slug words title-cased). The date must be a
// real calendar date and the slug [A-Za-z0-9] words joined by single hyphens.
// Containers (JSONL, WARC) carry their own metadata and take no name hints.
//
// Thread-safety: the functions are reentrant; callbacks run on the caller's thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "core/status.h"

namespace newsfuse {

struct IngestOptions {
  // kText or kHtml makes every single-page file (any extension, when named
  // explicitly) and stdin one page of that format, skipping sniffing.
  // Containers (JSONL, WARC) keep their own per-record formats. kAuto picks
  // by extension.
  PageFormat format = PageFormat::kAuto;
  // Pages larger than this are rejected as bad input rather than read into
  // memory; also bounds a JSONL line and a decoded WARC payload.
  size_t max_page_bytes = 64u << 20;
};

// What a run saw, for summaries ("1200 pages, 3 bad, 40 skipped").
struct IngestStats {
  size_t files = 0;            // files opened (stdin counts as one)
  size_t pages = 0;            // pages handed to on_page
  size_t bad = 0;              // problems handed to on_error
  size_t skipped_files = 0;    // directory entries passed over (hidden, unknown extension)
  size_t skipped_records = 0;  // WARC records that are not pages (request, non-200, images...)
  uint64_t bytes_read = 0;     // raw (still compressed) bytes read from files and stdin
  // Why directory entries were passed over, with how many each: "hidden",
  // "a symlink to a directory", "not a regular file", "unknown type .pdf"
  // (the lower-cased last extension, or "unknown type (no extension)"), so a
  // folder that gives no pages can say why.
  std::map<std::string, size_t> skipped_why;
  // JSONL fields that are not read (see the format list), with the number
  // of records that had each: a producer's field a user expected to count
  // (a date under another name) is not dropped silently.
  std::map<std::string, size_t> ignored_fields;
};

// The summed size of the files the sources name or a directory walk would
// read, for a progress estimate; nullopt when a source is stdin or its size
// cannot be known.
std::optional<uint64_t> SourceBytes(const std::vector<std::string>& sources);

using PageCallback = std::function<void(RawPage&&)>;
using PageErrorCallback = std::function<void(const Status&)>;

// Reads every source in order. Per-page problems go to `on_error` (a
// Status::BadInput or IoError whose locator names the place); the return value
// is non-ok only when a source itself cannot be opened at all (missing path),
// and even then the remaining sources are still read. Unopenable sources are
// not also sent to `on_error`: the returned IoError names the first and lists
// the others in its message.
Status ReadSources(const std::vector<std::string>& sources, const IngestOptions& options,
                   const PageCallback& on_page, const PageErrorCallback& on_error);
// As above, also counting what was read into `*stats` (added to, not reset).
Status ReadSources(const std::vector<std::string>& sources, const IngestOptions& options,
                   const PageCallback& on_page, const PageErrorCallback& on_error,
                   IngestStats* stats);

// Reads one unnamed stream the way "-" is read: sniffed (or forced by
// options.format) and then streamed. `name` is the locator prefix ("<stdin>").
void ReadStream(std::istream& in, const std::string& name, const IngestOptions& options,
                const PageCallback& on_page, const PageErrorCallback& on_error,
                IngestStats* stats = nullptr);

// What an unnamed stream holds, judged from its first bytes.
enum class StreamKind : uint8_t { kText, kHtml, kJsonl, kWarc, kGzip };

// Sniffs `head`, the first bytes of a stream. `complete` says `head` is the
// whole stream. After an optional UTF-8 BOM and whitespace: gzip magic → kGzip
// (checked on the raw bytes), "WARC/1." → kWarc, '<' → kHtml; if the first
// non-blank line parses as a JSON object → kJsonl (when that line runs past an
// incomplete head, a leading '{' is enough); anything else → kText.
StreamKind SniffStream(std::string_view head, bool complete = true);

struct FileNameHints {
  std::string published;  // "2026-02-05"
  std::string outlet;     // "Straits Times"
};

// The hints in a file name (no directory part) following the
// YYYY-MM-DD_slug.ext convention above; nullopt for any other name.
std::optional<FileNameHints> ParseFileNameHints(std::string_view file_name);

// "straits-times" → "Straits Times": hyphens become spaces and each word's
// first letter is upper-cased (the rest is left alone, so "bbc" → "Bbc").
std::string OutletFromSlug(std::string_view slug);

// The identity of a page: same container metadata and same bytes => same id.
// ContentHash(url + '\0' + hint_outlet + '\0' + content): re-ingesting a page
// is a no-op, while one wire story carried verbatim by two outlets stays two
// pages.
std::string PageId(const RawPage& page);

}  // namespace newsfuse
