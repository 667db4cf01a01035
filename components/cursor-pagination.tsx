'use client';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { formatNumber } from '@/lib/client/format';

/** Next/Previous for a keyset-paged list; the total is shown when the API could give it cheaply. */
export function CursorPagination({
  page,
  pageSize,
  shown,
  total,
  hasNext,
  onNext,
  onPrevious,
  noun = 'rows',
}: {
  page: number;
  pageSize: number;
  shown: number;
  total: number | null;
  hasNext: boolean;
  onNext: () => void;
  onPrevious: () => void;
  noun?: string;
}) {
  const from = shown === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = shown === 0 ? 0 : from + shown - 1;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 px-1 pt-3 text-sm text-muted-foreground">
      <p aria-live="polite">
        {formatNumber(from)}–{formatNumber(to)}
        {total !== null ? ` of ${formatNumber(total)}` : ''} {noun}
      </p>
      <div className="flex items-center gap-2">
        <span className="tabular-nums">
          Page {page}
          {total !== null ? ` of ${formatNumber(Math.max(1, Math.ceil(total / pageSize)))}` : ''}
        </span>
        <Button variant="outline" size="icon-sm" aria-label="Previous page" disabled={page <= 1} onClick={onPrevious}>
          <ChevronLeft aria-hidden />
        </Button>
        <Button variant="outline" size="icon-sm" aria-label="Next page" disabled={!hasNext} onClick={onNext}>
          <ChevronRight aria-hidden />
        </Button>
      </div>
    </div>
  );
}
