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

function storyItem(story) {
  const li = el("li");
  const link = el("a", story.headline || story.id);
  link.href = "/stories/" + encodeURIComponent(story.id);
  li.append(link);
  const independent = story.articles - story.copies;
  const range = story.first_seen === story.last_seen
    ? day(story.first_seen) : day(story.first_seen) + " – " + day(story.last_seen);
  li.append(el("div", `${story.articles} articles (${independent} independent) · ` +
    `${story.outlets.length} outlets · ${range}`, "meta"));
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

// Snippets mark matched terms [like this]; show them as <mark> text.
function snippet(text) {
  const div = el("div", undefined, "meta");
  text.split(/(\[[^\]]*\])/).forEach((part) => {
    if (part.startsWith("[") && part.endsWith("]")) div.append(el("mark", part.slice(1, -1)));
    else if (part) div.append(document.createTextNode(part));
  });
  return div;
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
      const title = el(hit.story_id ? "a" : "span", hit.title || hit.article_id);
      if (hit.story_id) title.href = "/stories/" + encodeURIComponent(hit.story_id);
      li.append(title, el("div", hit.outlet, "meta"), snippet(hit.snippet));
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
