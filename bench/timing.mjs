// Timing shared by the benchmarks: functions timed in alternating rounds, so a noisy neighbour
// slows them alike; each figure is the median over rounds of the per-call time for the whole
// input list, in µs.
export function timeAll(fns, inputs, rounds = 31, reps = 100) {
  for (const fn of fns) for (let i = 0; i < 3; i++) for (const x of inputs) fn(x);
  const samples = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, k) => {
      const t = performance.now();
      for (let rep = 0; rep < reps; rep++) for (const x of inputs) fn(x);
      samples[k].push(((performance.now() - t) * 1000) / (reps * inputs.length));
    });
  }
  return samples.map((s) => s.sort((a, b) => a - b)[s.length >> 1]);
}
