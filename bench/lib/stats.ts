// The few statistics the benchmarks report, so every figure of one name is computed the same way.

/** The middle value (the upper one of an even count); the input is not reordered. */
export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The nearest-rank percentile `p` (0–100) of values sorted ascending; NaN for none. */
export const percentile = (sorted: number[], p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
