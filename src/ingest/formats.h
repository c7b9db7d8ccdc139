// Internal to ingest: the per-format readers and what they share.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/records.h"
#include "core/status.h"
#include "ingest/byte_stream.h"
#include "ingest/ingest.h"

namespace newsfuse::ingest_internal {

// Where readers deliver pages and problems, keeping the counts in step.
struct Emitter {
  const IngestOptions& options;
  const PageCallback& on_page;
  const PageErrorCallback& on_error;
  IngestStats& stats;

  void Page(RawPage&& page) const {
    ++stats.pages;
    if (on_page) on_page(std::move(page));
  }
  void Error(const Status& status) const {
    ++stats.bad;
    if (on_error) on_error(status);
  }
};

// Checks `content` as a page of `format` and brings it into canonical form
// (kText: UTF-16 decoded, BOM dropped, line ends LF; both: stray NULs
// dropped; kHtml: otherwise untouched). Returns the reason it is rejected,
// e.g. "not UTF-8 text: invalid byte 0xff at offset 12", with offsets into the
// bytes as given (for UTF-16 text, into its UTF-8 decoding). `what` names the thing in the "empty
// ..." message ("file", "payload", "\"text\"").
std::optional<std::string> PreparePage(PageFormat format, std::string_view what,
                                       std::string* content);

// One page per line; see ingest.h for the fields.
void ReadJsonl(BufferedReader& in, const std::string& name, const Emitter& emit);

// WARC records; `gzip` is the source under `in` for .warc.gz (for locators),
// else null.
void ReadWarc(BufferedReader& in, GzipSource* gzip, const std::string& name, const Emitter& emit);

}  // namespace newsfuse::ingest_internal
