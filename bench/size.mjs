// The size of the core a page downloads (gzip -9): the core .wasm and index.js with every
// module it imports statically. What loads later (the files module, the form engine, the
// profiles, the place tables: dynamic imports) is not in it. Used by bench/bench.mjs and by
// tests/js/package.test.mjs, which holds it to the budget.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

export const CORE_BUDGET = 100 * 1024;

export function coreSize(pkg = new URL("../pkg/", import.meta.url)) {
  const gz = (f) => gzipSync(readFileSync(new URL(f, pkg)), { level: 9 }).length;
  const closure = (f, seen = new Set()) => {
    if (seen.has(f)) return seen;
    seen.add(f);
    for (const [, dep] of readFileSync(new URL(f, pkg), "utf8").matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) closure(dep, seen);
    return seen;
  };
  const glueFiles = [...closure("index.js")].sort();
  const wasm = gz("prevalida_bg.wasm");
  const glue = glueFiles.reduce((n, f) => n + gz(f), 0);
  // Loaded on first use, each counted once.
  const later = Object.fromEntries(["form-engine.js", "profiles.js", "places.js", "password-data.js"].map((f) => [f, gz(f)]));
  return { wasm, glue, glueFiles, total: wasm + glue, later };
}
