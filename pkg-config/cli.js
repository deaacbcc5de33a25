#!/usr/bin/env node
// `npx prevalida …`: the same checks from a terminal, offline (a back office checking the
// uploads it received, a script over a folder of PDFs, a form's values). Prints each
// finding's message, or the results with --json. Exit code: 0 no error, 1 an error finding,
// 2 misuse. Passwords are never taken from the command line: a form's password fields that
// its values file leaves out are asked for (no echo) or read from stdin, one per line.
import { openAsBlob, readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";

/** A Blob backed by the file (nothing read yet); a missing file is an ENOENT error. */
async function fileBlob(path) {
  await stat(path);
  return openAsBlob(path);
}
import { checkCertificate, checkEmail, checkForm, checkId, checkPdf, checkPhone, describeProfile, extractPdfText, prepareForm, profiles } from "./node.js";

const USAGE = `usage:
  prevalida pdf <file.pdf | folder>… [--max-bytes N] [--min-pages N] [--max-pages N] [--allow-encryption]
                           [--text | --scan] [--color] [--must-contain TEXT]… [--issued-within-days N]
                           [--today YYYY-MM-DD]     (many files: a summary; --json: one line per file)
  prevalida form <profile> <values.json> [--files DIR] [--today YYYY-MM-DD]
                           profile: ${profiles().join(", ")} or a profile .json;
                           uploads: DIR/<field>.pdf (…p12, .pfx); passwords left out of values.json
                           are asked for, or read from stdin, one per line
  prevalida cert <file.p12|.pfx> [--expect KIND:VALUE] [--at YYYY-MM-DD] [--expires-soon-days N]
                           the password is asked for (no echo), or read from stdin; never an argument;
                           --no-password for a file that has none; KIND: cl.rut, co.nit, 13, 31…
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
  const { pos, opt } = parse(rest, new Set(["json", "allow-encryption", "text", "scan", "color", "mobile", "fixed", "no-password"]));
  const lang = one(opt, "lang") ?? "es";
  let result;
  switch (command) {
    case "pdf": {
      if (pos.length === 0) return usage();
      const rules = {
        maxBytes: int(opt, "max-bytes"), minPages: int(opt, "min-pages"), maxPages: int(opt, "max-pages"),
        encryption: opt["allow-encryption"] ? "allow" : "forbid",
        content: opt.text ? "text" : opt.scan ? "scan" : "any", color: opt.color === true,
        mustContain: opt["must-contain"], issuedWithinDays: int(opt, "issued-within-days"), today: one(opt, "today"), lang,
      };
      const files = await pdfFiles(pos);
      if (files.length === 1 && !(await stat(pos[0])).isDirectory()) {
        // A Blob backed by the file: the package reads no more of it than a browser would
        // (an upload over 64 MB only by its first bytes).
        result = await checkPdf(await fileBlob(files[0]), rules);
        break;
      }
      return pdfBatch(files, rules, opt.json === true, lang);
    }
    case "cert": {
      if (pos.length !== 1) return usage();
      const expect = one(opt, "expect");
      const [kind, ...value] = expect?.split(":") ?? [];
      if (expect !== undefined && (value.length === 0 || value.join(":") === "")) throw misuse("--expect is KIND:VALUE (cl.rut:12.345.678-5)");
      const blob = await fileBlob(pos[0]);
      const password = opt["no-password"] ? undefined : await secret(lang === "en" ? "Certificate password: " : "Contraseña del certificado: ");
      result = await checkCertificate(blob, password, {
        lang, at: one(opt, "at"), expiresSoonDays: int(opt, "expires-soon-days"),
        ...(expect !== undefined && { expect: { kind, value: value.join(":") } }),
      });
      if (!opt.json && result.subject) console.log(`${result.subject}\n  ${result.notBefore} → ${result.notAfter}${result.holderIds.length ? `; ${result.holderIds.map((h) => `${h.kind} ${h.value}`).join(", ")}` : ""}`);
      break;
    }
    case "form":
      if (pos.length !== 2) return usage();
      return form(pos[0], pos[1], one(opt, "files"), one(opt, "today"), opt.json === true, lang);
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

/** The PDF files named: files as given, folders walked for `*.pdf` (sorted). */
async function pdfFiles(paths) {
  const out = [];
  for (const p of paths) {
    if (!(await stat(p)).isDirectory()) {
      out.push(p);
      continue;
    }
    for (const e of (await readdir(p, { withFileTypes: true, recursive: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isFile() && e.name.toLowerCase().endsWith(".pdf")) out.push(join(e.parentPath ?? e.path, e.name));
    }
  }
  return out;
}

/** Many PDFs: a progress line on a terminal, a summary at the end; --json: one line per file. */
async function pdfBatch(files, rules, json, lang) {
  const tty = process.stderr.isTTY && !json;
  const byCode = new Map();
  let failed = 0;
  for (const [i, file] of files.entries()) {
    if (tty) process.stderr.write(`\r\x1b[K[${i + 1}/${files.length}] ${basename(file)}`);
    const r = await checkPdf(await fileBlob(file), rules);
    if (!r.ok) failed++;
    for (const f of r.findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
    if (json) console.log(JSON.stringify({ file, ...r }));
    else if (r.findings.length > 0) {
      if (tty) process.stderr.write("\r\x1b[K");
      console.log(file);
      for (const f of r.findings) console.log(`  ${f.severity}\t${f.code}\t${f.message}`);
    }
  }
  if (tty) process.stderr.write("\r\x1b[K");
  if (!json) {
    const en = lang === "en";
    console.log(en
      ? `${files.length} files: ${files.length - failed} without errors, ${failed} with errors.`
      : `${files.length} archivos: ${files.length - failed} sin errores, ${failed} con errores.`);
    for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${code}`);
  }
  return failed > 0 ? 1 : 0;
}

/** A form's values file (and uploads in a folder) against a profile. */
async function form(profileArg, valuesPath, filesDir, today, json, lang) {
  const profile = profileArg.endsWith(".json") ? JSON.parse(readFileSync(profileArg, "utf8")) : profileArg;
  const values = JSON.parse(readFileSync(valuesPath, "utf8"));
  if (typeof values !== "object" || values === null || Array.isArray(values)) throw misuse(`${valuesPath} must hold a JSON object`);
  await prepareForm(profile);
  const fields = describeProfile(profile, { lang }).fields;
  if (filesDir !== undefined) {
    const names = await readdir(filesDir);
    for (const f of fields.filter((x) => x.kind === "pdf" || x.kind === "pkcs12")) {
      const file = names.find((n) => basename(n, extname(n)) === f.name);
      if (file !== undefined) values[f.name] = await fileBlob(join(filesDir, file));
    }
  }
  // Passwords: never on the command line; asked for, or read from stdin.
  for (const f of fields.filter((x) => x.secret && values[x.name] === undefined)) {
    values[f.name] = await secret(`${f.label}: `);
  }
  const r = await checkForm(profile, values, { lang, today });
  if (json) console.log(JSON.stringify({ ok: r.ok, fields: r.fields, normalized: r.normalized }, null, 2));
  else if (r.findings.length === 0) console.log(lang === "en" ? "OK: nothing to fix." : "Todo bien: nada que corregir.");
  else for (const f of r.findings) console.log(`${f.field}\t${f.severity}\t${f.code}\t${f.message}`);
  return r.ok ? 0 : 1;
}

let stdinLines = null;
/** A secret: typed at a prompt without echo on a terminal, else the next line of stdin. */
async function secret(prompt) {
  if (!process.stdin.isTTY) {
    stdinLines ??= readFileSync(0, "utf8").split(/\r?\n/);
    return stdinLines.shift() ?? "";
  }
  process.stderr.write(prompt);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let typed = "";
  try {
    // Read key by key with a listener: a `for await` over stdin would close it on return,
    // and the next prompt would find it gone.
    return await new Promise((ok, fail) => {
      const onData = (chunk) => {
        for (const ch of chunk.toString("utf8")) {
          if (ch === "\r" || ch === "\n") {
            process.stdin.off("data", onData);
            return ok(typed);
          }
          if (ch === "\u0003") {
            process.stdin.off("data", onData);
            return fail(misuse("cancelled"));
          }
          typed = ch === "\u007f" || ch === "\b" ? typed.slice(0, -1) : typed + ch;
        }
      };
      process.stdin.on("data", onData);
    });
  } finally {
    process.stdin.setRawMode(false);
    process.stdin.pause();
    process.stderr.write("\n");
  }
}

const misuse = (message) => Object.assign(new Error(message), { code: "api.invalid_argument" });

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
