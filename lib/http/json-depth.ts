// How deeply a parsed JSON value nests, measured without recursion. JSON.parse accepts a body of
// half a million nested arrays within the byte limit, and every recursive walk after it (the NUL check,
// zod, JSON.stringify, the data cipher) would overflow the stack on it: a 500. No request of this API
// nests anywhere near the limit, so the edge refuses deeper bodies once, before anything walks them.

/** The deepest nesting a JSON body may have: a lead's context with nested CRM objects stays far below it. */
export const JSON_MAX_DEPTH = 32;

/** Whether `value` has arrays or objects nested more than `max` levels deep (a scalar is depth 0). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
