// Fuzzes the small parsers of ingest that read names and heads: SniffStream
// (complete and partial heads), ParseFileNameHints and OutletFromSlug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/date.h"
#include "fuzz_input.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsfuse;
  const std::string_view text = fuzz::AsText(data, size);
  SniffStream(text, /*complete=*/true);
  SniffStream(text, /*complete=*/false);
  if (auto hints = ParseFileNameHints(text)) {
    // The convention admits only a real calendar date and a plain slug.
    auto date = DateTime::ParseIso(hints->published);
    fuzz::Check(date && date->precision == DatePrecision::kDay, "file-name hint date not a day");
    fuzz::Check(!hints->outlet.empty(), "file-name hint with an empty outlet");
  }
  const std::string outlet = OutletFromSlug(text);
  fuzz::Check(outlet.size() <= text.size(), "OutletFromSlug grew the name");
  return 0;
}
