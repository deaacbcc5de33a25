// The Web Worker that runs the files module, off the page's main thread. Created by
// files-browser.js the first time a page checks a file; the module is fetched then, not before.
import init, * as files from "./prevalida_files.js";
import { pbkdf2Keys, wipeKeys } from "./files-keys.js";

const ready = init({ module_or_path: new URL("./prevalida_files_bg.wasm", import.meta.url) });
ready.catch(() => {}); // a failed load is answered per call, below

self.onmessage = async ({ data: { id, op, size, readLimit, bytes, options } }) => {
  let keys;
  try {
    // Inside the try: if the module cannot be fetched or compiled, every call is answered
    // (internal.error) instead of waiting forever.
    await ready;
    if (op === "checkCertificate") keys = await pbkdf2Keys(files, bytes, options);
    self.postMessage({ id, result: JSON.parse(files.run({ op, size, readLimit, keys }, bytes, options)) });
  } catch (e) {
    if (e?.code === "api.invalid_argument") {
      self.postMessage({ id, misuse: e.message });
      return;
    }
    // A trap (a bug: the module is written not to panic) leaves the instance unusable:
    // start a fresh one and answer this file with internal.error.
    if (e instanceof WebAssembly.RuntimeError) files.__wbg_reset_state();
    self.postMessage({ id, trap: true });
  } finally {
    wipeKeys(keys);
  }
};
