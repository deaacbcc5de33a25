// Who answers the files module's requests: a Web Worker in browsers (files-browser.js), the
// module in-process in Node (files-node.js); the entry point says which (`useRunner`).
let runner = null;

/** Called once by the entry point: `run(request) → Promise<response>` (see files.js). */
export function useRunner(run) {
  runner = run;
}

/** Sends one request to the files module. */
export function runFile(request) {
  return runner(request);
}
