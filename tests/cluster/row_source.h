// A store's kept clusterer rows as a ClusterStateSource, for the tests of
// what a loaded clusterer reads on demand: it notes every key asked for, how
// many reads asked for term rows, and can fail or say it is remote.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cluster/cluster.h"

namespace newsfuse::testing {

class RowSource : public ClusterStateSource {
 public:
  struct Options {
    bool fail = false;          // every read fails, "the test's store is down"
    bool remote = false;        // Remote()
    int* term_reads = nullptr;  // counts the reads that ask for "w/" rows
  };
  RowSource(std::map<std::string, std::string> rows, std::vector<std::string>& asked,
            Options options)
      : rows_(std::move(rows)), asked_(asked), options_(options) {}
  RowSource(std::map<std::string, std::string> rows, std::vector<std::string>& asked, bool fail)
      : RowSource(std::move(rows), asked, Options{.fail = fail}) {}

  bool Remote() const override { return options_.remote; }
  bool Read(const std::vector<std::string>& keys,
            std::vector<std::pair<std::string, std::string>>& rows, std::string& why) override {
    if (options_.fail) {
      why = "the test's store is down";
      return false;
    }
    if (options_.term_reads && std::any_of(keys.begin(), keys.end(), [](const std::string& key) {
          return key.starts_with("w/");
        })) {
      ++*options_.term_reads;
    }
    for (const std::string& key : keys) {
      asked_.push_back(key);
      auto it = rows_.find(key);
      if (it != rows_.end()) rows.emplace_back(*it);
    }
    return true;
  }

 private:
  std::map<std::string, std::string> rows_;
  std::vector<std::string>& asked_;
  Options options_;
};

}  // namespace newsfuse::testing
