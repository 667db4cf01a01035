// A benchmark's headline figures, handed to `npm run bench` (bench/run.ts) for its table and
// bench/results/latest.json: one line on stdout per figure, marked so the runner can tell it from the
// benchmark's own report.
export const figureMarker = '@@figure ';

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

export function reportFigure(figure: Figure): void {
  process.stdout.write(`${figureMarker}${JSON.stringify(figure)}\n`);
}
