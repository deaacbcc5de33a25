// Huge inputs (issue 10 item 7): a pasted megabyte in checkEmail and checkPassword, through
// the package (pkg/, after scripts/build.sh). Median of 9 calls each, every call including
// what crosses into wasm. Goal: < 5 ms. Usage: node bench/huge.mjs [pkg dir]
const pkg = new URL(process.argv[2] ? `file://${process.argv[2].replace(/\/?$/, "/")}` : "../pkg/", import.meta.url);
const { checkEmail, checkPassword } = await import(new URL("node.js", pkg));
const big = "a".repeat(1 << 20);
const med = (f) => {
  const ts = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    const r = f();
    ts.push(performance.now() - t);
    if (!r.findings.length) throw new Error("a 1 MB input must produce a finding");
  }
  return ts.sort((a, b) => a - b)[4];
};
const rows = [
  ["checkEmail(1 MB + @x.co)", () => checkEmail(big + "@x.co")],
  ["checkEmail(1 MB of spaces around an address)", () => checkEmail(" ".repeat(1 << 20) + "ana@gmail.com ")],
  ["checkPassword(1 MB, gse)", () => checkPassword(big, { policy: "gse" })],
  ["checkPassword(1 MB, maxLength 64)", () => checkPassword(big, { policy: { maxLength: 64 } })],
  ["checkPassword(1 MB, confirmation equal)", () => checkPassword(big, { policy: "gse", confirmation: big })],
];
for (const [name, f] of rows) {
  let ms;
  try {
    ms = med(f).toFixed(2).padStart(7);
  } catch (e) {
    ms = `throws ${e.code ?? e.message}`;
  }
  console.log(`  ${name.padEnd(48)} ${ms} ms   (goal < 5 ms)`);
}
