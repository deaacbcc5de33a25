// A tiny static file server for the demo and the end-to-end test, bound to 127.0.0.1.
// Usage: node scripts/serve.mjs <dir> [port]   (port 0 or absent: 8080, or a free one)
//
// Every response carries the strict Content Security Policy a portal can run prevalida under
// (POLICY below): scripts and workers from the page's own origin only, WebAssembly compiled
// with 'wasm-unsafe-eval' (no 'unsafe-eval', no 'unsafe-inline', no blob: or data:). An HTML
// page's inline import map is allowed by its hash, as a portal with an import map would
// write it. Violations are reported to /__csp-report and kept in `server.violations`: the
// end-to-end tests assert there are none.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** The policy every response carries (plus, on an HTML page, its import map's hash). */
export const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'";

/** The page's policy: POLICY with the hash of each inline import map, and the report URI. */
function policyFor(file, body) {
  let policy = POLICY;
  if (extname(file) === ".html") {
    const maps = [...body.toString("utf8").matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)];
    const hashes = maps.map((m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`);
    if (hashes.length) policy = policy.replace("script-src 'self'", `script-src 'self' ${hashes.join(" ")}`);
  }
  return `${policy}; report-uri /__csp-report`;
}

export function serve(dir, port = 0) {
  const root = resolve(dir);
  const violations = [];
  const server = createServer(async (req, res) => {
    if (req.method === "POST" && req.url === "/__csp-report") {
      let text = "";
      for await (const chunk of req) text += chunk;
      try {
        violations.push(JSON.parse(text)["csp-report"] ?? text);
      } catch {
        violations.push(text);
      }
      res.writeHead(204);
      res.end();
      return;
    }
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error("outside root");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-security-policy": policyFor(file, body),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  server.violations = violations;
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "www";
  const wanted = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  let server;
  try {
    server = await serve(dir, wanted);
  } catch {
    server = await serve(dir, 0);
  }
  console.log(`prevalida demo: http://127.0.0.1:${server.address().port}/  (Ctrl+C to stop)`);
}
