// eventwire dashboard: vanilla JS, no dependencies, no build step, nothing loaded from elsewhere.
// Every value from the store reaches the page as a text node or an attribute set with
// setAttribute: nothing is ever parsed as HTML (no innerHTML), so article text cannot run.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];
const QUAD_COLOURS = { verbal_cooperation: "#3b8ed0", material_cooperation: "#1a9e5a",
  verbal_conflict: "#e69a1c", material_conflict: "#d23c3c" };
const TYPE_QUAD = { AGREE: 0, CONSULT: 0, SUPPORT: 0, CONCEDE: 0, COOPERATE: 1, AID: 1, RETREAT: 1,
  REQUEST: 2, ACCUSE: 2, REJECT: 2, THREATEN: 2, PROTEST: 3, SANCTION: 3, MOBILIZE: 3, COERCE: 3, ASSAULT: 3 };
const SHADES = [["#1f5f99", "#3b8ed0", "#7db8e8", "#b5d6f2"], ["#0f6b3c", "#1a9e5a", "#5cc489", "#a3e0bd"],
  ["#a86400", "#e69a1c", "#f2c36b", "#f7dca6"], ["#8c1f1f", "#d23c3c", "#e77b7b", "#f0acac", "#f6d0d0", "#5e1010"]];
const ROLES = ["trigger", "actor", "recipient", "place", "date", "size", "source", "quote", "evidence"];
const FILTERS = ["type", "modality", "country", "outlet", "since", "until", "text"];
const PAGE = 25;
const state = { offset: 0, sort: "-date" };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? "")));
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function swatch(colour) {
  const node = el("span", { class: "swatch" });
  node.style.background = colour;  // CSSOM, allowed by the CSP (style attributes are not)
  return node;
}

function tooltip(node, text) { node.append(svg("title", {}, text)); return node; }

async function api(path, params) {
  const query = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v !== "" && v != null));
  const response = await fetch(`/api/${path}${query.size ? "?" + query : ""}`, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `${response.status}`);
  return body;
}

function filters() {
  const form = document.getElementById("filters");
  return Object.fromEntries(FILTERS.map((name) => [name, form.elements[name].value]).filter(([, v]) => v));
}

function setStatus(text) { document.getElementById("status").textContent = text || ""; }

function typeColour(type) {
  const quad = TYPE_QUAD[type] ?? 3;
  const peers = Object.keys(TYPE_QUAD).filter((t) => TYPE_QUAD[t] === quad);
  return SHADES[quad][peers.indexOf(type) % SHADES[quad].length] || "#888";
}

// ---- filters --------------------------------------------------------------------------------

async function loadFacets() {
  const facets = await api("facets");
  const form = document.getElementById("filters");
  const fill = (name, values) => { for (const value of values) form.elements[name].append(el("option", { value: value.value ?? value }, value.label ?? value.value ?? value)); };
  fill("type", facets.event_types);
  fill("modality", facets.modalities);
  fill("country", facets.countries.map((c) => ({ value: c.value, label: `${c.value} (${c.events})` })));
  fill("outlet", facets.outlets.map((o) => ({ value: o.value, label: `${o.value} (${o.events})` })));
}

function readHashFilters(query) {
  const form = document.getElementById("filters");
  for (const name of FILTERS) form.elements[name].value = query.get(name) || "";
  state.offset = Number(query.get("offset")) || 0;
  state.sort = query.get("sort") || "-date";
  document.getElementById("sort").value = state.sort;
}

function pushFilters() {
  const query = new URLSearchParams(filters());
  if (state.offset) query.set("offset", state.offset);
  if (state.sort !== "-date") query.set("sort", state.sort);
  location.hash = `#/?${query}`;
}

// ---- timeline -------------------------------------------------------------------------------

function drawTimeline(rows) {
  const box = document.getElementById("timeline");
  const legend = document.getElementById("timeline-legend");
  box.replaceChildren(); legend.replaceChildren();
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  const width = 900, height = 170, left = 30, bottom = 22;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "events per day" });
  const totals = days.map((day) => rows.filter((r) => r.day === day).reduce((n, r) => n + r.count, 0));
  const top = Math.max(1, ...totals);
  const step = (width - left) / Math.max(days.length, 1);
  chart.append(svg("line", { x1: left, x2: width, y1: height - bottom, y2: height - bottom, stroke: "#c5ccd3" }));
  chart.append(svg("text", { x: 2, y: 10 }, top), svg("text", { x: 2, y: height - bottom }, 0));
  days.forEach((day, i) => {
    let y = height - bottom;
    for (const row of rows.filter((r) => r.day === day)) {
      const h = (row.count / top) * (height - bottom - 8);
      y -= h;
      chart.append(tooltip(svg("rect", { x: left + i * step + 1, y, width: Math.max(step - 2, 1), height: h,
        fill: typeColour(row.key), class: "bar", "data-day": day, "data-key": row.key }), `${day} ${row.key}: ${row.count}`));
    }
    if (i === 0 || i === days.length - 1 || days.length < 12) {
      chart.append(svg("text", { x: left + i * step + step / 2, y: height - 6, "text-anchor": "middle" }, day));
    }
  });
  if (!days.length) chart.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle" }, "no events match"));
  box.append(chart);
  for (const key of keys) legend.append(el("span", {}, swatch(typeColour(key)), key));
}

// ---- map: equirectangular projection, graticule, no tiles -----------------------------------

function drawMap(places) {
  const box = document.getElementById("map");
  box.replaceChildren();
  const width = 720, height = 360;
  const x = (lon) => ((lon + 180) / 360) * width;
  const y = (lat) => ((90 - lat) / 180) * height;
  const map = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "map of event places" });
  map.append(svg("rect", { x: 0, y: 0, width, height, class: "frame" }));
  for (let lon = -180; lon <= 180; lon += 30) map.append(svg("line", { x1: x(lon), x2: x(lon), y1: 0, y2: height, class: "graticule" }));
  for (let lat = -60; lat <= 60; lat += 30) {
    map.append(svg("line", { x1: 0, x2: width, y1: y(lat), y2: y(lat), class: lat === 0 ? "graticule equator" : "graticule" }));
    map.append(svg("text", { x: 3, y: y(lat) - 2 }, `${lat}°`));
  }
  const top = Math.max(1, ...places.map((p) => p.events));
  for (const place of places) {
    const r = 3 + 9 * Math.sqrt(place.events / top);
    map.append(tooltip(svg("circle", { cx: x(place.lon), cy: y(place.lat), r, class: "point", "data-name": place.name || "" }),
      `${place.name || "?"} (${place.country || "?"}): ${place.events} event(s)`));
    map.append(svg("text", { x: x(place.lon) + r + 2, y: y(place.lat) + 3 }, place.name || ""));
  }
  box.append(map);
}

// ---- actor graph: countries on a circle, edges by quad class -------------------------------

function drawGraph(dyads) {
  const box = document.getElementById("graph");
  const legend = document.getElementById("graph-legend");
  box.replaceChildren(); legend.replaceChildren();
  const size = 420, centre = size / 2, radius = size / 2 - 40;
  const graph = svg("svg", { viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": "actor graph" });
  const defs = svg("defs");
  for (const quad of QUADS) {
    const marker = svg("marker", { id: `arrow-${quad}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" });
    marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: QUAD_COLOURS[quad] }));
    defs.append(marker);
  }
  graph.append(defs);
  const nodes = [...new Set(dyads.flatMap((d) => [d.actor, d.recipient]))].sort();
  const at = Object.fromEntries(nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(nodes.length, 1) - Math.PI / 2;
    return [n, [centre + radius * Math.cos(angle), centre + radius * Math.sin(angle)]];
  }));
  const top = Math.max(1, ...dyads.map((d) => d.events));
  dyads.forEach((dyad, i) => graph.append(tooltip(edge(at[dyad.actor], at[dyad.recipient], dyad, top, i),
    `${dyad.actor} → ${dyad.recipient}: ${dyad.events} ${dyad.quad_class || "event"}(s)`)));
  for (const name of nodes) {
    const [cx, cy] = at[name];
    const node = svg("g", { class: "node", "data-country": name });
    node.append(svg("circle", { cx, cy, r: 17 }), svg("text", { x: cx, y: cy + 3.5, "text-anchor": "middle" }, name));
    graph.append(tooltip(node, name));
  }
  if (!nodes.length) graph.append(svg("text", { x: centre, y: centre, "text-anchor": "middle" }, "no events with both actor and recipient countries"));
  box.append(graph);
  for (const quad of QUADS) legend.append(el("span", {}, swatch(QUAD_COLOURS[quad]), quad.replace("_", " ")));
}

function edge(from, to, dyad, top, index) {
  const colour = QUAD_COLOURS[dyad.quad_class] || "#888";
  const attrs = { class: "edge", stroke: colour, "stroke-width": 1 + 5 * (dyad.events / top), "data-quad": dyad.quad_class || "" };
  if (from === to) {
    const [x, y] = from;
    return svg("path", { ...attrs, d: `M${x - 8},${y - 15} C${x - 40},${y - 70} ${x + 40},${y - 70} ${x + 8},${y - 15}`, "marker-end": `url(#arrow-${dyad.quad_class})` });
  }
  const [x1, y1] = from, [x2, y2] = to;
  const length = Math.hypot(x2 - x1, y2 - y1) || 1;
  const [ux, uy] = [(x2 - x1) / length, (y2 - y1) / length];
  const bend = 25 + 10 * (index % 3);
  const [mx, my] = [(x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend];
  return svg("path", { ...attrs, d: `M${x1 + ux * 18},${y1 + uy * 18} Q${mx},${my} ${x2 - ux * 20},${y2 - uy * 20}`, "marker-end": `url(#arrow-${dyad.quad_class})` });
}

// ---- the list of events ---------------------------------------------------------------------

function drawEvents(page) {
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  for (const e of page.items) {
    const row = el("tr", { "data-event": `${e.article_id}/${e.event_id}` },
      el("td", {}, (e.date || e.published || "").slice(0, 10)), el("td", {}, e.event_type),
      el("td", {}, e.modality), el("td", {}, (e.actor_names || []).join(", ")),
      el("td", {}, (e.recipient_names || []).join(", ")), el("td", {}, (e.place_names || []).join(", ")),
      el("td", {}, e.outlet || ""), el("td", { class: "evidence" }, e.evidence || ""));
    row.addEventListener("click", () => { location.hash = `#/event/${encodeURIComponent(e.article_id)}/${encodeURIComponent(e.event_id)}`; });
    body.append(row);
  }
  document.getElementById("event-count").textContent = `(${page.total})`;
  const last = Math.min(page.offset + page.limit, page.total);
  document.getElementById("page").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : "none";
  document.getElementById("prev").disabled = page.offset === 0;
  document.getElementById("next").disabled = last >= page.total;
}

async function showOverview() {
  document.getElementById("event").hidden = true;
  document.getElementById("overview").hidden = false;
  const chosen = filters();
  const [series, places, dyads, events] = await Promise.all([
    api("series", { ...chosen, by: "type" }), api("places", { ...chosen, located: true, limit: 500 }),
    api("dyads", { ...chosen, limit: 200 }), api("events", { ...chosen, limit: PAGE, offset: state.offset, sort: state.sort })]);
  drawTimeline(series.rows); drawMap(places.items); drawGraph(dyads); drawEvents(events);
  document.body.dataset.ready = "overview";
}

// ---- one event: the article with every value's words highlighted ----------------------------

function segments(text, highlights) {
  const cuts = [...new Set([0, text.length, ...highlights.flatMap((h) => [h.start, h.end])])].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    out.push({ start, end, covering: highlights.filter((h) => h.start <= start && h.end >= end) });
  }
  return out;
}

function drawArticle(text, highlights) {
  const box = document.getElementById("article-text");
  box.replaceChildren();
  for (const part of segments(text, highlights)) {
    const words = text.slice(part.start, part.end);
    if (!part.covering.length) { box.append(document.createTextNode(words)); continue; }
    const roles = [...new Set(part.covering.map((h) => h.role))];
    const main = ROLES.find((r) => roles.includes(r) && r !== "evidence" && r !== "quote");
    const classes = [main ? `hl-${main}` : "", roles.includes("evidence") ? "in-evidence" : "", roles.includes("quote") ? "in-quote" : ""];
    const mark = el("mark", { class: classes.filter(Boolean).join(" "), "data-roles": roles.join(" "), title: part.covering.map((h) => h.label).join("\n") }, words);
    box.append(mark);
  }
}

function drawValues(highlights) {
  const body = document.querySelector("#values tbody");
  body.replaceChildren();
  for (const h of highlights.filter((x) => x.role !== "evidence")) {
    const row = el("tr", { "data-role": h.role }, el("td", {}, h.role), el("td", {}, h.label.replace(/^[a-z ]+?: |^quote by /, "")), el("td", {}, `“${h.text}”`));
    row.addEventListener("click", () => flash(h));
    body.append(row);
  }
  const legend = document.getElementById("roles");
  legend.replaceChildren(...ROLES.map((role) => el("span", {}, el("mark", { class: role === "evidence" ? "in-evidence" : role === "quote" ? "in-quote" : `hl-${role}` }, role))));
}

function flash(highlight) {
  const marks = [...document.querySelectorAll("#article-text mark")];
  let offset = 0;
  for (const node of document.getElementById("article-text").childNodes) {
    const length = node.textContent.length;
    if (node.nodeName === "MARK" && offset >= highlight.start && offset + length <= highlight.end) node.classList.add("flash");
    offset += length;
  }
  const first = document.querySelector("#article-text mark.flash");
  if (first) first.scrollIntoView({ block: "center" });
  setTimeout(() => marks.forEach((m) => m.classList.remove("flash")), 1500);
}

async function showEvent(articleId, eventId) {
  document.getElementById("overview").hidden = true;
  document.getElementById("event").hidden = false;
  const detail = await api(`events/${encodeURIComponent(articleId)}/${encodeURIComponent(eventId)}`);
  const { article, event } = detail;
  document.getElementById("event-title").textContent = `${event.event_type} (${event.modality}) — ${article.title || article.id}`;
  document.getElementById("event-meta").textContent = [article.outlet, article.published, article.url, `confidence ${event.confidence ?? "?"}`].filter(Boolean).join(" · ");
  drawArticle(article.text, detail.highlights);
  drawValues(detail.highlights);
  document.body.dataset.ready = "event";
}

// ---- routing --------------------------------------------------------------------------------

async function route() {
  document.body.dataset.ready = "";
  setStatus("");
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const parts = path.split("/").filter(Boolean);
  try {
    if (parts[0] === "event" && parts.length === 3) await showEvent(decodeURIComponent(parts[1]), decodeURIComponent(parts[2]));
    else { readHashFilters(new URLSearchParams(query || "")); await showOverview(); }
  } catch (error) {
    setStatus(`Could not load: ${error.message}`);
    document.body.dataset.ready = "error";
  }
}

async function start() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (event) => { event.preventDefault(); state.offset = 0; pushFilters(); });
  form.addEventListener("reset", () => setTimeout(() => { state.offset = 0; pushFilters(); }));
  document.getElementById("sort").addEventListener("change", (event) => { state.sort = event.target.value; state.offset = 0; pushFilters(); });
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); pushFilters(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += PAGE; pushFilters(); });
  window.addEventListener("hashchange", route);
  try { await loadFacets(); } catch (error) { setStatus(`Could not load the filters: ${error.message}`); }
  await route();
}

document.addEventListener("DOMContentLoaded", start);
