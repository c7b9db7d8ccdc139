// Fuzzes the JSONL reader (ingest/jsonl.cc) through ReadSources on a .jsonl
// file: line splitting, the line cap, JSON parsing, field types, author
// arrays, text/html choice and the text page checks.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "ingest_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const newsfuse::fuzz::ScratchFile file("feed.jsonl");
  newsfuse::fuzz::IngestFile(file.Write(newsfuse::fuzz::AsText(data, size)));
  return 0;
}
