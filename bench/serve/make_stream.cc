// Writes the load benchmark's input (JSON Lines on stdout): `events` made-up
// events of `per_event` articles each, from the tests' synthetic news
// generator (tests/pipeline/synthetic_news.h), so a story of exactly
// `per_event` articles exists without any public data set.
//   g++ -std=c++20 -O2 -I tests bench/serve/make_stream.cc -o /tmp/make_stream
//   /tmp/make_stream 10 100 > /tmp/serve-bench.jsonl
//   /tmp/make_stream 10 100 7 > /tmp/serve-feed.jsonl   # other events, other URLs
// A seed other than the default also puts it in every URL: the generator's URLs
// name only the event and article numbers, and a second stream must not be
// dropped as copies of the first when it is ingested beside the reads.
#include <algorithm>  // synthetic_news.h uses std::shuffle
#include <cstdio>
#include <cstdlib>
#include <string>

#include "pipeline/synthetic_news.h"

int main(int argc, char** argv) {
  constexpr uint32_t kDefaultSeed = 1414;
  const int events = argc > 1 ? std::atoi(argv[1]) : 10;
  const int per_event = argc > 2 ? std::atoi(argv[2]) : 100;
  const uint32_t seed = argc > 3 ? static_cast<uint32_t>(std::atol(argv[3])) : kDefaultSeed;
  auto articles = newsfuse::testing::SyntheticNews(events, per_event, seed);
  if (seed != kDefaultSeed) {
    for (auto& article : articles) {
      const auto at = article.url.find(".example/");
      if (at != std::string::npos) article.url.insert(at + 9, "seed" + std::to_string(seed) + "/");
    }
  }
  const std::string jsonl = newsfuse::testing::ToJsonl(articles);
  std::fwrite(jsonl.data(), 1, jsonl.size(), stdout);
  return 0;
}
