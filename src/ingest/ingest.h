// Ingest: turns sources (files, directories, stdin) into a stream of RawPages.
//
// Sources are read one page at a time and handed to a callback, so a corpus of
// any size streams through in bounded memory. A bad page (empty, binary,
// invalid UTF-8, a malformed JSONL line) is reported through the error callback
// with a locator naming the file and line or byte offset, and reading goes on
// with the next page: one broken file never stops a crawl.
//
// Formats, chosen by extension unless IngestOptions::format says otherwise:
//   .txt .text             one page of plain text (must be UTF-8)
//   .html .htm .xhtml      one HTML page (charset decoding happens in extract)
//   .jsonl .ndjson         one page per line: {"url","outlet","title","published",
//                          "author","text"|"html"}; "text" or "html" is required
//   .warc .warc.gz         WARC/1.0 "response" records with an HTML/text payload
//   "-"                    standard input, sniffed (HTML, JSONL or text)
// Directories are walked recursively in sorted order (deterministic), skipping
// hidden entries and files of unknown extension.
//
// Thread-safety: the functions are reentrant; callbacks run on the caller's thread.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/records.h"
#include "core/status.h"

namespace newsfuse {

struct IngestOptions {
  // Forces one format for every file (and stdin); kAuto picks by extension.
  PageFormat format = PageFormat::kAuto;
  // Pages larger than this are rejected as bad input rather than read into memory.
  size_t max_page_bytes = 64u << 20;
};

using PageCallback = std::function<void(RawPage&&)>;
using PageErrorCallback = std::function<void(const Status&)>;

// Reads every source in order. Per-page problems go to `on_error` (a
// Status::BadInput or IoError whose locator names the place); the return value
// is non-ok only when a source itself cannot be opened at all (missing path),
// and even then the remaining sources are still read.
Status ReadSources(const std::vector<std::string>& sources, const IngestOptions& options,
                   const PageCallback& on_page, const PageErrorCallback& on_error);

// The identity of a page: same container metadata and same bytes => same id.
std::string PageId(const RawPage& page);

}  // namespace newsfuse
