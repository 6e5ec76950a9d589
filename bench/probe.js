// Injected by the benchmark into every page before the page's own scripts
// (DevTools' Page.addScriptToEvaluateOnNewDocument, so the page's CSP does not
// apply to it). Every time is taken here, in the page, on the page's own clock
// (performance.now()); the benchmark only reads the results afterwards.
//
// - ready: the moment <html data-app="ready"> appears (a MutationObserver on
//   the attribute, which runs as soon as the task that set it ends);
// - transitions: from a click (the event's own timeStamp) to the frame that
//   first shows the next wizard step: when #app's data-current changes, a
//   requestAnimationFrame callback runs just before that frame is drawn, and a
//   message posted from it arrives just after, which is when the time is read.
(() => {
  if (window.__bench) {
    return;
  }
  const bench = { ready: null, failed: false, transitions: [] };
  window.__bench = bench;
  performance.setResourceTimingBufferSize(1000);

  let click = null;
  document.addEventListener("click", (event) => {
    click = event.timeStamp;
  }, true);

  function drawn(from, to, start) {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        bench.transitions.push({ from, to, ms: performance.now() - start });
      };
      channel.port2.postMessage(null);
    });
  }

  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      const value = record.target.getAttribute(record.attributeName);
      if (record.attributeName === "data-app") {
        if (value === "ready" && bench.ready === null) {
          bench.ready = now;
        } else if (value === "failed") {
          bench.failed = true;
        }
      } else if (record.target.id === "app" && click !== null && value !== record.oldValue) {
        drawn(record.oldValue, value, click);
        click = null;
      }
    }
  }).observe(document, {
    subtree: true, attributes: true, attributeOldValue: true,
    attributeFilter: ["data-app", "data-current"],
  });

  // The figures of one load. `by` says what "ready" means for the page:
  // "app" for pages that run Python, "load" (the load event) for plain ones.
  // Requests are the page itself and every resource it started before ready,
  // except a file asked for again and served from the browser's own cache
  // (transferSize 0): no request left the browser. Chromium asks for the
  // page's icon again whenever the page changes its address (a link page
  // taking the link out of it).
  bench.result = (by) => {
    const nav = performance.getEntriesByType("navigation")[0];
    const ready = by === "app" ? bench.ready : nav.loadEventEnd;
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    const entries = [nav].concat(performance.getEntriesByType("resource"));
    const seen = new Set();
    const sent = entries.filter((e) => {
      const again = seen.has(e.name) && e.transferSize === 0;
      seen.add(e.name);
      return e.startTime <= ready && !again;
    });
    return {
      ready,
      fcp: paint ? paint.startTime : null,
      requests: sent.map((e) => ({
        url: e.name,
        start: e.startTime,
        end: e.responseEnd,
        sent: e.transferSize,
        encoded: e.encodedBodySize,
        decoded: e.decodedBodySize,
      })),
    };
  };
  bench.done = (by) => {
    if (bench.failed) {
      return "failed";
    }
    if (by === "app") {
      return bench.ready !== null;
    }
    const nav = performance.getEntriesByType("navigation")[0];
    return !!nav && nav.loadEventEnd > 0;
  };
})();
