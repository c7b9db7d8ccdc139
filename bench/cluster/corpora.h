// Labelled news streams for the clustering evaluator, read in place from
// ../shared/bench (never copied into the repository).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/records.h"

namespace newsfuse::bench {

struct LabelledPage {
  RawPage page;        // what the pipeline ingests
  std::string gold;    // the event (story) label
  bool train = false;  // in the half the weights are fitted on
  // Pages of one ongoing story or topic that a reader could accept in one
  // story although they tell of different events (the crawl only).
  std::string related;
};

struct Corpus {
  std::string name;
  std::vector<LabelledPage> items;  // in stream order
  std::string skipped;              // why it could not be read, when items is empty
};

// DUC 2004: one folder per event; dates from dct_known.tsv; train = even folders.
Corpus LoadDuc(const std::filesystem::path& shared);
// MEANTIME (4 topic corpora) and SemEval-2015 task 4 (3 topic corpora): topic-level gold.
Corpus LoadMeantime(const std::filesystem::path& shared);
Corpus LoadSemeval(const std::filesystem::path& shared);
// ECB+ (86 seminal events in 43 topics); train = its train and dev topics.
Corpus LoadEcbPlus(const std::filesystem::path& shared);
// The 181 unrelated web pages of the extraction benchmark, with the event list
// bench/cluster/crawl_events.tsv (a page not listed is its own event). Split
// in two halves by topic group (`train` may be read to find failure types;
// `test` stays held out); nothing is fitted on either.
Corpus LoadCrawl(const std::filesystem::path& shared, const std::filesystem::path& events_tsv);
// Miranda et al. 2018 (dataset.test.json, English), when someone has fetched it.
Corpus LoadMiranda(const std::filesystem::path& shared);

// Stream order: a fixed shuffle (the same on every machine), then the items
// that state a date are put in date order within the places they occupy, so
// dated items arrive chronologically and undated ones interleave.
void StreamOrder(std::vector<LabelledPage>& items);

}  // namespace newsfuse::bench
