import { expect, it } from 'vitest';
import { resolveColumns } from './csv-columns';
import { leadTemplateColumns, leadTemplateCsv } from './lead-template';

it('every column of the lead template is read by the importer as the field it names', () => {
  const { columns, errors } = resolveColumns(leadTemplateColumns.map((c) => c.header));
  expect(errors).toEqual({});
  expect(columns.map((c) => c.target)).toEqual(leadTemplateColumns.map((c) => c.target));
});

it('the template is a header line and one example row', () => {
  const lines = leadTemplateCsv().split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toBe(leadTemplateColumns.map((c) => c.header).join(','));
});
