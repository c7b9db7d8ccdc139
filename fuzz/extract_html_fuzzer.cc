// Fuzzes the HTML path: charset sniffing and conversion, markup slimming,
// gumbo, content scoring and metadata, on arbitrary bytes. The contract under
// test is that of extract.h: any input gives an Article or a BadInput status,
// never a crash, a leak, undefined behaviour or unbounded time.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsfuse::RawPage page;
  page.locator = "fuzz";
  page.url = "https://example.com/2026/02/05/story";
  page.format = newsfuse::PageFormat::kHtml;
  page.content.assign(reinterpret_cast<const char*>(data), size);
  auto article = newsfuse::ExtractArticle(page);
  if (article.ok() && article->paragraphs.empty()) __builtin_trap();  // contract: ok => a body
  return 0;
}
