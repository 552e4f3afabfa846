// Reports reading time on a buyer room page: which page of which item is on screen while the tab is
// visible (a playing video counts while it plays). Sent every few seconds and when the page is hidden.
// A visitor who sent Do-Not-Track or GPC reports only that the page is being read, never per-page time.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-room");
  if (!root) return;
  var doNotTrack = document.body.getAttribute("data-dnt") === "1";
  var FLUSH_EVERY_MS = 5000;
  var FIRST_AFTER_MS = 3000;
  var visibleMs = 0;
  var totalVisibleMs = 0;
  var sentOnce = false;
  var gone = false;
  var last = Date.now();
  var dwell = new Map();
  var ratios = new Map();

  var observer = new IntersectionObserver(
    function (entries) {
      entries.forEach(function (e) {
        ratios.set(e.target, e.intersectionRatio);
      });
    },
    { threshold: [0, 0.25, 0.5, 0.75, 1] },
  );
  document.querySelectorAll(".asset [data-page]").forEach(function (el) {
    observer.observe(el);
  });

  function onScreen() {
    var best = null;
    var bestRatio = 0.2;
    ratios.forEach(function (ratio, el) {
      if (el.tagName === "VIDEO" && el.paused) return;
      if (ratio > bestRatio) {
        best = el;
        bestRatio = ratio;
      }
    });
    return best;
  }

  function tick() {
    var now = Date.now();
    var elapsed = Math.min(Math.max(now - last, 0), 2000);
    last = now;
    if (gone || document.visibilityState !== "visible") return;
    visibleMs += elapsed;
    totalVisibleMs += elapsed;
    var el = onScreen();
    if (!el) return;
    var key = el.closest(".asset").getAttribute("data-n") + ":" + el.getAttribute("data-page");
    dwell.set(key, (dwell.get(key) || 0) + elapsed);
  }

  function takePayload() {
    tick();
    if (gone || (!sentOnce && totalVisibleMs < FIRST_AFTER_MS) || (visibleMs < 1 && dwell.size === 0))
      return null;
    var events = [];
    if (!doNotTrack) {
      dwell.forEach(function (ms, key) {
        var parts = key.split(":");
        if (events.length < 50)
          events.push({ a: Number(parts[0]), p: Number(parts[1]), ms: Math.round(Math.min(ms, 30000)) });
      });
    }
    var body = JSON.stringify({ visibleMs: Math.round(Math.min(visibleMs, 30000)), events: events });
    visibleMs = 0;
    dwell.clear();
    sentOnce = true;
    return body;
  }

  function showGone() {
    gone = true;
    var notice = document.querySelector(".gone");
    if (notice) notice.hidden = false;
    var list = document.querySelector(".assets");
    if (list) list.remove();
  }

  function flush() {
    var body = takePayload();
    if (!body) return;
    fetch(root + "/beacon", {
      method: "POST",
      body: body,
      headers: { "content-type": "application/json" },
      credentials: "same-origin",
      keepalive: true,
    })
      .then(function (res) {
        if (res.status === 410) showGone();
      })
      .catch(function () {});
  }

  function flushOnHide() {
    var body = takePayload();
    if (body) navigator.sendBeacon(root + "/beacon", new Blob([body], { type: "application/json" }));
  }

  setInterval(tick, 1000);
  setInterval(flush, FLUSH_EVERY_MS);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flushOnHide();
    else last = Date.now();
  });
  window.addEventListener("pagehide", flushOnHide);
})();
