// The PBKDF2 derivations of a certificate file's PBES2 schemes (OpenSSL 3's default files:
// HMAC-SHA-256, 2,048 iterations, twice per file), run with the platform's WebCrypto before
// the files module opens the file: native PBKDF2 is several times faster than the same rounds
// in wasm (docs/figures.md). The module lists what to derive (op "pbkdf2Params": nothing for
// a file it would refuse, such as one over the iteration ceiling) and checks every key it is
// given; a key that is missing or does not decrypt is derived in wasm instead, so a platform
// without WebCrypto (or one that refuses an empty password) is only slower. Used by both
// runners (files-worker.js, files-node.js).

const encoder = new TextEncoder();

/**
 * The keys for `checkCertificate` on `bytes` with `options.password`, in the order of the
 * module's list (`null` where WebCrypto failed), or `undefined` when there is nothing to derive
 * here. The password's bytes are zeroed when done; the caller zeroes the keys (`wipeKeys`).
 */
export async function pbkdf2Keys(files, bytes, options) {
  const subtle = globalThis.crypto?.subtle;
  const password = options?.password ?? "";
  if (subtle === undefined || typeof password !== "string") return undefined;
  const list = JSON.parse(files.run({ op: "pbkdf2Params" }, bytes, undefined));
  if (list.length === 0) return undefined;
  const pw = encoder.encode(password);
  try {
    const material = await subtle.importKey("raw", pw, "PBKDF2", false, ["deriveBits"]);
    return await Promise.all(list.map(async ({ hash, salt, iterations, keyLength }) => {
      try {
        const params = { name: "PBKDF2", hash, salt: new Uint8Array(salt), iterations };
        return new Uint8Array(await subtle.deriveBits(params, material, keyLength * 8));
      } catch {
        return null;
      }
    }));
  } catch {
    return undefined;
  } finally {
    pw.fill(0);
  }
}

/** Zeroes the keys `pbkdf2Keys` answered, once the module has used them. */
export function wipeKeys(keys) {
  if (keys !== undefined) for (const k of keys) k?.fill(0);
}
