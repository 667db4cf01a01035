/** Text matched literally inside a LIKE pattern (Postgres escapes with a backslash by default). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
