// The service worker's script (public/sw.js), as browsers must get it: its version filled in
// (the build's and the translations': a deploy that changes either is a new worker, which
// replaces the old one's caches), and never a long-lived cached copy, so that browsers see a new
// version on their next visit. (Browsers cap a worker script's HTTP caching at a day anyway;
// `no-cache` makes them ask every time.) The script sits at the root, so its scope is the whole
// site without a Service-Worker-Allowed header.
import fs from "node:fs/promises";

const VERSION_PLACEHOLDER = "__SERVICE_WORKER_VERSION__";

/**
 * Express handler for GET /sw.js.
 * @param {{ file: string, version: () => Promise<string>, reread?: boolean }} options
 *   `reread`: read the file and the version on every request (development)
 */
export function serviceWorkerScript({ file, version, reread = false }) {
  /** @type {Promise<string> | undefined} */
  let script;
  const load = async () => {
    const [text, current] = await Promise.all([fs.readFile(file, "utf8"), version()]);
    if (!text.includes(VERSION_PLACEHOLDER)) throw new Error(`${file}: no version placeholder`);
    return text.replaceAll(VERSION_PLACEHOLDER, current);
  };
  return async (req, res, next) => {
    try {
      if (reread || !script) script = load();
      const body = await script.catch((error) => {
        script = undefined;
        throw error;
      });
      res.set({
        "Content-Type": "text/javascript; charset=utf-8",
        "Cache-Control": "no-cache",
      });
      res.send(body);
    } catch (error) {
      next(error);
    }
  };
}
