// Helpers of the PDF entry points (pdf-browser.js, pdf-node.js), kept out of api.js so that
// a page that never checks a PDF does not download them.
import { misuse } from "./api.js";

/**
 * @internal The bytes of an upload as a `Uint8Array` the caller no longer shares (it may be
 * transferred to a worker). Throws the coded misuse error for anything else.
 */
export async function bytesOf(data) {
  if (data instanceof Uint8Array) return data.slice();
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (typeof Blob !== "undefined" && data instanceof Blob) return new Uint8Array(await data.arrayBuffer());
  throw misuse("data must be a File, Blob, ArrayBuffer or Uint8Array");
}

/** @internal The answer for a file the PDF module could not inspect (it trapped). */
export function trapped(bytes) {
  return {
    isPdf: false, kind: "unknown", bytes, encryption: "none", pages: 0, hasText: false, textChars: 0,
    images: { count: 0, color: 0, gray: 0, bilevel: 0 }, javascript: false, embeddedFiles: 0,
    pageCensus: [], repaired: false, truncated: false, error: "internal.error",
  };
}
