// "Passwords are not kept after a call", through the package's own glue: after checkPassword
// (ASCII or not, options right or misused), the core module's memory holds no copy of the
// password nor of its confirmation. tests/wasm.rs checks the Rust side; this checks what the
// JS↔wasm crossing adds (wasm-bindgen reallocates a non-ASCII string's buffer as it copies
// it in, which could leave its start behind: such strings cross as bytes instead).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";

const PKG = new URL("../../pkg/", import.meta.url);

test("no copy of a password or its confirmation is left in wasm memory", { skip: !existsSync(new URL("node.js", PKG)) && "run scripts/build.sh" }, async () => {
  // The core instance's memory, as node.js makes it (the package is bundled: its glue is not
  // a module of its own to ask): the first WebAssembly.Instance this process creates.
  let memory = null;
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = new Proxy(Instance, {
    construct(target, args) {
      const instance = Reflect.construct(target, args);
      memory ??= instance.exports.memory;
      return instance;
    },
  });
  const { checkPassword } = await import(new URL("node.js", PKG)).finally(() => (WebAssembly.Instance = Instance));
  assert.ok(memory instanceof WebAssembly.Memory, "the core instance was seen");
  // Built at run time so that no literal of them sits in any module.
  const secret = (tail) => ["Vaca", "Azul", "Monte", "Largo", "Verde", "Río"].join("-") + tail;
  const cases = [
    [secret("-2024!"), { policy: "gse", confirmation: secret("-2024!") }],
    [secret("-Ñandú#9"), { policy: "gse", confirmation: secret("-Ñandú#9"), personal: ["Ana Pérez"] }],
    [secret("-Ñandú#8"), { policy: "gse", lang: "fr", confirmation: secret("-Ñandú#8") }], // misuse after reading
    [secret("-Ñandú#7"), { policy: { minLength: Number.NaN }, confirmation: secret("-Ñandú#7") }], // misuse
    [secret("-Ñandú#6"), "gse"], // options not an object: misuse
  ];
  const codes = [];
  for (const [password, options] of cases) {
    try {
      checkPassword(password, options);
      codes.push(null);
    } catch (e) {
      codes.push(e.code);
    }
  }
  assert.deepEqual(codes, [null, null, "api.invalid_argument", "api.invalid_argument", "api.invalid_argument"]);
  const bytes = new Uint8Array(memory.buffer);
  const count = (needle) => {
    const n = new TextEncoder().encode(needle);
    let found = 0;
    outer: for (let i = 0; i + n.length <= bytes.length; i++) {
      for (let j = 0; j < n.length; j++) if (bytes[i + j] !== n[j]) continue outer;
      found++;
    }
    return found;
  };
  // The ASCII start (what a moved buffer would leave) and a non-ASCII part.
  assert.equal(count(secret("").slice(0, 16)), 0, "the start of a password is in wasm memory");
  assert.equal(count("Ñandú#"), 0, "a password's non-ASCII part is in wasm memory");
});
