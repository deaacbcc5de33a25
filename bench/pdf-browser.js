// The benchmark pages' module (bench/pdf-browser.html): the package's browser entry, imported
// as a page without a bundler imports it. A file of its own, not inline: the bench is served
// under the same strict Content Security Policy as the demo (scripts/serve.mjs).
import * as prevalida from "/pkg/index.js";
window.prevalida = prevalida;
window.benchReady = true;
