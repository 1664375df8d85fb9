/* VitaleGraph picture: draws this page's JSON data with vis-network. Offline, no request anywhere.
   Every text that comes from the data is set with textContent or drawn on the canvas: never as HTML. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("picture-data").textContent);
  var N = DATA.nodes, E = DATA.edges, LEGEND = DATA.legend, EVIDENCE = DATA.evidence || {};
  var TAGS = DATA.tags || {ministry: [], municipality: []};
  var LARGE = N.length > 2000;
  var FACE = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif";
  // hubs keep their labels when zoomed out; persons' names appear when zooming in
  var FONT_SIZE = DATA.font || {};
  var FONT = {}, FONT_DIM = {};
  function fontOf(kind, dim) {
    var table = dim ? FONT_DIM : FONT;
    if (!table[kind]) {
      table[kind] = {color: dim ? "#c3c7ce" : "#1d1f23", face: FACE, size: FONT_SIZE[kind] || 13,
                     strokeWidth: dim ? 0 : 3, strokeColor: "#ffffff"};
    }
    return table[kind];
  }
  var EDGE = {color: "#b4b9c2", highlight: "#2b2f36", hover: "#4a505a", opacity: 1};
  var EDGE_LIT = {color: "#4a505a", highlight: "#2b2f36", hover: "#2b2f36", opacity: 1};
  var EDGE_DIM = {color: "#eceef1", highlight: "#2b2f36", hover: "#4a505a", opacity: 1};
  var DIM = {background: "#eceef1", border: "#d6d9de", highlight: {background: "#eceef1", border: "#9aa0a9"},
             hover: {background: "#e2e5e9", border: "#9aa0a9"}};

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function darker(hex) {
    var v = parseInt(hex.slice(1), 16), f = 0.7;
    var r = Math.round(((v >> 16) & 255) * f), g = Math.round(((v >> 8) & 255) * f), b = Math.round((v & 255) * f);
    return "#" + ((1 << 24) + (r << 16) + (g << 8) + b).toString(16).slice(1);
  }

  // legend entries: [key, label, colour, shape, index]
  var GROUP = {}, COLOUR = {};
  LEGEND.forEach(function (g) {
    GROUP[g[4]] = g;
    COLOUR[g[4]] = {background: g[2], border: darker(g[2]), highlight: {background: g[2], border: "#111111"},
                    hover: {background: g[2], border: "#111111"}};
  });
  function kindOf(i) { return GROUP[N[i].g][0].split("/")[0]; }
  var THROUGH = {};
  (DATA.through || []).forEach(function (k) { THROUGH[k] = true; });

  // ---------------------------------------------------------------- the network
  var visNodes = new Array(N.length), visEdges = new Array(E.length), adj = new Array(N.length);
  var i, j;
  for (i = 0; i < N.length; i++) {
    var n = N[i], grp = GROUP[n.g];
    visNodes[i] = {id: i, label: n.d || n.l, x: n.x, y: n.y, size: n.s, shape: grp[3], color: COLOUR[n.g],
                   font: fontOf(kindOf(i), false)};
    adj[i] = [];
  }
  function edgeWidth(e) { return e.w ? 1 + 1.5 * Math.log(e.w) / Math.LN2 : 1; }
  for (j = 0; j < E.length; j++) {
    var e = E[j];
    visEdges[j] = {id: j, from: e.a, to: e.b, width: edgeWidth(e), dashes: e.t === 1, color: EDGE};
    if (e.l) { visEdges[j].label = e.l; }
    adj[e.a].push(e.b);
    adj[e.b].push(e.a);
  }
  var nodes = new vis.DataSet(visNodes), edges = new vis.DataSet(visEdges);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
    autoResize: true,
    physics: false,
    layout: {improvedLayout: false},
    interaction: {hover: true, hideEdgesOnDrag: LARGE, hideEdgesOnZoom: LARGE, selectConnectedEdges: false,
                  keyboard: false, multiselect: false, tooltipDelay: 100},
    nodes: {borderWidth: 1.5, borderWidthSelected: 3, widthConstraint: {maximum: 170},
            scaling: {label: {drawThreshold: 6}}},
    edges: {smooth: false, selectionWidth: 1.5, hoverWidth: 0.5, color: EDGE,
            font: {face: FACE, size: 11, color: "#3d4148", strokeWidth: 3, strokeColor: "#ffffff", align: "middle"}}
  });
  network.once("afterDrawing", function () {
    window.vgReady = performance.now();
    document.body.setAttribute("data-ready", "1");
  });

  // ---------------------------------------------------------------- header and legend
  document.getElementById("subtitle").textContent = DATA.subtitle || "";
  document.getElementById("counts").textContent = N.length + " nodes \u00b7 " + E.length + " edges";
  document.getElementById("size-by").textContent = DATA.size_by || "";

  function swatch(g) {
    var s = el("span", "swatch " + g[3]);
    s.style.background = g[2];
    return s;
  }

  var hiddenKind = {}, hiddenTag = {ministry: {}, municipality: {}};
  function checkbox(list, parts, onChange) {
    var li = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    parts.forEach(function (p) { label.appendChild(p); });
    li.appendChild(label);
    list.appendChild(li);
    return box;
  }
  var boxes = {kind: [], ministry: [], municipality: []};
  var legendList = document.getElementById("legend");
  LEGEND.forEach(function (g) {
    var count = 0;
    for (var k = 0; k < N.length; k++) { if (N[k].g === g[4]) { count++; } }
    boxes.kind.push(checkbox(legendList, [swatch(g), el("span", null, g[1] + " (" + count + ")")], function (on) {
      hiddenKind[g[4]] = !on;
      applyFilters();
    }));
  });
  ["ministry", "municipality"].forEach(function (field) {
    var list = document.getElementById(field === "ministry" ? "ministries" : "municipalities");
    if (!TAGS[field].length) { document.getElementById(list.id + "-box").hidden = true; }
    TAGS[field].forEach(function (t, k) {
      var parts = t[1] ? [el("span", "short", t[1]), el("span", "long", t[0])] : [el("span", null, t[0])];
      var box = checkbox(list, parts, function (on) { hiddenTag[field][k] = !on; applyFilters(); });
      box.title = t[0];
      boxes[field].push(box);
    });
  });
  function setAll(field, on) {
    boxes[field].forEach(function (box, k) {
      box.checked = on;
      if (field === "kind") { hiddenKind[LEGEND[k][4]] = !on; } else { hiddenTag[field][k] = !on; }
    });
    applyFilters();
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-all]"), function (b) {
    b.addEventListener("click", function () { setAll(b.getAttribute("data-all"), true); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-none]"), function (b) {
    b.addEventListener("click", function () { setAll(b.getAttribute("data-none"), false); });
  });
  document.getElementById("reset").addEventListener("click", function () {
    ["kind", "ministry", "municipality"].forEach(function (f) { setAll(f, true); });
  });

  // ---------------------------------------------------------------- filters
  function allHidden(tags, field) {
    if (!tags || !tags.length) { return false; }
    for (var k = 0; k < tags.length; k++) { if (!hiddenTag[field][tags[k]]) { return false; } }
    return true;
  }
  var nodeHidden = new Array(N.length).fill(false), edgeHidden = new Array(E.length).fill(false);
  function applyFilters() {
    var nu = [], eu = [], k;
    for (k = 0; k < N.length; k++) {
      var n = N[k];
      var h = !!hiddenKind[n.g] || allHidden(n.m, "ministry") || allHidden(n.u, "municipality");
      if (h !== nodeHidden[k]) { nodeHidden[k] = h; nu.push({id: k, hidden: h}); }
    }
    for (k = 0; k < E.length; k++) {
      var e = E[k];
      var he = nodeHidden[e.a] || nodeHidden[e.b] || (!e.p && allHidden(e.m, "ministry"));
      if (he !== edgeHidden[k]) { edgeHidden[k] = he; eu.push({id: k, hidden: he}); }
    }
    if (nu.length) { nodes.update(nu); }
    if (eu.length) { edges.update(eu); }
  }

  // ---------------------------------------------------------------- neighbourhood highlight
  var lit = null, dimmedNode = new Array(N.length).fill(false), edgeState = new Array(E.length).fill(0);
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
  function paint(set) {
    var nu = [], eu = [], k;
    for (k = 0; k < N.length; k++) {
      var dim = set !== null && !set[k];
      if (dim !== dimmedNode[k]) {
        dimmedNode[k] = dim;
        nu.push({id: k, color: dim ? DIM : COLOUR[N[k].g], font: fontOf(kindOf(k), dim)});
      }
    }
    for (k = 0; k < E.length; k++) {
      var s = set === null ? 0 : (set[E[k].a] && set[E[k].b] ? 1 : 2);
      if (s !== edgeState[k]) {
        edgeState[k] = s;
        eu.push({id: k, color: s === 0 ? EDGE : (s === 1 ? EDGE_LIT : EDGE_DIM)});
      }
    }
    if (nu.length) { nodes.update(nu); }
    if (eu.length) { edges.update(eu); }
  }

  // ---------------------------------------------------------------- side panel
  var panel = document.getElementById("panel");
  function factList(facts) {
    var dl = el("dl", "facts");
    (facts || []).forEach(function (f) {
      dl.appendChild(el("dt", null, f[0]));
      dl.appendChild(el("dd", null, f[1]));
    });
    return dl;
  }
  function showNode(k) {
    var n = N[k], g = GROUP[n.g];
    clear(panel);
    panel.appendChild(el("h2", null, n.l));
    var kind = el("div", "kind");
    kind.appendChild(swatch(g));
    kind.appendChild(el("span", null, g[1] + (n.d && n.d !== n.l ? " \u00b7 " + n.d : "")));
    panel.appendChild(kind);
    panel.appendChild(factList(n.f));
    if (n.i) { panel.appendChild(el("p", "hint", n.i)); }
    var quotes = EVIDENCE[String(k)];
    if (quotes && quotes.length) {
      panel.appendChild(el("h3", null, "Sources (" + quotes.length + ")"));
      quotes.forEach(function (q) {
        var fig = el("figure", "evidence");
        fig.appendChild(el("blockquote", null, q[1]));
        fig.appendChild(el("figcaption", null, q[0] + " \u2014 " + q[2] + ", characters " + q[3] + "\u2013" + q[4]));
        panel.appendChild(fig);
      });
    }
    var links = adj[k].slice().sort(function (a, b) { return N[a].l < N[b].l ? -1 : (N[a].l > N[b].l ? 1 : a - b); });
    panel.appendChild(el("h3", null, "Linked to (" + links.length + ")"));
    var ul = el("ul", "links");
    links.slice(0, 300).forEach(function (m) {
      var li = el("li"), b = el("button", null, N[m].l);
      b.type = "button";
      b.title = GROUP[N[m].g][1];
      b.addEventListener("click", function () { select(m, true); });
      li.appendChild(b);
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }
  function showEdge(k) {
    var e = E[k];
    clear(panel);
    panel.appendChild(el("h2", null, N[e.a].l + " \u2014 " + N[e.b].l));
    panel.appendChild(el("div", "kind", e.l || "link"));
    panel.appendChild(factList(e.f));
  }
  function emptyPanel() {
    clear(panel);
    panel.appendChild(el("p", "hint", "Click a node, or find one by name, to see its facts and the source quote behind each membership."));
  }

  function select(k, focus) {
    if (nodeHidden[k]) {
      nodeHidden[k] = false;
      nodes.update({id: k, hidden: false});
    }
    network.selectNodes([k], false);
    lit = neighbourhood(k);
    paint(lit);
    showNode(k);
    if (focus) {
      network.focus(k, {scale: Math.max(network.getScale(), 0.9),
                        animation: {duration: 350, easingFunction: "easeInOutQuad"}});
    }
  }
  function unselect() {
    network.unselectAll();
    lit = null;
    paint(null);
    emptyPanel();
  }

  // ---------------------------------------------------------------- search
  function norm(s) { return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var KEYS = N.map(function (n) { return norm(n.l + (n.d ? " " + n.d : "")); });
  var PREFER = {person: 0, district: 0, ministry: 1, municipality: 1};
  function find(text, limit) {
    var q = norm(text).trim(), out = [];
    if (!q) { return out; }
    for (var k = 0; k < N.length; k++) {
      var key = KEYS[k], at = key.indexOf(q);
      if (at < 0) { continue; }
      var score = norm(N[k].l) === q || norm(N[k].d || "") === q ? 0 : (at === 0 ? 1 : (key.charAt(at - 1) === " " ? 2 : 3));
      var pref = PREFER[kindOf(k)];
      out.push([score, pref === undefined ? 2 : pref, N[k].l, k]);
    }
    out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : (a[2] > b[2] ? 1 : a[3] - b[3])); });
    return out.slice(0, limit || 12).map(function (r) { return r[3]; });
  }
  var search = document.getElementById("search"), results = document.getElementById("results");
  function showResults() {
    clear(results);
    find(search.value).forEach(function (k) {
      var li = el("li"), b = el("button");
      b.type = "button";
      b.appendChild(el("span", null, N[k].l + " "));
      b.appendChild(el("span", "kind", GROUP[N[k].g][1]));
      b.addEventListener("click", function () { select(k, true); });
      li.appendChild(b);
      results.appendChild(li);
    });
  }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var hit = find(search.value, 1);
      if (hit.length) { select(hit[0], true); }
      ev.preventDefault();
    } else if (ev.key === "ArrowDown" && results.querySelector("button")) {
      results.querySelector("button").focus();
      ev.preventDefault();
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      search.value = "";
      clear(results);
      unselect();
    }
  });

  // ---------------------------------------------------------------- hover tooltip (a DOM element, textContent only)
  var tip = document.getElementById("tip");
  function showTip(title, kind, facts, pointer) {
    clear(tip);
    tip.appendChild(el("span", "name", title));
    if (kind) { tip.appendChild(el("span", "kind", kind)); }
    if (facts && facts.length) { tip.appendChild(factList(facts)); }
    tip.hidden = false;
    var box = container.getBoundingClientRect();
    var x = box.left + pointer.x + 16, y = box.top + pointer.y + 16;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 4) { x = Math.max(4, box.left + pointer.x - w - 12); }
    if (y + h > window.innerHeight - 4) { y = Math.max(4, box.top + pointer.y - h - 12); }
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) {
    var n = N[p.node];
    showTip(n.l, GROUP[n.g][1] + (n.d && n.d !== n.l ? " \u00b7 " + n.d : ""), n.f, p.pointer.DOM);
  });
  network.on("hoverEdge", function (p) {
    var e = E[p.edge];
    showTip(N[e.a].l + " \u2014 " + N[e.b].l, e.l || "", e.f, p.pointer.DOM);
  });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  network.on("click", function (p) {
    if (p.nodes.length) { select(p.nodes[0], false); }
    else if (p.edges.length) { lit = null; paint(null); showEdge(p.edges[0]); }
    else { unselect(); }
  });

  network.fit({animation: false});
  // a margin for the labels at the edges (fit counts the shapes only); a small graph is not blown up
  network.moveTo({scale: Math.min(1, network.getScale() * 0.9)});

  // for scripts and tests: the network, its data sets, and the interactions above
  window.vgPicture = {
    network: network, nodes: nodes, edges: edges, data: DATA, find: find, select: select, unselect: unselect,
    highlighted: function () {
      if (!lit) { return []; }
      return Object.keys(lit).map(function (k) { return N[k].l; }).sort();
    }
  };
}());
