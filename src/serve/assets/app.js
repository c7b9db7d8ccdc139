// The story list and search, drawn from the JSON API. Page text comes from
// strangers' pages, so it is only ever set as textContent, never as HTML.
"use strict";

const el = (tag, text, cls) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (cls) node.className = cls;
  return node;
};

const day = (iso) => (iso ? iso.slice(0, 10) : "undated");

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

// Articles per day as bars, one a day, days without any left empty: the
// shape of the coverage at a glance. Drawn here, no chart library; the
// label says the same in words.
function sparkline(coverage) {
  const counts = coverage?.articles_per_day || [];
  if (!coverage?.first_day || counts.length < 2) return null;
  const NS = "http://www.w3.org/2000/svg";
  const bar = 4, gap = 1, height = 20;
  const top = Math.max(...counts);
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("class", "spark");
  svg.setAttribute("viewBox", `0 0 ${counts.length * (bar + gap)} ${height}`);
  // Wide enough to read at two days, never wider than a phone can spare.
  svg.setAttribute("width", String(Math.max(40, Math.min(120, counts.length * 8))));
  svg.setAttribute("height", String(height));
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("role", "img");
  const busiest = counts.indexOf(top);
  svg.setAttribute("aria-label", `Coverage: ${plural(counts.reduce((a, b) => a + b, 0), "article")}` +
    ` over ${plural(counts.length, "day")} from ${coverage.first_day}, most (${top}) on day ${busiest + 1}`);
  counts.forEach((n, i) => {
    if (!n) return;
    const rect = document.createElementNS(NS, "rect");
    const h = Math.max(2, Math.round((n / top) * height));
    rect.setAttribute("x", String(i * (bar + gap)));
    rect.setAttribute("y", String(height - h));
    rect.setAttribute("width", String(bar));
    rect.setAttribute("height", String(h));
    svg.append(rect);
  });
  return svg;
}

function storyItem(story) {
  const li = el("li");
  const link = el("a", story.headline || story.id);
  link.href = "/stories/" + encodeURIComponent(story.id);
  li.append(link);
  if (story.disputed) {
    const badge = el("span", "disputed", "badge");
    badge.title = `The sources disagree on ${plural(story.conflicts, "point")}`;
    li.append(" ", badge);
  }
  const independent = story.articles - story.copies;
  const range = story.first_seen === story.last_seen
    ? day(story.first_seen) : day(story.first_seen) + " – " + day(story.last_seen);
  const meta = el("div", `${plural(story.articles, "article")} (${independent} independent) · ` +
    `${plural(story.outlets.length, "outlet")} · ${range}`, "meta");
  const spark = sparkline(story.coverage);
  if (spark) meta.append(" ", spark);
  li.append(meta);
  if (story.outlets.length) li.append(el("div", story.outlets.join(", "), "meta"));
  return li;
}

let cursor = null;

async function loadStories() {
  const status = document.getElementById("status");
  const more = document.getElementById("more");
  try {
    const url = "/api/stories?limit=50" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "");
    const page = await getJson(url);
    const list = document.getElementById("stories");
    for (const story of page.stories) list.append(storyItem(story));
    document.getElementById("total").textContent = `(${page.total_stories})`;
    status.textContent = page.total_stories ? "" : "No stories yet: run `newsfuse ingest`.";
    cursor = page.next_cursor;
    more.hidden = !cursor;
  } catch (error) {
    status.textContent = "Could not load stories: " + error.message;
  }
}

// A hit's title and snippet come as parts, the matched words flagged
// (docs/api.md); they are drawn as <mark>, all text as text.
function parts(node, list) {
  for (const part of list) {
    node.append(part.match ? el("mark", part.text) : document.createTextNode(part.text));
  }
  return node;
}

async function search(event) {
  event.preventDefault();
  const q = document.getElementById("q").value.trim();
  const section = document.getElementById("results");
  const hits = document.getElementById("hits");
  hits.replaceChildren();
  section.hidden = !q;
  if (!q) return;
  try {
    const result = await getJson("/api/search?q=" + encodeURIComponent(q));
    if (!result.hits.length) hits.append(el("li", "No matches."));
    for (const hit of result.hits) {
      const li = el("li");
      const title = el(hit.story_id ? "a" : "span");
      if (hit.title) parts(title, hit.title_parts);
      else title.textContent = hit.article_id;
      if (hit.story_id) title.href = "/stories/" + encodeURIComponent(hit.story_id);
      li.append(title, el("div", hit.outlet, "meta"), parts(el("div", undefined, "meta"), hit.snippet_parts));
      hits.append(li);
    }
  } catch (error) {
    hits.append(el("li", "Search failed: " + error.message));
  }
}

// Live: when a story is created or changes (a POST, or an ingest in another
// process), the list is drawn again from its first page, so the order stays
// right. Events that come together are drawn once.
function follow() {
  if (!window.EventSource) return;
  let timer = null;
  const redraw = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      cursor = null;
      document.getElementById("stories").replaceChildren();
      loadStories();
    }, 200);
  };
  const events = new EventSource("/api/events");
  for (const type of ["story-created", "story-updated", "story-removed", "reset"]) {
    events.addEventListener(type, redraw);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("search").addEventListener("submit", search);
  document.getElementById("more").addEventListener("click", loadStories);
  loadStories();
  follow();
});
