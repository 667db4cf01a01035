// Rows refused by an import, with the line to fix. The list is capped so that a file of a
// million bad rows still answers in a few kilobytes; the total is always exact.
export type Rejection = { line: number; reason: string };

export const MAX_LISTED_REJECTIONS = 1000;

export class Rejections {
  private readonly listed: Rejection[] = [];
  total = 0;

  add(line: number, reason: string) {
    this.total++;
    if (this.listed.length < MAX_LISTED_REJECTIONS) this.listed.push({ line, reason });
  }

  /** In file order: problems found by the parser can surface a little ahead of their neighbours. */
  list(): Rejection[] {
    return [...this.listed].sort((a, b) => a.line - b.line);
  }
}
