// Size caps on an Article's metadata fields (internal to extract).
//
// Metadata comes from the container (JSONL fields, WARC headers, file names)
// or the page (<title>, <meta>, JSON-LD, bylines), and nothing upstream bounds
// a field but the 64 MiB page cap: a 20 MB JSONL "title" was once stored whole
// and made a 73 MB HTML report. Every path ends in ExtractArticle, which cuts
// each field here, so no path can be forgotten. The caps are far above any
// real value (a headline of 300 characters in a three-byte script is 900
// bytes) and the body is not capped (the page cap bounds it).
#pragma once

#include <cstddef>
#include <functional>

#include "core/records.h"
#include "core/status.h"

namespace newsfuse::extract_internal {

inline constexpr size_t kMaxTitleBytes = 2048;
inline constexpr size_t kMaxOutletBytes = 512;
inline constexpr size_t kMaxAuthorBytes = 512;  // each name
inline constexpr size_t kMaxAuthors = 64;       // names kept
inline constexpr size_t kMaxUrlBytes = 4096;    // longer: dropped, not cut
inline constexpr size_t kMaxDatelineBytes = 256;
inline constexpr size_t kMaxLanguageBytes = 64;
inline constexpr size_t kMaxFieldSourceBytes = 256;  // each field_sources value

// Cuts every metadata field of `article` that is over its cap at a UTF-8
// character boundary (a URL over its cap is dropped instead: a cut URL is a
// link to somewhere else). Calls `warn` (if set) once per field it changed,
// with a Status::BadInput whose locator is article.locator and whose message
// names the field, its size and the cap. Never touches the body.
void CapMetadata(Article& article, const std::function<void(const Status&)>& warn);

}  // namespace newsfuse::extract_internal
