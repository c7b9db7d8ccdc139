// Fuzzes the gzip layer (ingest/byte_stream.cc) under both readers that use
// it: the input is the compressed file, read as .warc.gz (member offsets in
// locators, truncated and corrupt members) when its last byte is odd, else as
// .jsonl.gz. Seeds are valid multi-member files, so mutations reach the
// member boundaries and the damage paths rather than only the magic check.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "ingest_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const newsfuse::fuzz::ScratchFile warc("crawl.warc.gz");
  static const newsfuse::fuzz::ScratchFile jsonl("feed.jsonl.gz");
  const bool as_warc = size > 0 && (data[size - 1] & 1);
  const auto& file = as_warc ? warc : jsonl;
  newsfuse::fuzz::IngestFile(file.Write(newsfuse::fuzz::AsText(data, size)));
  return 0;
}
