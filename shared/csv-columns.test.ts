import { describe, expect, it } from 'vitest';
import { detectColumnMapping, detectColumnTarget, resolveColumns } from './csv-columns';

describe('CSV header detection', () => {
  it.each([
    ['phone', 'phone'],
    ['phone_number', 'phone'],
    ['Phone Number', 'phone'],
    ['PHONE-NUMBER', 'phone'],
    ['Mobile', 'phone'],
    ['cell', 'phone'],
    ['Telephone', 'phone'],
    ['Phone #', 'phone'],
    ['\uFEFFphone', 'phone'],
    ['name', 'name'],
    ['Full Name', 'name'],
    ['first_name', 'first_name'],
    ['First Name', 'first_name'],
    ['firstname', 'first_name'],
    ['Last Name', 'last_name'],
    ['surname', 'last_name'],
    ['company', 'company'],
    ['Organization', 'company'],
    ['organisation', 'company'],
    ['Business', 'company'],
    ['email', 'email'],
    ['E-mail', 'email'],
    ['Email Address', 'email'],
    ['timezone', 'timezone'],
    ['TZ', 'timezone'],
    ['Time Zone', 'timezone'],
    ['Budget', 'context'],
    ['', 'context'],
  ] as const)('"%s" feeds %s', (header, target) => {
    expect(detectColumnTarget(header)).toBe(target);
  });

  it('a field is fed by the first column naming it; later ones go to context', () => {
    expect(detectColumnMapping(['Phone', 'Name', 'Mobile'])).toEqual({ Phone: 'phone', Name: 'name', Mobile: 'context' });
  });

  it('an override wins over detection and takes the field from the detected column', () => {
    const { columns, errors } = resolveColumns(['Phone', 'Direct line', 'Name'], { 'Direct line': 'phone', Phone: 'ignore' });
    expect(errors).toEqual({});
    expect(columns.map((c) => c.target)).toEqual(['ignore', 'phone', 'name']);
  });

  it('an override names headers however they are spelled', () => {
    const { columns } = resolveColumns(['Contact Number', 'Who'], { contact_number: 'phone', WHO: 'name' });
    expect(columns.map((c) => c.target)).toEqual(['phone', 'name']);
  });

  it('an override naming a column the file lacks is an error on that key', () => {
    expect(resolveColumns(['phone', 'name'], { Fax: 'phone' }).errors).toHaveProperty(['mapping.Fax']);
  });

  it('an override feeding one field from two columns is an error', () => {
    expect(resolveColumns(['a', 'b', 'name'], { a: 'phone', b: 'phone' }).errors).toHaveProperty(['mapping.b']);
  });

  it.each([
    [['name', 'email'], /no phone column/],
    [['phone', 'company'], /no name column/],
  ])('%j cannot be imported: %s', (headers, message) => {
    expect(resolveColumns(headers).errors.mapping).toMatch(message);
  });

  it('first or last name alone is enough of a name', () => {
    expect(resolveColumns(['phone', 'First Name']).errors).toEqual({});
  });

  it('context keys are the headers as written, made unique, and unnamed columns get their position', () => {
    const { columns } = resolveColumns(['phone', 'name', ' Notes ', 'Notes', '']);
    expect(columns.map((c) => c.contextKey)).toEqual(['phone', 'name', 'Notes', 'Notes (2)', 'column_5']);
  });
});
