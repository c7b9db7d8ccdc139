// Fuzzes an unnamed stream (standard input, or a file of unknown extension):
// SniffStream on the head, then whichever reader it picks (text, HTML, JSONL,
// WARC, gzip), as `newsfuse ingest -` runs it.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_input.h"
#include "ingest_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsfuse;
  IngestOptions options;
  options.max_page_bytes = 16u << 10;
  std::istringstream in(std::string(fuzz::AsText(data, size)));
  IngestStats stats;
  ReadStream(
      in, "<stdin>", options, [&](RawPage&& page) { fuzz::CheckPage(page, options); },
      fuzz::CheckProblem, &stats);
  return 0;
}
