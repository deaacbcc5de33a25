// Generated PDFs for the package and end-to-end tests: what applicants upload, built here
// so that each rule is tested at its edges (a RUT with a given NIT, a certificate issued on
// a given date, a gray scan saved as RGB, a color scan, a file of exactly N bytes).
// Written by hand (no dependency): real xref tables, Helvetica with WinAnsiEncoding, images
// deflated with node:zlib.
import { deflateSync } from "node:zlib";

/** WinAnsi bytes of `text` (Latin-1 covers the Spanish letters; others become "?"). */
function winAnsi(text) {
  return Buffer.from([...text].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 63)));
}

/** A literal string operand for `text`. */
function lit(text) {
  const b = winAnsi(text);
  const out = [];
  for (const x of b) {
    if (x === 0x28 || x === 0x29 || x === 0x5c) out.push(0x5c);
    out.push(x);
  }
  return Buffer.concat([Buffer.from("("), Buffer.from(out), Buffer.from(")")]);
}

/**
 * An image of `w`×`h` pixels: `kind` "gray" (DeviceGray), "rgb-gray" (a gray page saved as
 * RGB), "rgb-color" (RGB with a colored photo area in the middle).
 */
function image(kind, w, h) {
  const rgb = kind !== "gray";
  const px = Buffer.alloc(w * h * (rgb ? 3 : 1));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const ink = (x * 7 + y * 13) % 17 === 0 ? 40 : 245;
      const photo = kind === "rgb-color" && x > w / 3 && x < (2 * w) / 3 && y > h / 3 && y < (2 * h) / 3;
      const i = (y * w + x) * (rgb ? 3 : 1);
      if (!rgb) px[i] = ink;
      else if (photo) px.set([200, 120, 60], i);
      else px.set([ink, ink, ink], i);
    }
  }
  return { data: deflateSync(px), cs: rgb ? "/DeviceRGB" : "/DeviceGray", w, h };
}

/**
 * A PDF whose pages each have `text` (lines) and/or a full-page `image` ("gray",
 * "rgb-gray", "rgb-color"). `padTo` pads the file with a comment before the trailer to
 * exactly that many bytes.
 */
export function pdf({ pages, padTo } = {}) {
  const objects = [];
  const add = (body) => objects.push(body) && objects.length;
  const catalog = add(null);
  const tree = add(null);
  const font = add(Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
  const kids = [];
  for (const p of pages) {
    const parts = [];
    let xobj = "";
    if (p.image) {
      const im = image(p.image, p.imageSize ?? 120, p.imageSize ?? 160);
      const id = add(Buffer.concat([
        Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${im.w} /Height ${im.h} /ColorSpace ${im.cs} /BitsPerComponent 8 /Filter /FlateDecode /Length ${im.data.length} >>\nstream\n`),
        im.data, Buffer.from("\nendstream"),
      ]));
      xobj = `/XObject << /Im1 ${id} 0 R >>`;
      parts.push(Buffer.from("q 612 0 0 792 0 0 cm /Im1 Do Q\n"));
    }
    if (p.text?.length) {
      parts.push(Buffer.from("BT /F1 11 Tf 14 TL 72 740 Td\n"));
      for (const line of p.text) parts.push(lit(line), Buffer.from(" Tj T*\n"));
      parts.push(Buffer.from("ET\n"));
    }
    const content = deflateSync(Buffer.concat(parts));
    const c = add(Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`), content, Buffer.from("\nendstream")]));
    kids.push(add(Buffer.from(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 612 792] /Contents ${c} 0 R /Resources << /Font << /F1 ${font} 0 R >> ${xobj} >> >>`)));
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${tree} 0 R >>`);
  objects[tree - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`);
  const chunks = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let at = chunks[0].length;
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(at);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    chunks.push(b);
    at += b.length;
  });
  const tail = (pad) => {
    const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o + pad).padStart(10, "0")} 00000 n \n`)].join("");
    return `${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${at + pad}\n%%EOF\n`;
  };
  let body = Buffer.concat(chunks);
  if (padTo !== undefined) {
    // A comment right after the header moves every object: pad there and shift the offsets.
    // The trailer's own length depends on the pad (startxref's digits): settle it in two steps.
    let pad = padTo - body.length - Buffer.byteLength(tail(0));
    pad = padTo - body.length - Buffer.byteLength(tail(pad));
    if (pad < 3) throw new Error(`padTo ${padTo} is below the file's own size`);
    const comment = Buffer.from(`%${"x".repeat(pad - 2)}\n`);
    const head = chunks[0];
    body = Buffer.concat([head, comment, ...chunks.slice(1)]);
    return new Uint8Array(Buffer.concat([body, Buffer.from(tail(pad))]));
  }
  return new Uint8Array(Buffer.concat([body, Buffer.from(tail(0))]));
}

/** A DIAN RUT as downloaded: text, the NIT written with dots and DV, a generation date. */
export function rut(nit = "900.123.456-7", date = "15/11/2026") {
  return pdf({
    pages: [{
      text: [
        "Formulario del Registro Único Tributario",
        `5. Número de Identificación Tributaria (NIT): ${nit}`,
        "35. Razón social: CONSTRUCTORA ANDINA S.A.S.",
        `Fecha generación documento PDF: ${date}`,
      ],
    }, { text: ["Responsabilidades, calidades y atributos", "52 - Facturador electrónico"] }],
  });
}

/** A chamber of commerce certificate issued on `issued` (written "20 de noviembre de 2026"). */
export function certificate(issued, nit = "900123456-7") {
  return pdf({
    pages: [{
      text: [
        "CÁMARA DE COMERCIO DE BOGOTÁ",
        "CERTIFICADO DE EXISTENCIA Y REPRESENTACIÓN LEGAL",
        `Fecha de expedición: ${issued}`,
        `NIT: ${nit}`,
        "Matrícula No. 01234567 del 12 de marzo de 2001",
        "Renovación de la matrícula: 30 de marzo de 2026",
      ],
    }],
  });
}

/** A scan: `pages` full-page images of `kind` ("gray", "rgb-gray", "rgb-color"). */
export function scan(kind, pages = 1, imageSize) {
  return pdf({ pages: Array.from({ length: pages }, () => ({ image: kind, imageSize })) });
}
