/* VitaleGraph picture: draws this page's JSON data with vis-network. Offline, no request anywhere.
   Every text that comes from the data is set with textContent or drawn on the canvas: never as HTML.
   The page's words come from the data too (DATA.text, in the page's language). */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("picture-data").textContent);
  var N = DATA.nodes, E = DATA.edges, LEGEND = DATA.legend, EVIDENCE = DATA.evidence || {};
  var T = DATA.text || {}, TOUR = DATA.tour || [];
  var TAGS = DATA.tags || {ministry: [], municipality: []};
  var LARGE = !!DATA.large || N.length > 2000;
  var FACE = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif";
  var FONT_SIZE = DATA.font || {};
  var FONT = {}, FONT_DIM = {};
  function say(key, values) {
    var s = T[key] === undefined ? key : String(T[key]);
    Object.keys(values || {}).forEach(function (k) { s = s.split("{" + k + "}").join(String(values[k])); });
    return s;
  }
  function fontOf(kind, dim, linker) {
    var table = dim ? FONT_DIM : FONT, key = kind + (linker ? "*" : "");
    if (!table[key]) {
      table[key] = {color: dim ? "#b9bdc4" : "#1d1f23", face: FACE, size: FONT_SIZE[kind] || 13,
                    strokeWidth: dim ? 0 : 4, strokeColor: "#ffffff", bold: {color: "#000000"},
                    multi: linker ? "markdown" : false};
    }
    return table[key];
  }
  var EDGE = {color: "#9ba1ab", highlight: "#2b2f36", hover: "#4a505a", opacity: 1};
  var EDGE_LIT = {color: "#3d4148", highlight: "#2b2f36", hover: "#2b2f36", opacity: 1};
  var EDGE_DIM = {color: "#eceef1", highlight: "#2b2f36", hover: "#4a505a", opacity: 1};
  var DIM = {background: "#eceef1", border: "#d6d9de", highlight: {background: "#eceef1", border: "#9aa0a9"},
             hover: {background: "#e2e5e9", border: "#9aa0a9"}};
  var DASH = {1: [8, 5], 2: [2, 4]};

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function byId(id) { return document.getElementById(id); }
  function darker(hex) {
    var v = parseInt(hex.slice(1), 16), f = 0.7;
    var r = Math.round(((v >> 16) & 255) * f), g = Math.round(((v >> 8) & 255) * f), b = Math.round((v & 255) * f);
    return "#" + ((1 << 24) + (r << 16) + (g << 8) + b).toString(16).slice(1);
  }

  // legend entries: [key, label, colour, shape, index]
  var GROUP = {}, COLOUR = {}, RING = {};
  LEGEND.forEach(function (g) {
    GROUP[g[4]] = g;
    COLOUR[g[4]] = {background: g[2], border: darker(g[2]), highlight: {background: g[2], border: "#111111"},
                    hover: {background: g[2], border: "#111111"}};
    RING[g[4]] = {background: g[2], border: "#000000", highlight: {background: g[2], border: "#000000"},
                  hover: {background: g[2], border: "#000000"}};
  });
  function kindOf(i) { return GROUP[N[i].g][0].split("/")[0]; }
  function colourOf(i) { return N[i].k ? RING[N[i].g] : COLOUR[N[i].g]; }
  var THROUGH = {};
  (DATA.through || []).forEach(function (k) { THROUGH[k] = true; });

  // ---------------------------------------------------------------- the network
  var visNodes = new Array(N.length), visEdges = new Array(E.length), adj = new Array(N.length);
  var incident = new Array(N.length), labelShown = new Array(N.length);
  var i, j;
  function canvasLabel(k) { return N[k].d || N[k].l; }
  for (i = 0; i < N.length; i++) {
    var n = N[i], grp = GROUP[n.g];
    labelShown[i] = !n.h;
    visNodes[i] = {id: i, label: n.h ? "" : canvasLabel(i), x: n.x, y: n.y, size: n.s, shape: grp[3],
                   color: colourOf(i), font: fontOf(kindOf(i), false), borderWidth: n.k ? 4 : 1.5,
                   borderWidthSelected: n.k ? 5 : 3};
    adj[i] = [];
    incident[i] = [];
  }
  function edgeWidth(e) { return e.w ? 1.5 + 2 * Math.log(e.w) / Math.LN2 : 1.5; }
  for (j = 0; j < E.length; j++) {
    var e = E[j];
    visEdges[j] = {id: j, from: e.a, to: e.b, width: edgeWidth(e), dashes: DASH[e.t] || false, color: EDGE};
    if (e.l) { visEdges[j].label = e.h ? "" : e.l; }
    adj[e.a].push(e.b);
    adj[e.b].push(e.a);
    incident[e.a].push(j);
    incident[e.b].push(j);
  }
  var nodes = new vis.DataSet(visNodes), edges = new vis.DataSet(visEdges);
  var container = byId("graph"), box = byId("graph-box");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
    autoResize: true,
    physics: false,
    layout: {improvedLayout: false},
    interaction: {hover: true, hideEdgesOnDrag: LARGE, hideEdgesOnZoom: LARGE, selectConnectedEdges: false,
                  keyboard: false, multiselect: false, tooltipDelay: 100},
    nodes: {borderWidth: 1.5, borderWidthSelected: 3, scaling: {label: {drawThreshold: LARGE ? 6 : 3}}},
    edges: {smooth: false, selectionWidth: 1.5, hoverWidth: 0.5, color: EDGE,
            font: {face: FACE, size: DATA.edge_font || 12, color: "#2b2f36", strokeWidth: 4, strokeColor: "#ffffff",
                   align: "horizontal"}}
  });

  // ---------------------------------------------------------------- the view: home (fit), zoom to a set
  var home = {scale: 1}, userMoved = false, panelOpen = false;
  function extent(ids) {
    var r = {minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity};
    ids.forEach(function (k) {
      var b = network.getBoundingBox(k);
      if (!b) { return; }
      r.minX = Math.min(r.minX, b.left); r.maxX = Math.max(r.maxX, b.right);
      r.minY = Math.min(r.minY, b.top); r.maxY = Math.max(r.maxY, b.bottom);
    });
    return r;
  }
  function visibleIds() {
    var out = [];
    for (var k = 0; k < N.length; k++) { if (!nodeHidden[k]) { out.push(k); } }
    return out;
  }
  /* the whole picture, shapes and drawn labels, in the frame with a small margin */
  function fitHome() {
    var ids = visibleIds(), w = container.clientWidth, h = container.clientHeight;
    if (!ids.length || !w || !h) { network.fit({animation: false}); home.scale = network.getScale(); return; }
    var r = extent(ids);
    var scale = Math.min(w / (1.04 * Math.max(r.maxX - r.minX, 1)), h / (1.04 * Math.max(r.maxY - r.minY, 1)), 3);
    network.moveTo({position: {x: (r.minX + r.maxX) / 2, y: (r.minY + r.maxY) / 2}, scale: scale, animation: false});
    home.scale = scale;
    userMoved = false;
    updateLabels();
  }
  function zoomTo(ids, withPanel) {
    if (!ids.length) { fitHome(); return; }
    var r = extent(ids), minX = r.minX, maxX = r.maxX, minY = r.minY, maxY = r.maxY;
    var w = container.clientWidth - (withPanel ? byId("panel").offsetWidth : 0), h = container.clientHeight;
    var scale = Math.min(w / (1.2 * Math.max(maxX - minX, 1)), h / (1.2 * Math.max(maxY - minY, 1)), 1.6);
    scale = Math.max(scale, Math.min(home.scale, 1.6));
    var shift = withPanel ? byId("panel").offsetWidth / (2 * scale) : 0;
    network.moveTo({position: {x: (minX + maxX) / 2 + shift, y: (minY + maxY) / 2}, scale: scale,
                    animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    userMoved = true;
  }
  network.once("afterDrawing", function () {
    fitHome();
    network.once("afterDrawing", function () {
      window.vgReady = performance.now();
      document.body.setAttribute("data-ready", "1");
    });
    network.redraw();
  });
  if (window.ResizeObserver) {
    new ResizeObserver(function () { if (!userMoved && window.vgReady) { fitHome(); } }).observe(container);
  }

  // labels of persons and organisations that link no districts: drawn when zoomed in, selected or lit
  var lit = null, hovered = -1;
  function updateLabels() {
    if (LARGE) { return; }
    var near = network.getScale() >= 1.8 * home.scale, nu = [];
    for (var k = 0; k < N.length; k++) {
      if (!N[k].h) { continue; }
      var show = near || k === hovered || (lit !== null && !!lit[k]);
      if (show !== labelShown[k]) {
        labelShown[k] = show;
        nu.push({id: k, label: show ? canvasLabel(k) : ""});
      }
    }
    if (nu.length) { nodes.update(nu); }
  }

  // ---------------------------------------------------------------- header, legend, notes
  byId("subtitle").textContent = DATA.subtitle || "";
  byId("counts").textContent = say("counts", {nodes: N.length, edges: E.length});
  byId("fit").textContent = say("fit");
  byId("reset").textContent = say("reset");
  byId("linkers-label").textContent = say("linkers_only");
  byId("linkers-box").title = say("linkers_only_hint");
  byId("kinds-title").textContent = say("show_kinds");
  byId("read-title").textContent = say("how_to_read");
  byId("ministries-title").textContent = say("ministries_filter");
  byId("municipalities-title").textContent = say("municipalities_filter");
  byId("help").textContent = DATA.help || "";
  byId("panel-close").textContent = say("close");
  Array.prototype.forEach.call(document.querySelectorAll("[data-all]"), function (b) { b.textContent = say("all"); });
  Array.prototype.forEach.call(document.querySelectorAll("[data-none]"), function (b) { b.textContent = say("none"); });
  var anyLinker = N.some(function (n) { return n.o; }) || E.some(function (x) { return x.o; });
  if (!anyLinker) { byId("linkers-box").hidden = true; }

  function swatch(g) {
    var s = el("span", "swatch " + g[3]);
    s.style.background = g[2];
    return s;
  }
  var notes = byId("notes");
  (DATA.notes || []).forEach(function (note) {
    var li = el("li"), enc = el("span", "enc"), mark;
    if (note[0] === "solid" || note[0] === "dashed" || note[0] === "dotted") { mark = el("span", "line " + note[0]); }
    else if (note[0] === "width") { mark = el("span", "line thick"); }
    else if (note[0] === "linker") { mark = el("span", "ring"); }
    else if (note[0] === "size") {
      mark = el("span");
      [6, 10, 14].forEach(function (d) { var c = el("span", "size"); c.style.cssText = "display:inline-block;margin:0 1px;width:" + d + "px;height:" + d + "px"; mark.appendChild(c); });
    } else if (note[0] === "faded") { mark = el("span", "faded"); }
    else { mark = el("span", "colour"); }
    enc.appendChild(mark);
    enc.setAttribute("aria-hidden", "true");
    li.appendChild(enc);
    li.appendChild(el("span", null, note[1]));
    notes.appendChild(li);
  });

  var hiddenKind = {}, hiddenTag = {ministry: {}, municipality: {}}, linkersOnly = false;
  function checkbox(list, parts, onChange) {
    var li = el("li"), label = el("label"), input = el("input");
    input.type = "checkbox";
    input.checked = true;
    input.addEventListener("change", function () { onChange(input.checked); });
    label.appendChild(input);
    parts.forEach(function (p) { label.appendChild(p); });
    li.appendChild(label);
    list.appendChild(li);
    return input;
  }
  var boxes = {kind: [], ministry: [], municipality: []}, kindCount = {}, kindTotal = {};
  var legendList = byId("legend");
  LEGEND.forEach(function (g) {
    var total = 0;
    for (var k = 0; k < N.length; k++) { if (N[k].g === g[4]) { total++; } }
    kindTotal[g[4]] = total;
    kindCount[g[4]] = el("span", "count", String(total));
    boxes.kind.push(checkbox(legendList, [swatch(g), el("span", null, g[1]), kindCount[g[4]]], function (on) {
      hiddenKind[g[4]] = !on;
      applyFilters();
    }));
  });
  ["ministry", "municipality"].forEach(function (field) {
    var list = byId(field === "ministry" ? "ministries" : "municipalities");
    if (!TAGS[field].length) { byId(list.id + "-box").hidden = true; }
    TAGS[field].forEach(function (t, k) {
      var parts = t[1] ? [el("span", "short", t[1]), el("span", "long", t[0])] : [el("span", null, t[0])];
      var input = checkbox(list, parts, function (on) { hiddenTag[field][k] = !on; applyFilters(); });
      input.title = t[0];
      boxes[field].push(input);
    });
  });
  function setAll(field, on) {
    boxes[field].forEach(function (input, k) {
      input.checked = on;
      if (field === "kind") { hiddenKind[LEGEND[k][4]] = !on; } else { hiddenTag[field][k] = !on; }
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-all]"), function (b) {
    b.addEventListener("click", function () { setAll(b.getAttribute("data-all"), true); applyFilters(); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-none]"), function (b) {
    b.addEventListener("click", function () { setAll(b.getAttribute("data-none"), false); applyFilters(); });
  });
  var linkersBox = byId("linkers");
  linkersBox.addEventListener("change", function () { linkersOnly = linkersBox.checked; applyFilters(); });
  byId("reset").addEventListener("click", function () {
    ["kind", "ministry", "municipality"].forEach(function (f) { setAll(f, true); });
    linkersBox.checked = linkersOnly = false;
    applyFilters();
    endTour();
    unselect();
    fitHome();
  });
  byId("fit").addEventListener("click", function () { hideTip(); fitHome(); });

  // ---------------------------------------------------------------- filters
  function allHidden(tags, field) {
    if (!tags || !tags.length) { return false; }
    for (var k = 0; k < tags.length; k++) { if (!hiddenTag[field][tags[k]]) { return false; } }
    return true;
  }
  var nodeHidden = new Array(N.length).fill(false), edgeHidden = new Array(E.length).fill(false);
  function applyFilters() {
    hideTip();
    var base = new Array(N.length), he = new Array(E.length), k, nu = [], eu = [];
    for (k = 0; k < N.length; k++) {
      var n = N[k];
      base[k] = !!hiddenKind[n.g] || allHidden(n.m, "ministry") || allHidden(n.u, "municipality") ||
        (linkersOnly && !n.o);
    }
    for (k = 0; k < E.length; k++) {
      var x = E[k];
      he[k] = base[x.a] || base[x.b] || (!x.p && allHidden(x.m, "ministry")) || (linkersOnly && !x.o);
    }
    // a node whose every line is hidden goes too (a ministry left without districts, a person without team)
    for (k = 0; k < N.length; k++) {
      if (!base[k] && incident[k].length && incident[k].every(function (m) { return he[m]; })) { base[k] = true; }
    }
    var shown = {};
    for (k = 0; k < N.length; k++) {
      if (base[k] !== nodeHidden[k]) { nodeHidden[k] = base[k]; nu.push({id: k, hidden: base[k]}); }
      if (!base[k]) { shown[N[k].g] = (shown[N[k].g] || 0) + 1; }
    }
    for (k = 0; k < E.length; k++) {
      if (he[k] !== edgeHidden[k]) { edgeHidden[k] = he[k]; eu.push({id: k, hidden: he[k]}); }
    }
    if (nu.length) { nodes.update(nu); }
    if (eu.length) { edges.update(eu); }
    LEGEND.forEach(function (g) {
      var s = shown[g[4]] || 0;
      kindCount[g[4]].textContent = s === kindTotal[g[4]] ? String(s) : say("shown_of", {shown: s, total: kindTotal[g[4]]});
    });
  }

  // ---------------------------------------------------------------- neighbourhood highlight
  var dimmedNode = new Array(N.length).fill(false), edgeState = new Array(E.length).fill(0);
  function neighbourhood(k) {
    var set = {};
    set[k] = true;
    adj[k].forEach(function (m) {
      set[m] = true;
      if (THROUGH[kindOf(m)] && !THROUGH[kindOf(k)]) {
        adj[m].forEach(function (x) { set[x] = true; });
      }
    });
    return set;
  }
  function paint(set, litEdges) {
    var nu = [], eu = [], k;
    lit = set;
    for (k = 0; k < N.length; k++) {
      var dim = set !== null && !set[k];
      if (dim !== dimmedNode[k]) {
        dimmedNode[k] = dim;
        nu.push({id: k, color: dim ? DIM : colourOf(k), font: fontOf(kindOf(k), dim)});
      }
    }
    for (k = 0; k < E.length; k++) {
      var on = litEdges ? !!litEdges[k] : (set !== null && set[E[k].a] && set[E[k].b]);
      var s = set === null ? 0 : (on ? 1 : 2);
      if (s !== edgeState[k]) {
        edgeState[k] = s;
        var change = {id: k, color: s === 0 ? EDGE : (s === 1 ? EDGE_LIT : EDGE_DIM),
                      font: {color: s === 2 ? "#c3c7ce" : "#2b2f36"}};
        if (E[k].h) { change.label = s === 1 ? E[k].l : ""; }
        eu.push(change);
      }
    }
    if (nu.length) { nodes.update(nu); }
    if (eu.length) { edges.update(eu); }
    updateLabels();
  }

  // ---------------------------------------------------------------- side panel
  var panel = byId("panel"), panelBody = byId("panel-body");
  function factList(facts) {
    var dl = el("dl", "facts");
    (facts || []).forEach(function (f) {
      dl.appendChild(el("dt", null, f[0]));
      dl.appendChild(el("dd", null, f[1]));
    });
    return dl;
  }
  function openPanel() {
    panel.hidden = false;
    panelOpen = true;
  }
  function closePanel() {
    panel.hidden = true;
    panelOpen = false;
  }
  byId("panel-close").addEventListener("click", function () { unselect(); search.focus(); });
  function linkButton(m) {
    var b = el("button", null, N[m].l);
    b.type = "button";
    b.title = GROUP[N[m].g][1];
    b.addEventListener("click", function () { select(m, true); });
    return b;
  }
  function showNode(k) {
    var n = N[k], g = GROUP[n.g];
    clear(panelBody);
    panelBody.appendChild(el("h2", null, n.l));
    var kind = el("div", "kind");
    kind.appendChild(swatch(g));
    var other = n.d ? n.d.replace(/\n/g, " ") : "";
    kind.appendChild(el("span", null, g[1] + (other && other.indexOf(n.l) !== 0 && other !== n.l ? " \u00b7 " + other : "")));
    panelBody.appendChild(kind);
    if (n.t) { panelBody.appendChild(el("p", "plain", n.t)); }
    panelBody.appendChild(factList(n.f));
    if (n.i) { panelBody.appendChild(el("p", "hint", n.i)); }
    var quotes = EVIDENCE[String(k)];
    if (quotes && quotes.length) {
      panelBody.appendChild(el("h3", null, say("sources", {n: quotes.length})));
      quotes.forEach(function (q) {
        var fig = el("figure", "evidence"), cap = el("figcaption");
        fig.appendChild(el("blockquote", null, q[1]));
        cap.appendChild(el("span", null, q[0]));
        if (q[5]) { cap.appendChild(el("span", "source", " \u2014 " + q[5])); }
        cap.appendChild(el("span", "detail", say("source_detail", {file: q[2], start: q[3], end: q[4]})));
        fig.appendChild(cap);
        panelBody.appendChild(fig);
      });
    }
    var ties = incident[k].filter(function (m) { return E[m].wp || E[m].wd; });
    var ul = el("ul", "links");
    if (ties.length) {
      panelBody.appendChild(el("h3", null, say("links_to_districts", {n: ties.length})));
      ties.map(function (m) { return [E[m].a === k ? E[m].b : E[m].a, E[m]]; })
        .sort(function (a, b) { return N[a[0]].l < N[b[0]].l ? -1 : (N[a[0]].l > N[b[0]].l ? 1 : 0); })
        .forEach(function (pair) {
          var li = el("li");
          li.appendChild(linkButton(pair[0]));
          if (pair[1].wp) { li.appendChild(el("span", "via", say("through_persons", {who: pair[1].wp}))); }
          if (pair[1].wd) { li.appendChild(el("span", "via", say("through_departments", {what: pair[1].wd}))); }
          ul.appendChild(li);
        });
    } else {
      var links = adj[k].slice().sort(function (a, b) { return N[a].l < N[b].l ? -1 : (N[a].l > N[b].l ? 1 : a - b); });
      panelBody.appendChild(el("h3", null, say("linked_to", {n: links.length})));
      links.slice(0, 300).forEach(function (m) {
        var li = el("li");
        li.appendChild(linkButton(m));
        ul.appendChild(li);
      });
    }
    panelBody.appendChild(ul);
    openPanel();
  }
  function showEdge(k) {
    var e = E[k];
    clear(panelBody);
    panelBody.appendChild(el("h2", null, N[e.a].l + " \u2014 " + N[e.b].l));
    if (e.n) { panelBody.appendChild(el("p", "plain", e.n)); }
    if (e.l) { panelBody.appendChild(el("div", "kind", e.l.replace(/\n/g, " "))); }
    panelBody.appendChild(factList(e.f));
    var ul = el("ul", "links");
    [e.a, e.b].forEach(function (m) { var li = el("li"); li.appendChild(linkButton(m)); ul.appendChild(li); });
    panelBody.appendChild(ul);
    openPanel();
  }

  function select(k, focus) {
    hideTip();
    if (nodeHidden[k]) {
      nodeHidden[k] = false;
      nodes.update({id: k, hidden: false});
    }
    network.selectNodes([k], false);
    var set = neighbourhood(k);
    paint(set);
    showNode(k);
    zoomTo(Object.keys(set).map(Number).filter(function (m) { return !nodeHidden[m]; }), true);
    if (focus) { panel.focus(); }
  }
  function selectEdge(k, focus) {
    hideTip();
    network.selectEdges([k]);
    var set = {}, only = {};
    set[E[k].a] = set[E[k].b] = true;
    only[k] = true;
    paint(set, only);
    showEdge(k);
    zoomTo([E[k].a, E[k].b], true);
    if (focus) { panel.focus(); }
  }
  function unselect() {
    network.unselectAll();
    paint(null);
    closePanel();
  }

  // ---------------------------------------------------------------- search: names, facts, lines
  function norm(s) { return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function factText(f) { return (f || []).map(function (x) { return x[1]; }).join(" | "); }
  var NAMES = N.map(function (n) { return norm(n.l + (n.d ? " " + n.d.replace(/\n/g, " ") : "")); });
  var FACTS = N.map(function (n) { return norm(factText(n.f)); });
  var EDGE_KEYS = E.map(function (x) { return norm((x.l ? x.l.replace(/\n/g, " ") + " | " : "") + factText(x.f)); });
  var PREFER = {person: 0, district: 0, ministry: 1, municipality: 1};
  function score(key, q) {
    var at = key.indexOf(q);
    if (at < 0) { return -1; }
    return key === q ? 0 : (at === 0 ? 1 : (/[\s(,;|]/.test(key.charAt(at - 1)) ? 2 : 3));
  }
  /* matches, best first: [kind, index] with kind "n" (a node) or "e" (a line) */
  function findAll(text, limit) {
    var q = norm(text).trim(), out = [], k, s;
    if (!q) { return []; }
    for (k = 0; k < N.length; k++) {
      s = score(NAMES[k], q);
      if (s < 0 && !LARGE) { s = score(FACTS[k], q); if (s >= 0) { s += 4; } }
      if (s < 0) { continue; }
      var pref = PREFER[kindOf(k)];
      out.push([s, pref === undefined ? 2 : pref, N[k].l, "n", k]);
    }
    if (!LARGE) {
      for (k = 0; k < E.length; k++) {
        s = score(EDGE_KEYS[k], q);
        if (s >= 0) { out.push([s + 5, 3, N[E[k].a].l + " \u2014 " + N[E[k].b].l, "e", k]); }
      }
    }
    out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : (a[2] > b[2] ? 1 : a[4] - b[4])); });
    return out.slice(0, limit || 15).map(function (r) { return [r[3], r[4]]; });
  }
  function find(text, limit) {
    return findAll(text, 1000).filter(function (r) { return r[0] === "n"; }).slice(0, limit || 12)
      .map(function (r) { return r[1]; });
  }
  function pick(r, focus) { if (r[0] === "n") { select(r[1], focus); } else { selectEdge(r[1], focus); } }
  var search = byId("search"), results = byId("results");
  function showResults() {
    hideTip();
    clear(results);
    var q = search.value.trim();
    if (!q) { return; }
    var hits = findAll(q);
    if (!hits.length) {
      results.appendChild(el("li", "none", say("no_match", {q: q})));
      return;
    }
    hits.forEach(function (r) {
      var li = el("li"), b = el("button");
      b.type = "button";
      if (r[0] === "n") {
        b.appendChild(el("span", null, N[r[1]].l + " "));
        b.appendChild(el("span", "kind", GROUP[N[r[1]].g][1]));
      } else {
        var x = E[r[1]];
        b.appendChild(el("span", null, N[x.a].l + " \u2014 " + N[x.b].l + " "));
        b.appendChild(el("span", "kind", (x.l || "").replace(/\n/g, " ")));
      }
      b.addEventListener("click", function () { pick(r, true); });
      b.addEventListener("keydown", function (ev) {
        var li2 = b.parentNode;
        if (ev.key === "ArrowDown" && li2.nextSibling) { li2.nextSibling.firstChild.focus(); ev.preventDefault(); }
        if (ev.key === "ArrowUp") { (li2.previousSibling ? li2.previousSibling.firstChild : search).focus(); ev.preventDefault(); }
      });
      li.appendChild(b);
      results.appendChild(li);
    });
  }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var hit = findAll(search.value, 1);
      if (hit.length) { pick(hit[0], false); }
      ev.preventDefault();
    } else if (ev.key === "ArrowDown" && results.querySelector("button")) {
      results.querySelector("button").focus();
      ev.preventDefault();
    }
  });

  // ---------------------------------------------------------------- hover tooltip (a DOM element, textContent only)
  var tip = byId("tip");
  function showTip(title, kind, plain, facts, pointer) {
    clear(tip);
    tip.appendChild(el("span", "name", title));
    if (kind) { tip.appendChild(el("span", "kind", kind)); }
    if (plain) { tip.appendChild(el("span", "plain", plain)); }
    if (facts && facts.length) {
      tip.appendChild(factList(facts.filter(function (f) { return f[0] !== DATA.size_by; })));
    }
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight, bw = box.clientWidth, bh = box.clientHeight;
    var x = pointer.x + 16, y = pointer.y + 16;
    if (x + w > bw - 4) { x = Math.max(4, pointer.x - w - 12); }
    if (y + h > bh - 4) { y = Math.max(4, pointer.y - h - 12); }
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() {
    tip.hidden = true;
    if (hovered >= 0) { hovered = -1; updateLabels(); }
  }
  network.on("hoverNode", function (p) {
    var n = N[p.node];
    hovered = p.node;
    updateLabels();
    showTip(n.l, GROUP[n.g][1], n.t, n.f, p.pointer.DOM);
  });
  network.on("hoverEdge", function (p) {
    var x = E[p.edge];
    showTip(N[x.a].l + " \u2014 " + N[x.b].l, (x.l || "").replace(/\n/g, " "), x.n, x.f, p.pointer.DOM);
  });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", function () { hideTip(); userMoved = true; });
  network.on("zoom", function () { hideTip(); userMoved = true; updateLabels(); });
  container.addEventListener("mouseleave", hideTip);
  box.addEventListener("mouseleave", hideTip);
  network.on("click", function (p) {
    hideTip();
    if (tourAt >= 0) { endTour(); }
    if (p.nodes.length) { select(p.nodes[0], false); }
    else if (p.edges.length) { selectEdge(p.edges[0], false); }
    else { unselect(); }
  });

  // ---------------------------------------------------------------- the guided tour
  var tourAt = -1, tourBox = byId("tour-box");
  var tourBack = byId("tour-back"), tourNext = byId("tour-next"), tourEnd = byId("tour-end");
  function tourStep(k) {
    if (!TOUR.length) { return; }
    k = Math.max(0, Math.min(TOUR.length - 1, k));
    tourAt = k;
    hideTip();
    network.unselectAll();
    closePanel();
    var step = TOUR[k], set = {}, only = {};
    step.nodes.forEach(function (m) { set[m] = true; });
    step.edges.forEach(function (m) { only[m] = true; });
    paint(step.nodes.length ? set : null, only);
    byId("tour-caption").textContent = step.caption;
    byId("tour-count").textContent = say("tour_step", {i: k + 1, n: TOUR.length});
    var link = byId("tour-link");
    link.href = "#tour-" + (k + 1);
    link.textContent = say("tour_link");
    link.hidden = false;
    tourBack.textContent = say("tour_back");
    tourNext.textContent = say("tour_next");
    tourBack.disabled = k === 0;
    tourNext.disabled = k === TOUR.length - 1;
    tourEnd.hidden = false;
    if (step.nodes.length) { zoomTo(step.nodes.filter(function (m) { return !nodeHidden[m]; }), false); } else { fitHome(); }
    try { if (location.hash !== "#tour-" + (k + 1)) { history.replaceState(null, "", "#tour-" + (k + 1)); } } catch (err) { /* a sandboxed frame */ }
  }
  function endTour() {
    if (tourAt < 0) { return; }
    tourAt = -1;
    paint(null);
    byId("tour-caption").textContent = "";
    byId("tour-count").textContent = "";
    byId("tour-link").textContent = "";
    byId("tour-link").hidden = true;
    tourBack.disabled = true;
    tourNext.textContent = say("tour_start");
    tourNext.disabled = false;
    tourEnd.hidden = true;
    try { if (location.hash) { history.replaceState(null, "", location.pathname + location.search); } } catch (err) { /* sandboxed */ }
  }
  if (TOUR.length) {
    tourBox.hidden = false;
    byId("tour-title").textContent = say("tour");
    tourBack.textContent = say("tour_back");
    tourNext.textContent = say("tour_start");
    tourEnd.textContent = say("tour_end");
    tourBack.disabled = true;
    tourBack.addEventListener("click", function () { tourStep(tourAt - 1); });
    tourNext.addEventListener("click", function () { tourStep(tourAt + 1); });
    tourEnd.addEventListener("click", function () { endTour(); fitHome(); tourNext.focus(); });
  }
  function fromHash() {
    var m = /^#tour-(\d+)$/.exec(location.hash || "");
    if (m && TOUR.length) { tourStep(parseInt(m[1], 10) - 1); }
  }
  window.addEventListener("hashchange", fromHash);

  document.addEventListener("keydown", function (ev) {
    var typing = ev.target && (ev.target.tagName === "INPUT" || ev.target.tagName === "TEXTAREA");
    if (ev.key === "Escape") {
      hideTip();
      search.value = "";
      clear(results);
      endTour();
      unselect();
    } else if (tourAt >= 0 && !typing && (ev.key === "ArrowRight" || ev.key === "ArrowLeft")) {
      tourStep(tourAt + (ev.key === "ArrowRight" ? 1 : -1));
      ev.preventDefault();
    }
  });

  // for scripts and tests: the network, its data sets, and the interactions above
  window.vgPicture = {
    network: network, nodes: nodes, edges: edges, data: DATA, find: find, findAll: findAll, select: select,
    selectEdge: selectEdge, unselect: unselect, fit: fitHome, tour: tourStep, endTour: endTour,
    home: function () { return home.scale; }, tourAt: function () { return tourAt; },
    highlighted: function () {
      if (!lit) { return []; }
      return Object.keys(lit).map(function (k) { return N[k].l; }).sort();
    }
  };
  network.once("afterDrawing", function () { setTimeout(fromHash, 0); });
}());
