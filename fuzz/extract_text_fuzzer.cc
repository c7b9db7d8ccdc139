// Fuzzes the plain-text path (line classification, datelines, bylines,
// timestamps, topic drift) and kAuto sniffing. Ingest only hands kText pages
// that are valid UTF-8, so invalid input goes in as kAuto, which must cope
// with any charset itself.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/utf8.h"
#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsfuse::RawPage page;
  page.locator = "fuzz.txt";
  page.content.assign(reinterpret_cast<const char*>(data), size);
  page.format = newsfuse::FirstInvalidUtf8(page.content) ? newsfuse::PageFormat::kAuto
                                                         : newsfuse::PageFormat::kText;
  page.hint_published = "2026-02-05";
  auto article = newsfuse::ExtractArticle(page);
  if (article.ok() && article->paragraphs.empty()) __builtin_trap();
  return 0;
}
