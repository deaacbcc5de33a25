// The files module for browsers and bundlers: it runs in a Web Worker that the package creates
// itself (no setting for the user), the first time a page checks a file.
import { misuse } from "./messages.js";

let worker = null;
let seq = 0;
const waiting = new Map();

function start() {
  worker = new Worker(new URL("./files-worker.js", import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) => {
    const resolve = waiting.get(data.id);
    waiting.delete(data.id);
    resolve?.(data);
  };
  worker.onerror = () => {
    // The worker died (it could not load, or ran out of memory): answer what was asked
    // and start a new one next time.
    for (const [, resolve] of waiting) resolve({ trap: true });
    waiting.clear();
    worker.terminate();
    worker = null;
  };
}

/** Answers one request (files.js) in the worker; the bytes are transferred, not copied. */
export function run(request) {
  if (worker === null) start();
  const id = ++seq;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    try {
      worker.postMessage({ id, ...request }, [request.bytes.buffer]);
    } catch {
      // Options that cannot be cloned (a function, a DOM node): misuse.
      waiting.delete(id);
      resolve({ misuse: misuse("options must be plain data (strings, numbers, booleans, arrays, objects, dates)").message });
    }
  });
}
