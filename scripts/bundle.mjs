// Bundles the package's JavaScript in place (scripts/build.sh, before minifying): the modules
// of pkg-config/ and wasm-bindgen's glue are written as small modules, one job each, but a page
// that imports them one by one fetches eleven files, four imports deep, before the core can
// start. Bundled (rolldown, the bundler Vite is built on), a page fetches two: its entry
// (index.js, or node.js in Node) and core.js, what both entries share; the form engine stays
// a chunk of its own, loaded with the first form, and the Web Worker of the files module is
// one file. The minified core's JavaScript goes from 7,237 to 6,160 bytes gzip (docs/figures.md).
//
// What is loaded on first use and imports nothing of the package stays a file as written
// (the data modules, and the files module's glue, which Node imports in-process and the worker
// bundles): `KEEP` below. Exports are unchanged: the entries export what api.js exports.
//   node scripts/bundle.mjs <pkg dir>
import { rolldown } from "rolldown";
import { mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const dir = resolve(process.argv[2] ?? "pkg");
/** Modules imported by path and kept as they are: data and the files module's glue. */
const KEEP = ["prevalida_files.js", "profiles.js", "places.js", "password-data.js"];
/** The modules of one entry only (the rest of both entries' graphs is core.js). */
const OWN = ["index.js", "node.js", "files-browser.js", "files-node.js", "files-keys.js", "form-engine.js"];

const base = (id) => id.split(/[\\/]/).pop();
const kept = (id) => id.startsWith("node:") || KEEP.includes(base(id));
const tmp = mkdtempSync(join(tmpdir(), "prevalida-bundle-"));
const written = [];

async function build(input, external, options = {}) {
  const bundle = await rolldown({ input, external, platform: "neutral", treeshake: true });
  // Chunks import each other by the functions' own names, not minified ones: a page holding
  // one version's core.js that loads another version's form-engine.js (a deploy between the
  // two fetches, a stale cache) then fails to link, loudly, instead of calling the wrong
  // function by a letter that changed meaning.
  const { output } = await bundle.write({ dir: tmp, format: "es", entryFileNames: "[name].js", chunkFileNames: "[name].js", minifyInternalExports: false, ...options });
  await bundle.close();
  written.push(...output.map((o) => o.fileName));
  // The graph's modules: what the bundle replaces.
  return output.flatMap((o) => (o.type === "chunk" ? Object.keys(o.modules) : [])).map(base);
}

const bundled = new Set([
  ...(await build({ index: join(dir, "index.js"), node: join(dir, "node.js") }, kept, {
    codeSplitting: { groups: [{ name: "core", test: (id) => !OWN.includes(base(id)) && !kept(id) }] },
  })),
  // The worker: its own graph, the files module's glue included (one fetch when a page first
  // checks a file).
  ...(await build({ "files-worker": join(dir, "files-worker.js") }, (id) => id.startsWith("node:"))),
]);
for (const f of bundled) if (!written.includes(f) && !KEEP.includes(f)) rmSync(join(dir, f), { force: true });
for (const f of written) renameSync(join(tmp, f), join(dir, f));
rmSync(tmp, { recursive: true, force: true });
const left = readdirSync(dir).filter((f) => f.endsWith(".js")).sort();
console.log(`bundled: ${written.join(", ")}; the package's JavaScript: ${left.join(" ")}`);
