// The package through the two common bundlers, as most portals will use it: an app imports
// "prevalida" from its npm tarball, `vite build` and `webpack` bundle it with no plugin or
// configuration for wasm (the .wasm becomes an asset via `new URL(…, import.meta.url)`), and
// each built page runs in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import webpack from "webpack";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";
import { assertNoViolations, watchCsp } from "./csp.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
let app, server, browser;

before(async () => {
  const tgz = readdirSync(join(ROOT, "target/pack")).filter((f) => f.endsWith(".tgz")).sort().pop();
  assert.ok(tgz, "run scripts/install-demo.sh first (it packs pkg/)");
  app = mkdtempSync(join(tmpdir(), "prevalida-vite-"));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "vite-app", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", join(ROOT, "target/pack", tgz)], { cwd: app, stdio: "ignore" });
  writeFileSync(join(app, "index.html"), `<!doctype html><meta charset="utf-8"><pre id="out">…</pre><script type="module" src="/main.js"></script>`);
  writeFileSync(
    join(app, "main.js"),
    `import { checkEmail, checkPassword } from "prevalida";
     const e = checkEmail("ana@gmail.con");
     const p = checkPassword("Vaca-Azul-Monte-42", { policy: "gse" });
     document.getElementById("out").textContent = JSON.stringify({ code: e.findings[0].code, suggestion: e.suggestion, ok: p.ok });`,
  );
  await build({ root: app, logLevel: "silent", build: { outDir: join(app, "dist") } });
  // webpack 5 with its defaults (top-level await and asset URLs are on by default).
  await new Promise((ok, fail) =>
    webpack(
      { mode: "production", context: app, entry: "./main.js", output: { path: join(app, "dist/webpack"), filename: "main.js" } },
      (err, stats) => (err || stats.hasErrors() ? fail(err ?? new Error(stats.toString("errors-only"))) : ok()),
    ),
  );
  writeFileSync(join(app, "dist/webpack/index.html"), `<!doctype html><meta charset="utf-8"><pre id="out">…</pre><script src="main.js"></script>`);
  server = await serve(join(app, "dist"), 0);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function runPage(path) {
  const page = await browser.newPage();
  const errors = [];
  const csp = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await watchCsp(page, csp);
  const response = await page.goto(`http://127.0.0.1:${server.address().port}${path}`);
  await page.waitForFunction(() => document.getElementById("out").textContent.startsWith("{"), null, { timeout: 20000 });
  const out = JSON.parse(await page.textContent("#out"));
  assert.deepEqual(out, { code: "email.tld_typo", suggestion: "ana@gmail.com", ok: true });
  assert.deepEqual(errors, []);
  await assertNoViolations(server, csp, response);
  await page.close();
}

test("vite build bundles the wasm as an asset and the page checks offline", async () => {
  const assets = readdirSync(join(app, "dist/assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `no .wasm among ${assets}`);
  await runPage("/");
});

test("webpack 5 bundles the wasm as an asset and the page checks offline", async () => {
  const files = readdirSync(join(app, "dist/webpack"));
  assert.ok(files.some((f) => f.endsWith(".wasm")), `no .wasm among ${files}`);
  await runPage("/webpack/");
});
