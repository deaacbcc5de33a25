// Recovery from a trapped instance, on a test build (scripts/build.sh --test-trap) whose
// module aborts on one magic input. The published package has no such input: this checks the
// glue's last line of defence (pkg-config/api.js `recover`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";

const ENTRY = new URL("../../target/pkg-trap/node.js", import.meta.url);

test("a trap becomes an internal.error finding and the next call works", { skip: !existsSync(ENTRY) && "run scripts/build.sh --test-trap" }, async () => {
  const { checkEmail, checkPassword } = await import(ENTRY);
  assert.equal(checkEmail("ana@gmail.com").ok, true);

  const r = checkEmail("\0trap\0", { field: "email", lang: "en" });
  assert.equal(r.ok, false);
  assert.deepEqual(r.findings.map((f) => [f.code, f.severity, f.field]), [["internal.error", "error", "email"]]);
  assert.match(r.findings[0].message, /internal error/);

  // A fresh instance answers every path again: clean, mistake, password.
  assert.deepEqual(checkEmail("Ana@Gmail.com"), { ok: true, normalized: "Ana@gmail.com", findings: [] });
  assert.equal(checkEmail("ventas@empresa,com,co").findings[0].code, "email.comma_in_domain");
  assert.equal(checkPassword("Vaca-Azul-Monte-42", { policy: "gse" }).ok, true);

  // And it survives being trapped again.
  assert.equal(checkEmail("\0trap\0").findings[0].code, "internal.error");
  assert.equal(checkEmail("ana@gmail.con").suggestion, "ana@gmail.com");
});
