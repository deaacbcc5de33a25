#!/usr/bin/env node
// `npx prevalida …`: the same checks from a terminal, offline (a back office checking the
// uploads it received, a script over a folder of PDFs). Prints each finding's message, or
// the whole result with --json. Exit code: 0 no error, 1 an error finding, 2 misuse.
import { openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";

/** A Blob backed by the file (nothing read yet); a missing file is an ENOENT error. */
async function fileBlob(path) {
  await stat(path);
  return openAsBlob(path);
}
import { checkEmail, checkId, checkPdf, checkPhone, extractPdfText } from "./node.js";

const USAGE = `usage:
  prevalida pdf <file.pdf> [--max-bytes N] [--min-pages N] [--max-pages N] [--allow-encryption]
                           [--text | --scan] [--color] [--must-contain TEXT]… [--issued-within-days N]
                           [--today YYYY-MM-DD]
  prevalida text <file.pdf> [--pages 1,2] [--max-chars N]
  prevalida email <address>
  prevalida id <kind> <value>          kind: co.nit, co.cc, cl.rut, ec.ruc, … or a DIAN code (13, 31…)
  prevalida phone <CO|CL|EC> <number> [--mobile | --fixed]
options for all: --lang es|en (default es), --json`;

/** Splits argv into positionals and options (`--name value`, `--flag`, repeatable). */
function parse(argv, flags) {
  const pos = [];
  const opt = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) {
      pos.push(a);
      continue;
    }
    const name = a.slice(2);
    if (flags.has(name)) opt[name] = true;
    else if (i + 1 < argv.length) (opt[name] ??= []).push(argv[++i]);
    else throw Object.assign(new Error(`--${name} needs a value`), { code: "api.invalid_argument" });
  }
  return { pos, opt };
}

const one = (opt, name) => opt[name]?.at(-1);
const int = (opt, name) => {
  const v = one(opt, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw Object.assign(new Error(`--${name} must be a whole number`), { code: "api.invalid_argument" });
  return n;
};

async function main(argv) {
  const [command, ...rest] = argv;
  const { pos, opt } = parse(rest, new Set(["json", "allow-encryption", "text", "scan", "color", "mobile", "fixed"]));
  const lang = one(opt, "lang") ?? "es";
  let result;
  switch (command) {
    case "pdf": {
      if (pos.length !== 1) return usage();
      // A Blob backed by the file: the package reads no more of it than a browser would
      // (an upload over 64 MB only by its first bytes).
      result = await checkPdf(await fileBlob(pos[0]), {
        maxBytes: int(opt, "max-bytes"), minPages: int(opt, "min-pages"), maxPages: int(opt, "max-pages"),
        encryption: opt["allow-encryption"] ? "allow" : "forbid",
        content: opt.text ? "text" : opt.scan ? "scan" : "any", color: opt.color === true,
        mustContain: opt["must-contain"], issuedWithinDays: int(opt, "issued-within-days"), today: one(opt, "today"), lang,
      });
      break;
    }
    case "text": {
      if (pos.length !== 1) return usage();
      const pages = one(opt, "pages")?.split(",").map(Number);
      result = await extractPdfText(await fileBlob(pos[0]), { pages, maxChars: int(opt, "max-chars") });
      if (!opt.json) {
        console.log(result.pages.join("\n\f\n"));
        return result.error ? 1 : 0;
      }
      break;
    }
    case "email":
      if (pos.length !== 1) return usage();
      result = checkEmail(pos[0], { lang });
      break;
    case "id":
      if (pos.length !== 2) return usage();
      result = checkId(pos[1], { kind: pos[0], lang });
      break;
    case "phone":
      if (pos.length !== 2) return usage();
      result = checkPhone(pos[1], { country: pos[0], lang, type: opt.mobile ? "mobile" : opt.fixed ? "fixed" : undefined });
      break;
    default:
      return usage();
  }
  if (opt.json) console.log(JSON.stringify(result, null, 2));
  else if (result.findings.length === 0) console.log(lang === "en" ? "OK: nothing to fix." : "Todo bien: nada que corregir.");
  else for (const f of result.findings) console.log(`${f.severity}\t${f.code}\t${f.message}`);
  return result.ok ? 0 : 1;
}

function usage() {
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(`prevalida: ${e.message}`);
    process.exitCode = e.code === "api.invalid_argument" || e.code === "ENOENT" ? 2 : 1;
  },
);
