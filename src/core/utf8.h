// UTF-8 validity checks shared by ingest and extract.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace newsfuse {

// Offset of the first byte that breaks UTF-8 well-formedness, or nullopt if
// the whole text is valid. Overlong forms and surrogates count as invalid.
std::optional<size_t> FirstInvalidUtf8(std::string_view text);

// True if the bytes look like binary data rather than text: a NUL byte, or
// more than 1% control characters other than tab, newline, CR and form feed.
bool LooksBinary(std::string_view bytes);

}  // namespace newsfuse
