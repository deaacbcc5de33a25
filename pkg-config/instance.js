// The core module's instance: its memory (for the input buffer of the clean-email fast path)
// and the recovery from a trap. Given the instance's exports by index.js / node.js.
import * as wasm from "./prevalida.js";

let memory = null;
let inputPtr = 0;
let inputView = null;

/** Called by the entry point once the module is instantiated. */
export function bind(exports) {
  memory = exports.memory;
  inputPtr = wasm.inputBuffer();
}

/**
 * Writes a short ASCII string into the module's input buffer; -1 when it is not one. Kept:
 * one wasm call instead of three (allocate, copy, free) for the most frequent question, a
 * clean address (docs/architecture.md, "workarounds").
 */
export function writeInput(value) {
  const n = value.length;
  if (memory === null || n > 256) return -1;
  if (inputView === null || inputView.buffer !== memory.buffer) inputView = new Uint8Array(memory.buffer);
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c > 127) return -1;
    inputView[inputPtr + i] = c;
  }
  return n;
}

/**
 * The last line of defence. The core is written and tested not to panic, but if the module
 * ever traps (a panic aborts in wasm), its instance is unusable: start a fresh one. The input
 * buffer belonged to the old instance, so later calls take the ordinary path.
 */
export function recover(e) {
  if (!(e instanceof WebAssembly.RuntimeError)) throw e;
  wasm.__wbg_reset_state();
  memory = null;
  inputView = null;
}
