// The strict Content Security Policy every end-to-end page runs under (scripts/serve.mjs
// POLICY): how a test watches for violations, and the assertion that there were none.
import assert from "node:assert/strict";
import { POLICY } from "../../scripts/serve.mjs";

/**
 * Collects into `seen` every violation `page` reports: the document's
 * `securitypolicyviolation` events and Chromium's console lines about the policy. (A
 * worker's violations reach the server's report URI: `server.violations`.)
 */
export function watchCsp(page, seen) {
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`)));
}

/** The page was served under the policy, and nothing broke it (reports are given a moment). */
export async function assertNoViolations(server, seen, response) {
  const header = response.headers()["content-security-policy"] ?? "";
  assert.ok(header.startsWith(POLICY.split(";")[0]) && header.includes("'wasm-unsafe-eval'"), header);
  assert.ok(!/'unsafe-eval'|'unsafe-inline'|blob:|data:/.test(header), header);
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual([...seen, ...server.violations], []);
}
