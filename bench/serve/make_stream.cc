// Writes the load benchmark's input (JSON Lines on stdout): `events` made-up
// events of `per_event` articles each, from the tests' synthetic news
// generator (tests/pipeline/synthetic_news.h), so a story of exactly
// `per_event` articles exists without any public data set.
//   g++ -std=c++20 -O2 -I tests bench/serve/make_stream.cc -o /tmp/make_stream
//   /tmp/make_stream 10 100 > /tmp/serve-bench.jsonl
#include <algorithm>  // synthetic_news.h uses std::shuffle
#include <cstdio>
#include <cstdlib>

#include "pipeline/synthetic_news.h"

int main(int argc, char** argv) {
  const int events = argc > 1 ? std::atoi(argv[1]) : 10;
  const int per_event = argc > 2 ? std::atoi(argv[2]) : 100;
  const std::string jsonl =
      newsfuse::testing::ToJsonl(newsfuse::testing::SyntheticNews(events, per_event, 1414));
  std::fwrite(jsonl.data(), 1, jsonl.size(), stdout);
  return 0;
}
