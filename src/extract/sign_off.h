// Wire sign-offs: the credit a wire story puts after its last sentence.
// Internal to src/extract; pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsfuse::extract_internal {

// A wire credit after the last sentence: "... since early 2024. REUTERS",
// "... on Thursday. (Reuters)", "... end. — AFP". Returns the credit and the
// offset at which the paragraph should be cut.
struct SignOff {
  std::string credit;
  size_t cut = 0;
};
std::optional<SignOff> ParseSignOff(std::string_view paragraph);

}  // namespace newsfuse::extract_internal
