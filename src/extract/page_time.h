// Which <time> (or date-classed) element dates the page. Internal to src/extract; pure.
//
// Pages carry many <time> elements besides their own: the date of each entry
// in a "latest posts" or related-articles box, of each reader comment, today's
// date in the site's banner. Taking the first <time datetime> of the page
// dated the page by whichever of those came first in the markup.
#pragma once

#include <gumbo.h>

#include <string_view>

namespace newsfuse::extract_internal {

// False when `time` (a <time>, or an element whose class names a date) dates
// something beside the page:
//  - it sits in a reader comment (a class/id the hints mark "never"), in
//    <nav>, <aside> or <footer>, or in a site banner (a <header> outside any
//    <article> and without the page's <h1>);
//  - it is a teaser's date: a small element around it (itself or up to three levels up,
//    under ~600 characters of text, without an <h1>) holds a link of five or
//    more words that the page's `title` (its <title> text) does not contain,
//    another article's headline. The page's own byline block is either small
//    with short links (author, section) or reaches the <h1>.
bool DatesThePage(const GumboNode* time, std::string_view title);

}  // namespace newsfuse::extract_internal
