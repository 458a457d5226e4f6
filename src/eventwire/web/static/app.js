// eventwire dashboard: one filter form whose values live in the URL and drive every view
// (timeline, dyad network, map, event table). Charts are ECharts; the table and the evidence
// panel are server-rendered fragments loaded with htmx (plain links work without JavaScript).
(function () {
  "use strict";
  const form = document.getElementById("filters");
  if (!form) return;

  const QUAD = {
    1: ["verbal cooperation", "#7fb8d8"], 2: ["material cooperation", "#2a7ab0"],
    3: ["verbal conflict", "#f0a04b"], 4: ["material conflict", "#c8372d"],
  };
  const views = { timeline: null, network: null, map: null };
  const generation = { timeline: 0, network: 0, map: 0 };
  const state = { charts: views, countryNames: {}, buckets: [], worldLoaded: null };
  window.eventwire = state;

  // -- filters <-> URL ----------------------------------------------------------------------
  function params() {
    const out = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      const text = String(value).trim();
      if (text) out.append(name, text);
    }
    return out;
  }

  function setFormFrom(search) {
    const given = new URLSearchParams(search);
    for (const element of form.elements) {
      if (!element.name) continue;
      element.value = given.get(element.name) || "";
    }
  }

  function setFilter(name, value) {
    const element = form.elements[name];
    if (element) element.value = value;
    refresh(true);
  }

  function refresh(push, withTable = true) {
    const query = params();
    const text = query.toString();
    const url = "/" + (text ? "?" + text : "");
    if (push && url !== location.pathname + location.search) history.pushState(null, "", url);
    if (withTable) loadTable(query);
    loadTimeline(query);
    loadNetwork(query);
    loadMap(query);
    const evidence = document.getElementById("evidence");
    if (evidence) evidence.innerHTML = '<p class="muted">Choose an event to read the sentence it was coded from.</p>';
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); refresh(true); });
  form.addEventListener("change", () => refresh(true));
  const reset = document.getElementById("reset-filters");
  if (reset) reset.addEventListener("click", (event) => {
    event.preventDefault();
    for (const element of form.elements) if (element.name) element.value = "";
    refresh(true);
  });
  window.addEventListener("popstate", () => { setFormFrom(location.search); refresh(false); });

  // -- table and evidence ---------------------------------------------------------------------
  function loadTable(query) {
    const target = document.getElementById("events-table");
    const url = "/fragments/events?" + query.toString();
    if (window.htmx) {
      window.htmx.ajax("GET", url, { target: "#events-table", swap: "innerHTML" });
    } else {
      fetch(url).then((r) => r.text()).then((html) => { target.innerHTML = html; });
    }
  }

  document.addEventListener("click", (event) => {
    const row = event.target.closest("tr.event-row");
    if (!row) return;
    document.querySelectorAll("tr.event-row.selected").forEach((r) => r.classList.remove("selected"));
    row.classList.add("selected");
    if (!window.htmx && !event.target.closest("a")) location.href = "/events/" + row.dataset.eventId;
  });

  // -- charts ---------------------------------------------------------------------------------
  function chartFor(name) {
    const element = document.getElementById(name);
    if (!element) return null;
    if (!window.echarts) {
      element.innerHTML = '<p class="empty">Charts need the front-end libraries: run <code>make setup</code>.</p>';
      element.dataset.loaded = "missing";
      return null;
    }
    if (!views[name]) views[name] = window.echarts.init(element, null, { renderer: "canvas" });
    return views[name];
  }

  function done(name, count) {
    const element = document.getElementById(name);
    element.dataset.count = String(count);
    element.dataset.loaded = "true";
  }

  async function getJSON(path, query) {
    const response = await fetch(path + "?" + query.toString());
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
    return body;
  }

  function failed(name, chart, error) {
    chart.clear();
    chart.setOption({ title: { text: String(error.message || error), left: "center", top: "middle",
      textStyle: { fontSize: 12, color: "#b03a2e", fontWeight: 400 } } });
    const element = document.getElementById(name);
    element.dataset.loaded = "error";
  }

  function emptyTitle(text) {
    return { text, left: "center", top: "middle", textStyle: { fontSize: 13, color: "#6b7480", fontWeight: 400 } };
  }

  async function loadTimeline(query) {
    const chart = chartFor("timeline");
    if (!chart) return;
    const mine = ++generation.timeline;
    document.getElementById("timeline").dataset.loaded = "false";
    try {
      const data = await getJSON("/api/stats/timeline", query);
      if (mine !== generation.timeline) return;
      state.buckets = data.buckets;
      chart.setOption({
        title: data.total ? { show: false } : emptyTitle("No dated events match these filters"),
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        legend: { top: 0, textStyle: { fontSize: 11 } },
        grid: { left: 36, right: 14, top: 28, bottom: 56 },
        xAxis: { type: "category", data: data.buckets, axisLabel: { fontSize: 11 } },
        yAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 11 } },
        dataZoom: [{ type: "inside" }, { type: "slider", height: 16, bottom: 8 }],
        series: data.series.map((s) => ({
          name: `${s.quad_class} ${s.label}`, type: "bar", stack: "quad", barMaxWidth: 28,
          data: s.counts, itemStyle: { color: QUAD[s.quad_class][1] },
          emphasis: { focus: "series" },
        })),
      }, true);
      done("timeline", data.total);
    } catch (error) {
      failed("timeline", chart, error);
    }
  }

  const zoomButton = document.getElementById("zoom-to-filter");
  if (zoomButton) zoomButton.addEventListener("click", () => {
    const chart = views.timeline;
    if (!chart || !state.buckets.length) return;
    const zoom = chart.getOption().dataZoom[0];
    const last = state.buckets.length - 1;
    const first = Math.max(0, Math.round((zoom.start / 100) * last));
    const end = Math.min(last, Math.round((zoom.end / 100) * last));
    form.elements.start.value = state.buckets[first];
    form.elements.end.value = state.buckets[end];
    refresh(true);
  });

  // Goldstein -10 (red) .. 0 (grey) .. +10 (green)
  function goldsteinColor(value) {
    const v = Math.max(-10, Math.min(10, value || 0)) / 10;
    const grey = [154, 163, 173], red = [200, 55, 45], green = [42, 157, 91];
    const to = v < 0 ? red : green, t = Math.abs(v);
    const mix = grey.map((g, i) => Math.round(g + (to[i] - g) * t));
    return `rgb(${mix.join(",")})`;
  }

  async function loadNetwork(query) {
    const chart = chartFor("network");
    if (!chart) return;
    const mine = ++generation.network;
    document.getElementById("network").dataset.loaded = "false";
    const withLimit = new URLSearchParams(query);
    withLimit.set("limit", "40");
    try {
      const data = await getJSON("/api/stats/dyads", withLimit);
      if (mine !== generation.network) return;
      const maxNode = Math.max(1, ...data.nodes.map((n) => n.events));
      const maxEdge = Math.max(1, ...data.edges.map((e) => e.events));
      chart.setOption({
        title: data.edges.length ? { show: false } : emptyTitle("No actor pairs match these filters"),
        tooltip: {
          formatter: (p) => p.dataType === "edge"
            ? `${p.data.source} → ${p.data.target}<br>${p.data.value} events, mean Goldstein ${p.data.goldstein}`
            : `${p.data.id}${p.data.fullName ? " (" + p.data.fullName + ")" : ""}<br>${p.data.value} events`,
        },
        graphic: [{ type: "text", right: 6, top: 2, style: { text: "mean Goldstein: red −10 · grey 0 · green +10", fontSize: 10, fill: "#6b7480" } }],
        series: [{
          type: "graph", layout: "force", roam: true, draggable: true,
          force: { repulsion: 200, edgeLength: [50, 120], gravity: 0.18, layoutAnimation: true },
          edgeSymbol: ["none", "arrow"], edgeSymbolSize: 7,
          label: { show: true, position: "right", fontSize: 11 },
          emphasis: { focus: "adjacency", lineStyle: { width: 5 } },
          data: data.nodes.map((n) => ({
            id: n.code, name: n.code, fullName: n.name, value: n.events,
            symbolSize: 10 + 26 * Math.sqrt(n.events / maxNode),
            itemStyle: { color: "#2557a7" },
          })),
          links: data.edges.map((e) => ({
            source: e.source, target: e.target, value: e.events, goldstein: e.goldstein_mean,
            lineStyle: { color: goldsteinColor(e.goldstein_mean), width: 1.5 + 5 * (e.events / maxEdge), curveness: 0.18, opacity: 0.9 },
          })),
        }],
      }, true);
      done("network", data.edges.reduce((sum, e) => sum + e.events, 0));
    } catch (error) {
      failed("network", chart, error);
    }
  }

  async function loadWorld() {
    if (!state.worldLoaded) {
      state.worldLoaded = fetch("/static/vendor/countries-110m.json").then((r) => r.json()).then((topology) => {
        const world = window.topojson.feature(topology, topology.objects.countries);
        world.features = world.features.filter((f) => f.id !== "010");  // Antarctica: no events, much space
        // Russia and Fiji cross the antimeridian: on a flat map their far-east parts are moved past 180°
        // instead of being drawn as a stripe across the whole world.
        const east = (ring) => ring.map(([x, y]) => [x < -150 ? x + 360 : x, y]);
        for (const feature of world.features) {
          if (feature.id === "643" || feature.id === "242") {
            const g = feature.geometry;
            g.coordinates = g.type === "Polygon" ? g.coordinates.map(east) : g.coordinates.map((p) => p.map(east));
          }
        }
        for (const feature of world.features) {
          const label = feature.properties.name;
          // Regions are keyed by ISO 3166 numeric code (what the API sends), names kept for tooltips.
          feature.properties.name = feature.id != null ? String(feature.id) : label;
          state.countryNames[feature.properties.name] = label;
        }
        window.echarts.registerMap("world", world);
      });
    }
    return state.worldLoaded;
  }

  async function loadMap(query) {
    const chart = chartFor("map");
    if (!chart) return;
    const mine = ++generation.map;
    document.getElementById("map").dataset.loaded = "false";
    try {
      const [data] = await Promise.all([getJSON("/api/stats/places", query), loadWorld()]);
      if (mine !== generation.map) return;
      const maxCountry = Math.max(1, ...data.countries.map((c) => c.events));
      const maxPlace = Math.max(1, ...data.places.map((p) => p.events));
      chart.setOption({
        title: data.countries.length ? { show: false } : emptyTitle("No placed events match these filters"),
        tooltip: {
          formatter: (p) => p.seriesType === "scatter"
            ? `${p.name}<br>${p.value[2]} events`
            : `${(p.data && p.data.label) || state.countryNames[p.name] || p.name}<br>${p.value > 0 ? p.value : 0} events`,
        },
        geo: {
          map: "world", roam: true, zoom: 1.1, top: 10, bottom: 10,
          itemStyle: { areaColor: "#eef0f3", borderColor: "#b9c0c9", borderWidth: 0.5 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: "#ffe7a8" } },
          select: { disabled: true },
        },
        visualMap: {
          seriesIndex: 0, min: 0, max: maxCountry, left: 8, bottom: 8, itemHeight: 70, itemWidth: 10,
          text: [String(maxCountry), "0"], textStyle: { fontSize: 10 }, inRange: { color: ["#dfe9f5", "#2557a7"] },
        },
        series: [
          {
            type: "map", geoIndex: 0, name: "events",
            data: data.countries.map((c) => ({ name: c.numeric || c.name, value: c.events, iso3: c.country, label: c.name })),
          },
          {
            type: "scatter", coordinateSystem: "geo", name: "places", zlevel: 1,
            data: data.places.map((p) => ({ name: p.name, value: [p.lon, p.lat, p.events], country: p.country })),
            symbolSize: (v) => 5 + 12 * Math.sqrt(v[2] / maxPlace),
            itemStyle: { color: "#c8372d", borderColor: "#fff", borderWidth: 1, opacity: 0.9 },
          },
        ],
      }, true);
      done("map", data.countries.reduce((sum, c) => sum + c.events, 0));
    } catch (error) {
      failed("map", chart, error);
    }
  }

  function bindClicks() {
    if (views.network) views.network.on("click", (p) => { if (p.dataType === "node") setFilter("actor", p.data.id); });
    if (views.map) views.map.on("click", (p) => {
      const iso3 = p.data && (p.data.iso3 || p.data.country);
      if (iso3) setFilter("country", iso3);
    });
  }

  window.addEventListener("resize", () => Object.values(views).forEach((c) => c && c.resize()));
  refresh(false, false);  // the first page of the table came with the page
  bindClicks();
})();
