// Writes a JSONL feed of synthetic news (tests/pipeline/synthetic_news.h)
// for the queue's end-to-end and fault tests and bench/scale:
//   queue_synthetic_feed EVENTS PER_EVENT SEED [REPEATS] [BAD]
// REPEATS pages are written a second time further on (a crawl that meets a
// page twice), BAD lines are not JSON (pages that fail), both spread evenly.
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/synthetic_news.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s EVENTS PER_EVENT SEED [REPEATS] [BAD]\n", argv[0]);
    return 1;
  }
  const int events = std::atoi(argv[1]);
  const int per_event = std::atoi(argv[2]);
  const auto seed = static_cast<uint32_t>(std::strtoul(argv[3], nullptr, 10));
  const int repeats = argc > 4 ? std::atoi(argv[4]) : 0;
  const int bad = argc > 5 ? std::atoi(argv[5]) : 0;
  const auto news = newsfuse::testing::SyntheticNews(events, per_event, seed);
  std::vector<std::string> lines;
  for (const auto& a : news) {
    lines.push_back(nlohmann::json{
        {"url", a.url},
        {"outlet", a.outlet},
        {"title", a.title},
        {"published", a.published},
        {"text",
         a.text}}.dump());
  }
  const size_t n = lines.size();
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    out.push_back(lines[i]);
    // The repeat of page k comes about n / 2 pages after it.
    for (int r = 0; r < repeats; ++r) {
      const size_t k = n * static_cast<size_t>(r) / static_cast<size_t>(repeats) / 2;
      if (i == k + n / 2 && k < n) out.push_back(lines[k]);
    }
    for (int b = 0; b < bad; ++b) {
      if (i == n * static_cast<size_t>(b + 1) / static_cast<size_t>(bad + 1))
        out.emplace_back("{not json, line written broken on purpose");
    }
  }
  for (const auto& line : out) std::printf("%s\n", line.c_str());
  return 0;
}
