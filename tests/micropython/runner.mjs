// Runs tests/logic under the MicroPython that the site ships, in the browser.
//
// The test server (tests/browser/test_micropython.py) serves this page with
// "files.json": [[url, path in MicroPython's file system], ...]. The page
// loads each file, runs tests/logic/runner.py and writes its JSON result
// into #result, then marks it done.
import { loadMicroPython } from "./micropython/micropython.mjs";

const out = document.getElementById("result");
try {
  const files = await (await fetch("files.json")).json();
  const mp = await loadMicroPython({ heapsize: 64 * 1024 * 1024, stdout: console.log, stderr: console.log });
  for (const [url, path] of files) {
    const data = new Uint8Array(await (await fetch(url)).arrayBuffer());
    mp.FS.mkdirTree(path.split("/").slice(0, -1).join("/") || "/");
    mp.FS.writeFile(path, data);
  }
  mp.runPython("import sys\nsys.path.insert(0, '/lib')\nimport json, runner\nRESULT = json.dumps(runner.run())");
  out.textContent = mp.globals.get("RESULT");
} catch (error) {
  out.textContent = JSON.stringify({ error: String(error && error.message || error) });
}
out.dataset.done = "yes";
