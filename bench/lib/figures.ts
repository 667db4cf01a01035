// A benchmark's headline figures, handed to `npm run bench` (bench/run.ts) for its table and
// bench/results/latest.json: one line on stdout per figure, marked so the runner can tell it from the
// benchmark's own report. Also the steps of a benchmark's wall time that are not measurement (making its
// data, a build), so the runner can say where the time went.
export const figureMarker = '@@figure ';
export const stepMarker = '@@step ';

export type Figure = {
  bench: string;
  name: string;
  /** The measured value, in `unit`. */
  value: number;
  unit: string;
  /** The target, as written (e.g. '≥ 70 % of bare COPY'), and whether the value meets it. */
  target: string;
  met: boolean;
  /** The same-run bare baseline the value is a ratio to, when there is one. */
  baseline?: { name: string; value: number; unit: string };
};

/** A part of a benchmark's wall time, e.g. `data` 41.2 s or `next build` 0 s (reused). */
export type Step = { name: string; seconds: number };

export function reportFigure(figure: Figure): void {
  process.stdout.write(`${figureMarker}${JSON.stringify(figure)}\n`);
}

export function reportStep(name: string, seconds: number): void {
  process.stdout.write(`${stepMarker}${JSON.stringify({ name, seconds: Math.round(seconds * 10) / 10 } satisfies Step)}\n`);
}
