// The Porter stemmer as ROUGE-1.5.5 runs it: Porter (1980) with the two
// departures of Porter's own C release (step 2 "bli" -> "ble", "logi" ->
// "log") and Chin-Yew Lin's 2004 change to step 4, where "-ment" and "-ent"
// are tried after the other step-4 suffixes instead of as alternatives to
// them ("agreement" -> "agreem"). Snowball's "porter" lacks the step-4 change
// and its "cvc" test differs, which shifts DUC R-1 by ~0.0004; rouge_eval
// measures both.
#pragma once

#include <string>

namespace newsfuse::bench {

// `word` is lowercase ASCII letters and digits.
std::string RougePorterStem(std::string word);

}  // namespace newsfuse::bench
