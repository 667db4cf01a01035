'use client';
import * as React from 'react';

/**
 * Next/Previous over a keyset-paged list: the cursors of the pages visited so far, so Previous returns to the page
 * it came from without numbering pages (an OFFSET walks every row before a deep page). `reset` goes back to the
 * first page, e.g. when a filter changes.
 */
export function useCursorPages() {
  const [cursors, setCursors] = React.useState<(string | undefined)[]>([undefined]);
  return {
    page: cursors.length,
    cursor: cursors[cursors.length - 1],
    next: (cursor: string) => setCursors((c) => [...c, cursor]),
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    reset: () => setCursors([undefined]),
  };
}
