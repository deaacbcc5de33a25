// The files module for Node ≥ 20: read from disk and instantiated in-process the first time a
// file is checked (the core entry does not load it).
import { readFile } from "node:fs/promises";
import { pbkdf2Keys, wipeKeys } from "./files-keys.js";

let files = null;

async function load() {
  const m = await import("./prevalida_files.js");
  m.initSync({ module: await readFile(new URL("./prevalida_files_bg.wasm", import.meta.url)) });
  return m;
}

/**
 * Answers one request (files.js) on the module, loaded on first use. A trap (a bug: the
 * module is written not to panic) leaves the instance unusable: start a fresh one.
 */
export async function run({ op, size, readLimit, bytes, options }) {
  files ??= await load();
  let keys;
  try {
    if (op === "checkCertificate") keys = await pbkdf2Keys(files, bytes, options);
    return { result: JSON.parse(files.run({ op, size, readLimit, keys }, bytes, options)) };
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      files.__wbg_reset_state();
      return { trap: true };
    }
    if (e?.code === "api.invalid_argument") return { misuse: e.message };
    throw e;
  } finally {
    wipeKeys(keys);
  }
}
