// The only JavaScript Doorway writes itself. Everything else runs in Python.
//
// It has to be JavaScript because it must work before Python has loaded, on
// pages that never load Python, and when Python cannot run at all:
//
// 1. Quick exit: by click, or Shift pressed three times (as GOV.UK's
//    researched "Exit this page"), blank the page at once, then replace it in
//    this tab's history with a neutral site.
// 2. Send the person to the plain guide when WebAssembly is unavailable, and
//    show a calm message if Python has not started after a while.
// 3. Register the service worker and offer to reload when a new build is ready.
"use strict";

(function () {
  const html = document.documentElement;
  const root = html.dataset.root || "./";
  html.classList.add("js");

  // 1. Quick exit ----------------------------------------------------------
  const SHIFT_WINDOW_MS = 5000;
  let shiftPresses = 0;
  let shiftTimer = null;

  function exitLink() {
    return document.querySelector("[data-quick-exit]");
  }

  function quickExit() {
    html.classList.add("exiting");
    const cover = document.querySelector("[data-exit-cover]");
    if (cover) {
      cover.hidden = false;
    }
    const link = exitLink();
    window.location.replace(link ? link.href : "about:blank");
  }

  function announce(text) {
    const status = document.querySelector("[data-exit-status]");
    if (status) {
      status.textContent = text;
    }
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("[data-quick-exit]");
    if (link) {
      event.preventDefault();
      quickExit();
      return;
    }
    // Links within the page ("#section-…", "Skip to main content") move focus
    // instead of adding "#…" to the address bar and an entry to the history.
    const anchor = event.target.closest && event.target.closest('a[href^="#"]');
    const target = anchor && document.getElementById(anchor.getAttribute("href").slice(1));
    if (target) {
      event.preventDefault();
      if (!target.hasAttribute("tabindex") && !target.matches("a, button, input, select, textarea")) {
        target.setAttribute("tabindex", "-1");
      }
      target.scrollIntoView();
      target.focus();
    }
  });

  // Only a Shift pressed and released on its own counts: Shift held to type
  // a capital letter (or for any other shortcut) does not.
  let shiftCombined = false;

  function resetShift() {
    shiftPresses = 0;
    clearTimeout(shiftTimer);
  }

  document.addEventListener("keydown", (event) => {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftCombined = false;
      }
      return;
    }
    shiftCombined = true;
    resetShift();
  });

  document.addEventListener("keyup", (event) => {
    if (event.key !== "Shift") {
      return;
    }
    if (shiftCombined) {
      shiftCombined = false;
      return;
    }
    shiftPresses += 1;
    clearTimeout(shiftTimer);
    if (shiftPresses >= 3) {
      resetShift();
      announce("Exiting this page");
      quickExit();
      return;
    }
    const left = 3 - shiftPresses;
    announce("Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to exit");
    shiftTimer = setTimeout(() => {
      shiftPresses = 0;
      announce("Exit this page expired");
    }, SHIFT_WINDOW_MS);
  });

  // Coming back with the Back button restores the page from the cache:
  // show it again rather than a blank screen.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) {
      html.classList.remove("exiting");
      const cover = document.querySelector("[data-exit-cover]");
      if (cover) {
        cover.hidden = true;
      }
    }
  });

  // Link length (links block: the privacy engineer edits the rest) ------------
  // Pages that read a link from the address (invite/, reply/) carry their
  // cap on <html data-link-cap> (doorway.guide.link.TOKEN_CAPS). A longer
  // address is never handed to Python: copying a 1.9 MB address once made
  // MicroPython run out of memory before the page could say anything. So an
  // over-long fragment is taken out of the address bar here, before Python
  // starts (and again for a link pasted into this tab later), and Python
  // learns the outcome from <html data-link-error="too_long">, not the text.
  const linkCap = Number(html.dataset.linkCap);
  function checkLinkLength() {
    const href = window.location.href;
    const hash = href.indexOf("#");
    if (hash >= 0 && href.length - hash - 1 > linkCap) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
      html.dataset.linkError = "too_long";
    }
  }
  if (linkCap > 0) {
    checkLinkLength();
    window.addEventListener("hashchange", checkLinkLength);
  }
  // End of the links block ------------------------------------------------

  // 2. Pages that run Python -----------------------------------------------
  const page = html.dataset.page;
  const needsPython = html.dataset.app === "loading";
  if (needsPython && typeof WebAssembly !== "object") {
    window.location.replace(root + (page === "invite" ? "guide/for-partners.html" : "guide/"));
    return;
  }
  if (needsPython) {
    // Tests may shorten the wait by defining window.doorwayStartupLimitMs in
    // an init script (tests/browser/test_nojs.py); nothing on the site sets it.
    const wanted = Number(window.doorwayStartupLimitMs);
    const STARTUP_LIMIT_MS = wanted > 0 && wanted < 20000 ? wanted : 20000;
    setTimeout(() => {
      if (html.dataset.app === "loading") {
        html.dataset.app = "failed";
      }
    }, STARTUP_LIMIT_MS);
  }

  // 3. Offline support --------------------------------------------------------
  // A new build's worker installs beside the running one and waits (sw.js), so
  // this page keeps using the files it started with. Once the new worker is
  // installed, offer to reload; only that click lets it take over, and the
  // reload then shows the new build from its own cache.
  if (!("serviceWorker" in navigator)) {
    return;
  }
  let offered = false;
  function offerUpdate(registration) {
    const banner = document.querySelector("[data-update-banner]");
    if (offered || !banner || !registration.waiting || !navigator.serviceWorker.controller) {
      return;
    }
    offered = true;
    banner.hidden = false;
    banner.querySelector("[data-update-now]").addEventListener("click", () => {
      html.dataset.updating = "yes";
      if (registration.waiting) {
        registration.waiting.postMessage("activate");
      } else {
        window.location.reload();
      }
    });
  }
  function watch(registration, worker) {
    if (!worker) {
      return;
    }
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed") {
        offerUpdate(registration);
      }
    });
  }
  window.addEventListener("load", () => {
    navigator.serviceWorker.register(root + "sw.js").then((registration) => {
      if (!registration) {
        // Registration was stubbed out (by a privacy tool, or a test harness
        // blocking service workers): the site simply works online.
        html.dataset.offline = "unavailable";
        return;
      }
      // The check for a new build starts with the navigation, so it may
      // already be waiting or still installing by the time this runs.
      offerUpdate(registration);
      watch(registration, registration.installing);
      registration.addEventListener("updatefound", () => {
        watch(registration, registration.installing);
      });
    }, () => {
      html.dataset.offline = "unavailable";
    });
    let reloading = false;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (!reloading && html.dataset.updating === "yes") {
        reloading = true;
        window.location.reload();
      }
    });
  });
})();
