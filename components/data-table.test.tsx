import type { ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { UseQueryResult } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { DataTable, type DataTableColumn } from './data-table';

type Fruit = { id: string; name: string };
type FruitPage = { items: Fruit[]; nextCursor?: string | null; total?: number | null };

// Only the fields the table reads; a real query result has many more.
const query = (state: Partial<UseQueryResult<FruitPage>>) =>
  ({ isPending: false, isError: false, error: null, refetch: () => undefined, ...state }) as UseQueryResult<FruitPage>;
const loaded = (page: FruitPage) => query({ data: page, isSuccess: true });

const columns: DataTableColumn<Fruit>[] = [
  { header: 'Name', className: 'font-medium', cell: (f) => f.name },
  { header: 'Actions', srOnly: true, cell: (f) => <button type="button">Remove {f.name}</button> },
];
const pages = { page: 1, cursor: undefined, next: () => undefined, previous: () => undefined, reset: () => undefined };

const render = (props: Partial<ComponentProps<typeof DataTable<Fruit>>>) =>
  renderToStaticMarkup(<DataTable<Fruit> label="Fruit" query={query({ isPending: true })} columns={columns} rowKey={(f) => f.id} rowTestId="fruit-row" empty={<p>No fruit yet</p>} {...props} />);

describe('DataTable', () => {
  it('shows a skeleton while the first page loads, as wide as the table unless told', () => {
    const html = render({});
    expect(html).toContain('aria-busy="true"');
    expect(html.match(/h-5 flex-1/g)?.length).toBe(6 * 2);
    expect(render({ loadingColumns: 4 }).match(/h-5 flex-1/g)?.length).toBe(6 * 4);
  });

  it('shows the error with a retry instead of the rows', () => {
    const html = render({ query: query({ isError: true, error: new Error('The server is down') }) });
    expect(html).toContain('role="alert"');
    expect(html).toContain('The server is down');
    expect(html).toContain('Try again');
    expect(html).not.toContain('<table');
  });

  it('shows the empty state when the page has no rows', () => {
    const html = render({ query: loaded({ items: [] }) });
    expect(html).toContain('No fruit yet');
    expect(html).not.toContain('<table');
  });

  it('names the table, hides an actions heading but for screen readers, and gives each row its test id', () => {
    const html = render({ query: loaded({ items: [{ id: 'a', name: 'Apple' }, { id: 'p', name: 'Pear' }] }) });
    expect(html).toContain('aria-label="Fruit"');
    expect(html).toContain('<span class="sr-only">Actions</span>');
    expect(html.match(/data-testid="fruit-row"/g)?.length).toBe(2);
    expect(html).toContain('Remove Pear');
    expect(html).not.toContain('No fruit yet');
  });

  it('puts rows of another kind after the query rows', () => {
    const html = render({ query: loaded({ items: [{ id: 'a', name: 'Apple' }] }), extraRows: <tr data-testid="extra-row" /> });
    expect(html.indexOf('Apple')).toBeLessThan(html.indexOf('extra-row'));
  });

  it('pages a keyset list under the table, and on an empty page past the first so Previous leads back', () => {
    const cursor = { pages, pageSize: 2, noun: 'fruit' };
    const withRows = render({ query: loaded({ items: [{ id: 'a', name: 'Apple' }], nextCursor: 'c1', total: 3 }), cursor });
    expect(withRows).toContain('Next page');
    expect(withRows).toContain('of 3');
    expect(render({ query: loaded({ items: [], nextCursor: null, total: 0 }), cursor })).not.toContain('Next page');
    expect(render({ query: loaded({ items: [], nextCursor: null, total: null }), cursor: { ...cursor, pages: { ...pages, page: 2 } } })).toContain('Previous page');
  });
});
