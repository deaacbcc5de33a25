// Writes email-domains.json, the email check's built-in domain lists as data for portals
// (scripts/build.sh runs it), from their one source, the Rust constants:
//   providers  mailbox providers whose misspellings are offered a fix (src/email/typo.rs PROVIDERS)
//   official   domains protected from look-alikes, the real one offered instead
//              (src/email/mod.rs OFFICIAL_DOMAINS); a portal adds its own with `officialDomains`
// Usage: node scripts/gen-email-domains.mjs <out dir>
import { readFileSync, writeFileSync } from "node:fs";

const out = process.argv[2];
const constant = (file, name) => {
  const src = readFileSync(new URL(`../src/email/${file}`, import.meta.url), "utf8");
  const m = src.match(new RegExp(`pub const ${name}: &str = "([^"]*)";`));
  if (!m) throw new Error(`${file}: no ${name}`);
  return m[1].split(" ");
};
const data = { providers: constant("typo.rs", "PROVIDERS"), official: constant("mod.rs", "OFFICIAL_DOMAINS") };
writeFileSync(`${out}/email-domains.json`, JSON.stringify(data, null, 1) + "\n");
console.log(`email-domains.json: ${data.providers.length} providers, ${data.official.length} official domains`);
