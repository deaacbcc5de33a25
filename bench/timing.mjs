// Timing shared by the benchmarks: functions timed in alternating rounds (each round in the
// other order from the last), so a noisy neighbour slows them alike; each figure is the median
// over rounds of the per-call time for the whole input list, in µs.
// BENCH_STAT=min takes the fastest round instead (the steadier figure on a loaded machine, for
// A/B of two builds), BENCH_ROUNDS=N overrides the number of rounds of every call
// in the process.
export function timeAll(fns, inputs, rounds = 31, reps = 100) {
  rounds = Number(process.env.BENCH_ROUNDS) || rounds;
  const min = process.env.BENCH_STAT === "min";
  for (const fn of fns) for (let i = 0; i < 3; i++) for (const x of inputs) fn(x);
  const samples = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...fns.keys()].reverse() : [...fns.keys()];
    for (const k of order) {
      const t = performance.now();
      for (let rep = 0; rep < reps; rep++) for (const x of inputs) fns[k](x);
      samples[k].push(((performance.now() - t) * 1000) / (reps * inputs.length));
    }
  }
  return samples.map((s) => (min ? Math.min(...s) : s.sort((a, b) => a - b)[s.length >> 1]));
}
