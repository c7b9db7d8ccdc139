// Sparse term vectors: how fusion compares sentences and titles. Internal to
// src/fuse.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace newsfuse::fuse {

// (term id, weight) pairs sorted by term id, each id once.
using TermVector = std::vector<std::pair<uint32_t, double>>;

// The dot product; the cosine when both are normalised.
double Dot(const TermVector& a, const TermVector& b);

// Scales `v` to unit length; leaves a zero vector as it is.
void Normalise(TermVector& v);

// REQUIRES: `sorted_ids` sorted. One pair per distinct id, weighing
// 1 + ln(count): a word said three times is more the sentence's subject than
// a word said once, but not three times more.
TermVector LogFrequencies(const std::vector<uint32_t>& sorted_ids);

}  // namespace newsfuse::fuse
