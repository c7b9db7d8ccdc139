// Fuzzes the WARC reader (ingest/warc.cc) through ReadSources on a .warc
// file: record headers, Content-Length, resynchronising after a bad record,
// HTTP status and headers, chunked transfer coding, gzip/deflate content
// coding and the payload checks.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "ingest_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const newsfuse::fuzz::ScratchFile file("crawl.warc");
  newsfuse::fuzz::IngestFile(file.Write(newsfuse::fuzz::AsText(data, size)));
  return 0;
}
