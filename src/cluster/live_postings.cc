#include "cluster/live_postings.h"

#include <algorithm>

#include "cluster/snapshot.h"

namespace newsfuse::cluster {

std::string EncodePosting(uint32_t count, const Slots* slots) {
  ByteWriter w;
  w.U64(count);
  const bool with_slots = count <= kMaxPostingScan && slots;
  w.U64(with_slots ? 1 : 0);
  if (with_slots) {
    std::vector<uint32_t> sorted(slots->begin(), slots->end());
    std::sort(sorted.begin(), sorted.end());  // a long run's order is its history's
    w.Ids(sorted);
  }
  return std::move(w.bytes());
}

bool DecodePosting(std::string_view bytes, uint32_t& count, Slots& slots, bool& count_only) {
  ByteReader r(bytes);
  count = r.U32();
  count_only = r.U64() == 0;
  slots.clear();
  if (!count_only) {
    const std::vector<uint32_t> ids = r.Ids();
    if (ids.size() != count) return false;
    slots.assign(ids.begin(), ids.end());
  }
  return r.done() && count > 0;
}

void LivePostings::Reset(std::unique_ptr<Rows> rows) {
  lists_.clear();
  changed_.clear();
  changed_set_.clear();
  rows_ = std::move(rows);
  tracking_ = true;
}

bool LivePostings::Fetch(const std::vector<uint32_t>& terms, uint32_t slots, bool& bad_term) {
  bad_term = false;
  if (!rows_) return true;
  std::vector<uint32_t> missing;
  for (uint32_t t : terms) {
    if (!lists_.contains(t)) missing.push_back(t);
  }
  if (missing.empty()) return true;
  std::sort(missing.begin(), missing.end());
  missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
  std::vector<std::pair<uint32_t, std::string>> rows;
  if (!rows_->Read(missing, rows)) return false;
  for (uint32_t t : missing) lists_.try_emplace(t);  // a term with no row: no story
  for (const auto& [t, bytes] : rows) {
    List& list = lists_[t];
    if (!DecodePosting(bytes, list.count, list.slots, list.count_only) ||
        std::any_of(list.slots.begin(), list.slots.end(), [&](uint32_t s) { return s >= slots; })) {
      list.count = 0;
      list.count_only = false;
      list.slots.clear();
      bad_term = true;
    }
  }
  return !bad_term;
}

const Slots* LivePostings::Scannable(uint32_t term) const {
  auto it = lists_.find(term);
  if (it == lists_.end() || it->second.count == 0 || it->second.count > kMaxPostingScan) {
    return nullptr;
  }
  return &it->second.slots;
}

bool LivePostings::NeedsSlots(uint32_t term) const {
  auto it = lists_.find(term);
  return it != lists_.end() && it->second.count_only && it->second.count <= kMaxPostingScan;
}

bool LivePostings::SetSlots(uint32_t term, Slots slots) {
  List& list = lists_[term];
  if (slots.size() != list.count) return false;
  list.slots = std::move(slots);
  list.count_only = false;
  return true;
}

void LivePostings::Add(uint32_t term, uint32_t slot) {
  List& list = lists_[term];
  ++list.count;
  if (!list.count_only) list.slots.push_back(slot);
  Changed(term);
}

void LivePostings::Erase(uint32_t term, uint32_t slot) {
  auto it = lists_.find(term);
  if (it == lists_.end() || it->second.count == 0) return;
  List& list = it->second;
  // Only a story that holds the term loses it, so a count alone stays exact.
  --list.count;
  if (!list.count_only)
    list.slots.erase(std::remove(list.slots.begin(), list.slots.end(), slot), list.slots.end());
  Changed(term);
  // A long run keeps no empty list; a loaded one must remember the term is held.
  if (list.count == 0 && !rows_) lists_.erase(it);
}

void LivePostings::Changed(uint32_t term) {
  if (tracking_ && changed_set_.insert(term).second) changed_.push_back(term);
}

void LivePostings::TakeChanges(bool all, std::vector<std::pair<std::string, std::string>>& put,
                               std::vector<std::string>& erase) {
  if (all) {
    changed_.clear();
    for (const auto& [t, list] : lists_) changed_.push_back(t);
  }
  std::sort(changed_.begin(), changed_.end());
  for (uint32_t t : changed_) {
    auto it = lists_.find(t);
    if (it == lists_.end() || it->second.count == 0) {
      if (!all) erase.push_back(PostingKey(t));
      continue;
    }
    const List& list = it->second;
    put.emplace_back(PostingKey(t),
                     EncodePosting(list.count, list.count_only ? nullptr : &list.slots));
  }
  changed_.clear();
  changed_set_.clear();
  tracking_ = true;
}

}  // namespace newsfuse::cluster
