// The only JavaScript Doorway writes itself. Everything else runs in Python.
//
// It has to be JavaScript because it must work before Python has loaded, on
// pages that never load Python, and when Python cannot run at all:
//
// 0. Trusted Types: the browser refuses every string that would become HTML
//    or code, except the one piece of code PyScript itself builds.
// 1. Quick exit: by click, or Shift pressed three times (as GOV.UK's
//    researched "Exit this page"), blank and wipe the page at once, then
//    replace it in this tab's history with a neutral site.
// 2. Leaving ends what the page held: on every exit from a page that holds
//    answers, wipe them; a page brought back by Back starts afresh.
// 3. Help that opens in place, and "Forget Doorway on this device"; an
//    address too long to be a Doorway link is dropped before Python reads it.
//    A plan prints whole: its folded parts open for printing, and each script
//    box prints as its words.
// 4. Send the person to the plain guide when WebAssembly is unavailable, and
//    show a calm message if Python has not started after a while. Fetch the
//    runtime as soon as the page's first content is on screen.
// 5. Register the service worker and offer to reload when a new build is ready.
"use strict";

(function () {
  const html = document.documentElement;
  const root = html.dataset.root || "./";
  html.classList.add("js");

  // 0. Trusted Types ----------------------------------------------------------
  // The page's policy says require-trusted-types-for 'script', so every
  // string that would become HTML, a script URL or code passes through this
  // "default" policy, created before PyScript loads. It lets through only
  // the code PyScript's core builds with Function(...) to run its plugin
  // hooks, compared whole, and refuses everything else: HTML built from a
  // link or a form can never reach the page, where PyScript would run any
  // <script type="mpy"> in it. tests/unit/test_trusted_types.py checks that
  // each allowed body is made of pieces of the shipped PyScript.
  const PYSCRIPT_FUNCTIONS = [
    'return(w,x)=>(async(e,t,...n)=>{for(const r of n)await r(e,t)})(w,x,...[({interpreter:e})' +
      '=>{e.registerJsModule("_pyscript",{fs:{ERROR:"storage permissions not granted",' +
      'NAMESPACE:"@pyscript.fs"},interpreter:e})}])',
  ];
  // The Function sink sees the whole generated source, "(function anonymous(\n) {\nBODY\n})".
  const GENERATED = /^\(?function anonymous\(\n?\) \{\n([\s\S]*)\n\}\)?$/;
  const trustedTypes = window.trustedTypes && window.trustedTypes.createPolicy
    ? window.trustedTypes : null;
  if (trustedTypes) {
    trustedTypes.createPolicy("default", {
      createScript(source, _type, sink) {
        const generated = GENERATED.exec(source);
        const body = generated ? generated[1] : source;
        return sink === "Function" && PYSCRIPT_FUNCTIONS.includes(body) ? source : null;
      },
    });
  }
  // The one script URL Doorway itself hands the browser: its service worker.
  const WORKER_URL = root + "sw.js";
  const workerPolicy = trustedTypes && trustedTypes.createPolicy("doorway-worker", {
    createScriptURL: (url) => (url === WORKER_URL ? url : null),
  });
  const workerURL = workerPolicy ? workerPolicy.createScriptURL(WORKER_URL) : WORKER_URL;

  // 1. Quick exit ----------------------------------------------------------
  const SHIFT_WINDOW_MS = 5000;
  let shiftPresses = 0;
  let shiftTimer = null;

  function exitLink() {
    return document.querySelector("[data-quick-exit]");
  }

  function cover(on) {
    html.classList.toggle("exiting", on);
    const element = document.querySelector("[data-exit-cover]");
    if (element) {
      element.hidden = !on;
    }
  }

  function quickExit() {
    cover(true);
    wipe("exit");
    const link = exitLink();
    window.location.replace(link ? link.href : "about:blank");
  }

  // What screen readers hear while Shift is pressed: the words come from the
  // content (site/content/pages.toml), on the status element's data- attributes.
  function announce(key, count) {
    const status = document.querySelector("[data-exit-status]");
    if (status && status.dataset[key]) {
      status.textContent = status.dataset[key].replace("{count}", String(count));
    }
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("[data-quick-exit]");
    if (link) {
      event.preventDefault();
      quickExit();
      return;
    }
    if (event.target.closest && event.target.closest('[data-action="forget-device"]')) {
      forgetDevice();
      return;
    }
    // Links within the page ("#section-…", "Skip to main content") move focus
    // instead of adding "#…" to the address bar and an entry to the history.
    const anchor = event.target.closest && event.target.closest('a[href^="#"]');
    const target = anchor && document.getElementById(anchor.getAttribute("href").slice(1));
    if (target) {
      event.preventDefault();
      openInPlace(target);
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
      announce("exiting");
      quickExit();
      return;
    }
    const left = 3 - shiftPresses;
    announce(left === 1 ? "oneMore" : "more", left);
    shiftTimer = setTimeout(() => {
      shiftPresses = 0;
      announce("expired");
    }, SHIFT_WINDOW_MS);
  });

  // 2. Leaving ends what the page held --------------------------------------
  // Browsers keep a page that was left alive for a while (the back/forward
  // cache) and show it whole on Back, and a restored page cannot tell Quick
  // exit from any other way of leaving. So whenever a page is left, it wipes
  // what came from answers or links: every field is emptied, every element
  // marked data-private is emptied, and Python is told to drop its state and
  // go back to its start (the "doorway:wipe" event below): the welcome step,
  // or the partner's page with no link. A page restored by Back is therefore
  // already a fresh start, with no notice that there was anything; the cover
  // is lifted and the page is usable at once. No reload is needed (a reload
  // during a restore is itself cancelled by some browsers), and none of this
  // depends on headers, which some hosts cannot send.
  //
  // "doorway:wipe": a CustomEvent on document, detail {reason: "exit" |
  // "pagehide"}, sent after the page has been emptied; it may come more than
  // once. Python cancels its unfinished tasks (a passphrase still being
  // checked cannot draw the note afterwards), forgets every answer, plan,
  // link, passphrase and decoded note it holds, and shows its first view.

  /** Pages whose content can come from answers or links (they mark it data-private). */
  function holdsAnswers() {
    return document.querySelector("[data-private]") !== null;
  }

  function wipe(reason) {
    // Let go of focus first: a focused field that is removed makes the
    // browser move focus later, which would run code in a page already put away.
    if (document.activeElement && document.activeElement !== document.body) {
      document.activeElement.blur();
    }
    for (const field of document.querySelectorAll("input, textarea, select")) {
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = false;
      } else if (field.tagName === "SELECT") {
        field.selectedIndex = -1;
      } else if (!["button", "submit", "reset", "image"].includes(field.type)) {
        field.value = "";
      }
    }
    for (const element of document.querySelectorAll("[data-private]")) {
      element.replaceChildren();
    }
    document.dispatchEvent(new CustomEvent("doorway:wipe", {detail: {reason: reason}}));
  }

  window.addEventListener("pagehide", () => {
    if (holdsAnswers()) {
      cover(true);
      wipe("pagehide");
    }
  });

  window.addEventListener("pageshow", (event) => {
    if (event.persisted) {
      cover(false);
    }
  });

  // 3. Help in place, and forgetting this device -------------------------------
  // On pages that hold answers, "If you don't feel safe" and "Cover your
  // tracks" are <details> in the page: a link to one opens it here, because
  // leaving would wipe the answers and a new tab would outlive Quick exit.
  function openInPlace(target) {
    const panel = target.closest("details");
    if (panel && !panel.open) {
      panel.open = true;
    }
    const focusable = target.matches("details") ? target.querySelector("summary") : target;
    if (!focusable.hasAttribute("tabindex") &&
        !focusable.matches("a, button, input, select, textarea, summary")) {
      focusable.setAttribute("tabindex", "-1");
    }
    focusable.scrollIntoView();
    focusable.focus();
  }

  // Only this site's own worker and caches: another site may share the origin
  // (a sub-path on a shared host).
  const CACHE_PREFIX = "doorway-";
  // Once forgotten, this page does not register the worker again.
  let forgotten = false;

  function forgetMessage(name) {
    for (const message of document.querySelectorAll("[data-forget-message]")) {
      message.hidden = message.dataset.forgetMessage !== name;
    }
  }

  async function forgetDevice() {
    forgetMessage("working");
    const scope = new URL(root, window.location.href).href;
    try {
      if ("serviceWorker" in navigator) {
        const registrations = await navigator.serviceWorker.getRegistrations();
        await Promise.all(registrations.filter((registration) => registration.scope.startsWith(scope))
          .map((registration) => registration.unregister()));
      }
      if (window.caches) {
        const names = await window.caches.keys();
        await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX))
          .map((name) => window.caches.delete(name)));
      }
      forgotten = true;
      forgetMessage("done");
    } catch (error) {
      forgetMessage("failed");
    }
  }

  // 3b. Links too long to read ----------------------------------------------
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
    // A link pasted into the page's paste field ([data-link-paste], whose
    // maxlength is the cap plus room for the site's address) passes the same
    // gate: a longer paste is refused here, before Python copies any of it,
    // and the page hears "doorway:too-long" instead.
    document.addEventListener("paste", (event) => {
      const field = event.target.closest && event.target.closest("[data-link-paste]");
      if (field && event.clipboardData &&
          event.clipboardData.getData("text").length > field.maxLength) {
        event.preventDefault();
        field.dispatchEvent(new CustomEvent("doorway:too-long", {bubbles: true}));
      }
    }, true);
  }
  // 3c. Printing a plan ------------------------------------------------------
  // The plan's parts are <details> (guide/views/plan.py), and print CSS cannot
  // open one: open the closed ones just before printing and close them again
  // after. Each script box has a text copy that only print shows (a box would
  // print cut off at its height, with a border): keep it in step as it is typed.
  let openedForPrint = [];
  window.addEventListener("beforeprint", () => {
    openedForPrint = [...document.querySelectorAll("details.fold-section:not([open])")];
    for (const part of openedForPrint) {
      part.open = true;
    }
  });
  window.addEventListener("afterprint", () => {
    for (const part of openedForPrint) {
      part.open = false;
    }
    openedForPrint = [];
  });
  document.addEventListener("input", (event) => {
    const box = event.target;
    const copy = box.matches && box.matches("textarea[data-line]") &&
      box.parentNode.querySelector("[data-print-copy]");
    if (copy) {
      copy.textContent = box.value;
    }
  });

  // 3d. The kind of link, for the first paint ----------------------------------
  // The partner's and the sender's pages show, before Python has started, the
  // view Python will show for this address, so the page reads at once and does
  // not jump when Python takes over: "open" (a readable link: the invitation
  // or reply, with room kept for its personal part), "sealed" (the passphrase
  // form) or "none" (no link: the paste view); anything else keeps the
  // loading line until Python has read it. Only the link's prefix is looked
  // at, and nothing of it is kept (doorway.guide.link names the prefixes).
  if (linkCap > 0 && !html.dataset.linkError) {
    const fragment = window.location.hash;
    const prefix = /^#[a-z]\d+(p?)\./.exec(fragment);
    html.dataset.link = !fragment ? "none" : prefix ? (prefix[1] ? "sealed" : "open") : "other";
  }

  // 4. Pages that run Python -----------------------------------------------
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

    // The runtime's files (the wasm, MicroPython's loader, the page's bundle)
    // are listed in <template data-preloads>, inert until the first content
    // has been painted: asked for any sooner, they share the network with the
    // page's own HTML and CSS. Then they all start at once, instead of each
    // waiting for the one before it to run. If the page is never painted (a
    // tab opened in the background), PyScript fetches them itself.
    const preloadRuntime = () => {
      const preloads = document.querySelector("template[data-preloads]");
      if (preloads) {
        preloads.remove();
        document.head.appendChild(preloads.content);
      }
    };
    if (window.PerformanceObserver &&
        (PerformanceObserver.supportedEntryTypes || []).includes("paint")) {
      new PerformanceObserver((list, observer) => {
        if (list.getEntriesByName("first-contentful-paint").length) {
          observer.disconnect();
          preloadRuntime();
        }
      }).observe({type: "paint", buffered: true});
    } else {
      // No paint timing: a frame after the page has been parsed is the nearest sign.
      document.addEventListener("DOMContentLoaded", () => {
        requestAnimationFrame(() => setTimeout(preloadRuntime, 0));
      });
    }

    // Python's view trees (doorway.guide.views) drawn as DOM nodes for
    // doorway.ui.dom: a list of trees arrives as one JSON text, because each
    // call from MicroPython into the page costs far more than the call itself,
    // and a plan is some 2,000 nodes. Strings become text nodes, never markup;
    // attributes are set in the tree's order, so the nodes match what
    // doorway.builder.html writes for the same tree (test_renderers.py).
    const SVG_NS = "http://www.w3.org/2000/svg";
    const build = (node, namespace) => {
      if (typeof node === "string") {
        return document.createTextNode(node);
      }
      const [tag, attributes, children] = node;
      const inside = tag === "svg" ? SVG_NS : namespace;
      const element = inside ? document.createElementNS(inside, tag)
        : document.createElement(tag);
      for (const [name, value] of attributes) {
        element.setAttribute(name, value);
      }
      for (const child of children) {
        element.appendChild(build(child, inside));
      }
      return element;
    };
    window.doorwayViews = (json) => {
      const fragment = document.createDocumentFragment();
      for (const node of JSON.parse(json)) {
        fragment.appendChild(build(node));
      }
      return fragment;
    };
  }

  // 5. Offline support --------------------------------------------------------
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
    if (forgotten) {
      return;
    }
    navigator.serviceWorker.register(workerURL).then((registration) => {
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
