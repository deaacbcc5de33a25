// Browser and bundler entry. Instantiates the core WebAssembly module once, when the module is
// first imported: `new URL(…, import.meta.url)` is understood by browsers, Vite and webpack 5,
// so no configuration is needed. No network request is made other than fetching the
// package's own .wasm files from where the page serves them. The files module runs in a Web
// Worker (files-browser.js), loaded the first time a page checks a file.
import init from "./prevalida.js";
import { bind } from "./instance.js";
import { useRunner } from "./files-run.js";
import { run } from "./files-browser.js";

bind(await init({ module_or_path: new URL("./prevalida_bg.wasm", import.meta.url) }));
useRunner(run);

export * from "./api.js";
