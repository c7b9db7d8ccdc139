// Fuzzes the report JSON reader (ParseReportJson, src/render) and, through
// it, every renderer on reports no engine would write: a report that parses
// must render as JSON that parses back to the same JSON, and as Markdown and
// HTML without failing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.h"
#include "render/render.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsfuse;
  auto report = ParseReportJson(std::string(fuzz::AsText(data, size)));
  if (!report.ok()) return 0;
  const std::string json = RenderJson(*report);
  auto again = ParseReportJson(json);
  fuzz::Check(again.ok(), "ParseReportJson rejects what RenderJson wrote");
  fuzz::Check(RenderJson(*again) == json, "report JSON does not round-trip");
  RenderMarkdown(*report);
  RenderHtml(*report);
  return 0;
}
