// The reader's text of Readability's expected.html (the regression output of
// Readability.js for each test page), so the Readability pages score bodies
// with the same shingle metric as ScrapingHub and Dragnet.
#pragma once

#include <string>
#include <string_view>

namespace newsfuse::bench {

// Text nodes in document order, entities decoded; block elements and <br>
// end a line so words of neighbouring paragraphs are not glued together.
std::string ReaderText(std::string_view html);

}  // namespace newsfuse::bench
