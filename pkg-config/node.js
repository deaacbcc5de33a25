// Node.js (≥ 20) entry: reads the core .wasm next to this file and instantiates it
// synchronously, so `import { checkEmail } from "prevalida"` works in scripts and CLIs. The
// files module runs in-process (files-node.js), loaded the first time a file is checked.
import { readFileSync } from "node:fs";
import { initSync } from "./prevalida.js";
import { bind } from "./instance.js";
import { useRunner } from "./files-run.js";
import { run } from "./files-node.js";

bind(initSync({ module: readFileSync(new URL("./prevalida_bg.wasm", import.meta.url)) }));
useRunner(run);

export * from "./api.js";
