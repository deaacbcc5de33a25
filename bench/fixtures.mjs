// Generated PDFs for the PDF benchmarks (bench/pdf.mjs, bench/pdf-browser.mjs): the corpus in
// tests/corpus/pdf/ is made of small files, and a portal's real case is a RUT of a few MB.
//   rut-100p-4mb.pdf  100 pages, exactly 4,000,000 bytes: GSE's upload limit is 4 MB, so this
//                     is the largest RUT a portal accepts. Page 1 reads like a DIAN RUT.
//   dense-50p.pdf     50 pages of small type, one TJ array per line, kerning for the spaces
//                     (as TeX writes them): many text operators per byte.
// Raw PDF syntax, no dependencies: one Helvetica (standard 14, WinAnsiEncoding, not embedded),
// FlateDecode (node:zlib) content streams, a classic xref table. Deterministic: a fixed-seed
// PRNG picks the words and the image noise, so every run measures the same bytes.
//
//   node bench/fixtures.mjs   writes them into target/bench-fixtures/ and prints their sizes
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

export const FIXTURE_DIR = new URL("../target/bench-fixtures/", import.meta.url);
const RUT_BYTES = 4_000_000;

/** Every fixture as `{ name, bytes }` (`bytes`: a plain Uint8Array, which pdf.js requires). */
export function makeFixtures() {
  return [
    { name: "rut-100p-4mb.pdf", bytes: rutPdf() },
    { name: "dense-50p.pdf", bytes: densePdf() },
    { name: "long-500p.pdf", bytes: longPdf() },
  ];
}

/** Writes the fixtures into `dir` (default target/bench-fixtures/); returns them with their `path`. */
export function writeFixtures(dir = FIXTURE_DIR) {
  mkdirSync(dir, { recursive: true });
  return makeFixtures().map((f) => {
    const path = new URL(f.name, dir);
    writeFileSync(path, f.bytes);
    return { ...f, path };
  });
}

// mulberry32: small, fast, and the same sequence on every engine.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// WinAnsiEncoding is Latin-1 except 0x80–0x9F, where it has the typographic characters
// (dashes, curly quotes, bullet): text uses a few of them so an extractor that reads the
// bytes as Latin-1 shows.
const WIN_ANSI_HIGH = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89,
  "Š": 0x8a, "‹": 0x8b, "Œ": 0x8c, "Ž": 0x8e, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95,
  "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9a, "›": 0x9b, "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};

/** A PDF literal string of `text` in WinAnsi bytes, as a latin1 JS string (one char a byte). */
function lit(text) {
  let out = "(";
  for (const ch of text) {
    const c = ch.codePointAt(0);
    const b = (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) ? c : WIN_ANSI_HIGH[ch];
    if (b === undefined) throw new Error(`not in WinAnsiEncoding: ${JSON.stringify(ch)}`);
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += "\\";
    out += String.fromCharCode(b);
  }
  return out + ")";
}

// Spanish-looking filler: the vocabulary of tax forms, with the accents and ñ that WinAnsi
// must carry (á é í ó ú ñ ü), so a wrong decoder garbles many words, not a few.
const WORDS = (
  "el la los las de del en y que por para con una un su sus se al como más sobre entre según " +
  "cuando también este esta dicho dicha así cada todo toda ante bajo desde hasta sin contribuyente " +
  "declaración información tributaria régimen responsabilidad obligación actividad económica " +
  "dirección seccional impuestos aduanas nacionales número identificación formulario registro " +
  "único persona jurídica natural representante legal razón social establecimiento comercio " +
  "municipio departamento código postal teléfono correo electrónico notificación inscripción " +
  "actualización certificado documento expedición vigencia artículo decreto resolución parágrafo " +
  "estatuto renta ventas retención fuente período gravable año fiscal sanción plazo presentación " +
  "pago saldo valor liquidación firma revisor contador público matrícula mercantil cámara capital " +
  "accionistas sociedad anónima simplificada acciones domicilio principal sucursal exportación " +
  "importación beneficiario final usuario aduanero facturación habilitación numeración rango " +
  "autorización prefijo consecutivo compañía señor diseño bilingüe vergüenza extensión ubicación"
).split(" ");

/** Sentences of random words, capitalised and punctuated, about `n` words long. */
function prose(rand, n) {
  const out = [];
  while (out.length < n) {
    const len = 8 + Math.floor(rand() * 14);
    for (let i = 0; i < len; i++) {
      let w = WORDS[Math.floor(rand() * WORDS.length)];
      if (i === 0) w = w[0].toUpperCase() + w.slice(1);
      if (i === len - 1) w += ".";
      else if (rand() < 0.06) w += ",";
      out.push(w);
    }
  }
  return out;
}

/** Words grouped into lines of at most `chars` characters. */
function lines(words, chars) {
  const out = [[]];
  let width = 0;
  for (const w of words) {
    if (width + w.length > chars && out.at(-1).length) (out.push([]), (width = 0));
    out.at(-1).push(w);
    width += w.length + 1;
  }
  return out;
}

/** Objects numbered from 1 in order of `add`, written with a classic xref table. */
class PdfWriter {
  objects = [];
  reserve() {
    this.objects.push(null);
    return this.objects.length;
  }
  set(num, body) {
    this.objects[num - 1] = typeof body === "string" ? Buffer.from(body, "latin1") : body;
  }
  add(body) {
    const num = this.reserve();
    this.set(num, body);
    return num;
  }
  stream(dict, data) {
    return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, "latin1"), data, Buffer.from("\nendstream")]);
  }
  flate(dict, content) {
    return this.stream(`${dict} /Filter /FlateDecode`.trim(), deflateSync(Buffer.from(content, "latin1"), { level: 6 }));
  }
  bytes(root, info, name) {
    // A binary comment after the header, as producers write it, so transfer tools treat the file as binary.
    const parts = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
    let at = parts[0].length;
    const offsets = this.objects.map((body, i) => {
      const head = Buffer.from(`${i + 1} 0 obj\n`);
      const tail = Buffer.from("\nendobj\n");
      parts.push(head, body, tail);
      const off = at;
      at += head.length + body.length + tail.length;
      return off;
    });
    // Each xref entry is exactly 20 bytes: the space before \n is part of the 2-byte EOL.
    let xref = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
    for (const off of offsets) xref += `${String(off).padStart(10, "0")} 00000 n \n`;
    const id = createHash("md5").update(name).digest("hex");
    xref += `trailer\n<< /Size ${offsets.length + 1} /Root ${root} 0 R /Info ${info} 0 R /ID [<${id}> <${id}>] >>\n`;
    xref += `startxref\n${at}\n%%EOF\n`;
    parts.push(Buffer.from(xref, "latin1"));
    const buf = Buffer.concat(parts);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  }
}

/** Catalog, page tree, the shared Helvetica and Info: the skeleton both fixtures share. */
function skeleton(title) {
  const w = new PdfWriter();
  const catalog = w.reserve();
  const pages = w.reserve();
  const font = w.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const info = w.add(`<< /Title ${lit(title)} /Producer (prevalida bench/fixtures.mjs) /CreationDate (D:20261115100000-05'00') >>`);
  return { w, catalog, pages, font, info };
}

/** The 4,000,000-byte, 100-page RUT-like PDF. */
export function rutPdf() {
  const PAGES = 100;
  const rand = prng(0x52555431);
  const { w, catalog, pages, font, info } = skeleton("Formulario del Registro Único Tributario");
  const contents = [];
  for (let p = 1; p <= PAGES; p++) {
    let s = "BT\n/F1 9.5 Tf 12 TL\n";
    if (p === 1) {
      // The facts a portal's text rules look for (mustContain the NIT, issuedWithinDays the
      // date), shown the ways producers show them: plain Tj, and a TJ with a kern inside a word
      // ("expedici" 12 "ón"), which must not become a space.
      s += `56 740 Td\n/F1 14 Tf ${lit("Formulario del Registro Único Tributario")} Tj\n/F1 9.5 Tf 0 -20 Td\n`;
      s += `${lit("DIAN – Dirección de Impuestos y Aduanas Nacionales")} Tj T*\n`;
      s += `${lit("Formulario N.º 14012345678901 • Hoja 1")} Tj T*\n`;
      s += `${lit("NIT 900.123.456-7")} Tj T*\n`;
      s += `[${lit("Raz")} 10 ${lit("ón social: Comercializadora Andina de Café S.A.S.")}] TJ T*\n`;
      s += `[${lit("Fecha de expedici")} 12 ${lit("ón: 15 de noviembre de 2026")}] TJ T*\n`;
      s += `${lit("Actividad económica principal: 4631 – Comercio al por mayor de productos alimenticios")} Tj T*\n`;
      s += `${lit("Responsabilidades: 05 – Impuesto de renta y complementarios; 48 – Impuesto sobre las ventas")} Tj T*\n`;
      s += `${lit("“Este certificado no reemplaza la consulta en línea del estado del RUT.”")} Tj T*\nT*\n`;
    } else {
      s += `56 740 Td\n/F1 11 Tf ${lit(`Sección ${p} – Información complementaria del contribuyente`)} Tj\n/F1 9.5 Tf 0 -20 Td\n`;
    }
    // Plain Tj lines alternate with TJ arrays that justify by widening a few spaces.
    lines(prose(rand, p === 1 ? 280 : 360), 96).forEach((ws, i) => {
      if (i % 2 === 0) s += `${lit(ws.join(" "))} Tj T*\n`;
      else s += `[${ws.map((x, k) => lit(k < ws.length - 1 ? x + " " : x)).join(" -40 ")}] TJ T*\n`;
    });
    s += `ET\nBT /F1 8 Tf 280 30 Td ${lit(`Página ${p} de ${PAGES}`)} Tj ET\n`;
    s += "q 72 0 0 72 484 24 cm /Im0 Do Q\n";
    contents.push(s);
  }
  // The rest of the 4 MB is one noise image a page (a stamp, as scanned forms carry):
  // incompressible, so it is as large in the file as on the page. A last PieceInfo stream,
  // which readers ignore, takes the file to the byte.
  const fixed = 100 * 600 + contents.reduce((n, c) => n + deflateSync(Buffer.from(c, "latin1"), { level: 6 }).length, 0);
  const rowBytes = 96 * 3;
  const height = Math.floor((RUT_BYTES - 8_000 - fixed) / PAGES / (rowBytes + 1));
  const noise = prng(0x494d4730);
  const kids = [];
  for (const c of contents) {
    const px = Buffer.alloc(rowBytes * height);
    for (let i = 0; i < px.length; i += 4) px.writeUInt32LE((noise() * 4294967296) >>> 0, i);
    const img = w.add(w.stream(`/Type /XObject /Subtype /Image /Width 96 /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode`, deflateSync(px, { level: 1 })));
    const content = w.add(w.flate("", c));
    kids.push(w.add(`<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 612 792] /Contents ${content} 0 R ` +
      `/Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im0 ${img} 0 R >> /ProcSet [/PDF /Text /ImageC] >> >>`));
  }
  w.set(pages, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${PAGES} >>`);
  const pad = w.reserve();
  w.set(catalog, `<< /Type /Catalog /Pages ${pages} 0 R /PieceInfo << /PrevalidaBench << /LastModified (D:20261115100000-05'00') /Private ${pad} 0 R >> >> >>`);
  // Fill to the byte: the pad's own /Length digits change the size, so settle in a few passes.
  let fill = 0;
  for (;;) {
    w.set(pad, w.stream("", Buffer.alloc(fill, 0x20)));
    const bytes = w.bytes(catalog, info, "rut-100p-4mb.pdf");
    if (bytes.length === RUT_BYTES) return bytes;
    fill += RUT_BYTES - bytes.length;
    if (fill < 0) throw new Error(`rut fixture over ${RUT_BYTES} bytes before padding`);
  }
}

/** The 50-page dense text PDF: 7-point type, ~85 lines a page, kerning as word spaces. */
export function densePdf() {
  const PAGES = 50;
  const rand = prng(0x44454e53);
  const { w, catalog, pages, font, info } = skeleton("Estatuto tributario – compilación de prueba");
  const kids = [];
  for (let p = 1; p <= PAGES; p++) {
    let s = "BT\n/F1 7 Tf 8.4 TL\n36 760 Td\n";
    lines(prose(rand, 1600), 150).forEach((ws, i) => {
      // TeX style: no space characters, a -278 kern (Helvetica's space width) between words,
      // and small kerns inside words; every fourth line plain, with spaces, to vary the ops.
      if (i % 4 === 3) s += `${lit(ws.join(" "))} Tj T*\n`;
      else s += `[${ws.map((x) => (x.length > 5 ? `${lit(x.slice(0, 3))} 18 ${lit(x.slice(3))}` : lit(x))).join(" -278 ")}] TJ T*\n`;
    });
    s += "ET\n";
    const content = w.add(w.flate("", s));
    kids.push(w.add(`<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 612 792] /Contents ${content} 0 R ` +
      `/Resources << /Font << /F1 ${font} 0 R >> /ProcSet [/PDF /Text] >> >>`));
  }
  w.set(pages, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${PAGES} >>`);
  w.set(catalog, `<< /Type /Catalog /Pages ${pages} 0 R >>`);
  return w.bytes(catalog, info, "dense-50p.pdf");
}

/**
 * The 500-page long document (issue 10): one short line a page, as a long register or an
 * export of many records prints, so that the per-page cost (page object, content stream,
 * census) dominates, not the bytes of text.
 */
export function longPdf() {
  const PAGES = 500;
  const { w, catalog, pages, font, info } = skeleton("Registro de movimientos – documento largo");
  const kids = [];
  for (let p = 1; p <= PAGES; p++) {
    const s = `BT\n/F1 10 Tf\n56 740 Td\n${lit(`Folio ${p} de ${PAGES}: registro N.º ${100000 + p * 7}`)} Tj\nET\n`;
    const content = w.add(w.flate("", s));
    kids.push(w.add(`<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 612 792] /Contents ${content} 0 R ` +
      `/Resources << /Font << /F1 ${font} 0 R >> /ProcSet [/PDF /Text] >> >>`));
  }
  w.set(pages, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${PAGES} >>`);
  w.set(catalog, `<< /Type /Catalog /Pages ${pages} 0 R >>`);
  return w.bytes(catalog, info, "long-500p.pdf");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of writeFixtures()) console.log(`${f.path.pathname}  ${f.bytes.length.toLocaleString("en")} bytes`);
}
