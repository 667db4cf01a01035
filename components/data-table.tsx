import * as React from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { CursorPagination } from '@/components/cursor-pagination';
import { ErrorState } from '@/components/empty-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { Card } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/client/cn';
import type { useCursorPages } from '@/lib/client/use-cursor-pages';

/** Attributes for a row or a cell; data-* ones (test ids) too, which an object literal otherwise may not name. */
type Attributes<Element extends 'tr' | 'td'> = Omit<React.ComponentProps<Element>, 'children'> & { [data: `data-${string}`]: string | undefined };

export type DataTableColumn<Row> = {
  header: string;
  /** An actions column: its heading is for screen readers only, its width an icon button's. */
  srOnly?: boolean;
  headClassName?: string;
  className?: string;
  /** Left out where the rows render themselves (`renderRow`): the column gives its heading only. */
  cell?: (row: Row) => React.ReactNode;
  /** Per-row cell attributes (a title, a test id) beside the column's class. */
  cellProps?: (row: Row) => Attributes<'td'>;
};

/** A list query's page: its rows, and for a keyset-paged list the cursor of the next page and the total. */
type ListPage<Row> = { items: Row[]; nextCursor?: string | null; total?: number | null };

type DataTableProps<Row> = {
  /** The table's accessible name. */
  label: string;
  query: UseQueryResult<ListPage<Row>>;
  columns: DataTableColumn<Row>[];
  rowKey: (row: Row) => React.Key;
  /** The test id of each row. */
  rowTestId?: string;
  rowProps?: (row: Row) => Attributes<'tr'>;
  /** Renders a whole row instead of the columns' cells, for a row with its own state (editing in place). */
  renderRow?: (row: Row) => React.ReactNode;
  /** Rows of another kind after the query's rows (open invitations under the members). */
  extraRows?: React.ReactNode;
  /** Shown instead of the table when the page has no rows. */
  empty: React.ReactNode;
  loadingColumns?: number;
  /** A keyset-paged list: Next/Previous under the table, from the query's nextCursor and total. */
  cursor?: { pages: ReturnType<typeof useCursorPages>; pageSize: number; noun: string };
};

/** A list panel: a skeleton while loading, the error with a retry, the empty state, or the rows in a card. */
export function DataTable<Row>({ label, query, columns, rowKey, rowTestId, rowProps, renderRow, extraRows, empty, loadingColumns, cursor }: DataTableProps<Row>) {
  const { data } = query;
  return (
    <>
      {query.isPending ? (
        <TableSkeleton cols={loadingColumns ?? columns.length} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        empty
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label={label}>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                {columns.map((column) => (
                  <TableHead key={column.header} className={cn(column.srOnly && 'w-12', column.headClassName)}>
                    {column.srOnly ? <span className="sr-only">{column.header}</span> : column.header}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {query.data.items.map((row) =>
                renderRow ? (
                  <React.Fragment key={rowKey(row)}>{renderRow(row)}</React.Fragment>
                ) : (
                  <TableRow key={rowKey(row)} data-testid={rowTestId} {...rowProps?.(row)}>
                    {columns.map((column) => (
                      <TableCell key={column.header} className={column.className} {...column.cellProps?.(row)}>
                        {column.cell?.(row)}
                      </TableCell>
                    ))}
                  </TableRow>
                ),
              )}
              {extraRows}
            </TableBody>
          </Table>
        </Card>
      )}
      {cursor && data && (data.items.length > 0 || cursor.pages.page > 1) && (
        <CursorPagination
          page={cursor.pages.page}
          pageSize={cursor.pageSize}
          shown={data.items.length}
          total={data.total ?? null}
          hasNext={!!data.nextCursor}
          onNext={() => data.nextCursor && cursor.pages.next(data.nextCursor)}
          onPrevious={cursor.pages.previous}
          noun={cursor.noun}
        />
      )}
    </>
  );
}
