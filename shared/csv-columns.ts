// Which lead field each CSV column feeds, from its header. Pure on purpose (no server-only
// imports): the dashboard runs the very same detection in the browser to preview an upload.
import { headerName, stripBom } from './csv-dialect';

export const leadColumnTargets = ['name', 'first_name', 'last_name', 'phone', 'company', 'email', 'timezone', 'state', 'consent_at', 'consent_source', 'consent_text', 'ignore', 'context'] as const;
export type LeadColumnTarget = (typeof leadColumnTargets)[number];

/** Header as written in the file → what it feeds. */
export type ColumnMapping = Record<string, LeadColumnTarget>;

type LeadField = Exclude<LeadColumnTarget, 'ignore' | 'context'>;

// Compared after normalizeHeader: "Phone Number", "phone_number" and "PHONE-NUMBER" are one alias.
const aliases: Record<LeadField, readonly string[]> = {
  phone: ['phone', 'phonenumber', 'phoneno', 'mobile', 'mobilephone', 'mobilenumber', 'cell', 'cellphone', 'cellnumber', 'telephone', 'telephonenumber', 'tel', 'contactnumber'],
  name: ['name', 'fullname', 'contactname', 'leadname'],
  first_name: ['firstname', 'first', 'givenname', 'forename', 'fname'],
  last_name: ['lastname', 'last', 'surname', 'familyname', 'lname'],
  company: ['company', 'companyname', 'organization', 'organisation', 'organizationname', 'organisationname', 'org', 'business', 'businessname', 'employer'],
  email: ['email', 'emailaddress', 'mail'],
  timezone: ['timezone', 'tz'],
  // The lead's state or province: its jurisdiction's calling rules apply beside its number's.
  state: ['state', 'province', 'region', 'st', 'stateprovince', 'stateorprovince', 'provincestate'],
  // The lead's own consent record (prior express written consent needs one per lead).
  consent_at: ['consentat', 'consentdate', 'consenttime', 'consenttimestamp', 'consentedat', 'optinat', 'optindate'],
  consent_source: ['consentsource', 'optinsource', 'consentmethod'],
  consent_text: ['consenttext', 'consenturl', 'consentlanguage', 'optintext', 'optinurl'],
};

const fieldByAlias = new Map<string, LeadField>(Object.entries(aliases).flatMap(([field, names]) => names.map((n) => [n, field as LeadField] as const)));

/** Case, spacing and punctuation do not matter: "E-mail" → "email", "Time Zone" → "timezone". */
export function normalizeHeader(header: string): string {
  return stripBom(header)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The field a header names, or 'context' for a column the product has no field for. */
export function detectColumnTarget(header: string): LeadColumnTarget {
  return fieldByAlias.get(normalizeHeader(header)) ?? 'context';
}

export type ResolvedColumn = { index: number; header: string; target: LeadColumnTarget; contextKey: string };
export type ResolvedColumns = { columns: ResolvedColumn[]; errors: Record<string, string> };

/**
 * Each column's target, by position. A field is fed by one column: with two "Phone" columns the
 * first feeds phone and the second lands in context. An override names headers as written (or
 * spelled any way normalizeHeader equates) and wins over detection.
 */
export function resolveColumns(headers: readonly string[], override: ColumnMapping = {}): ResolvedColumns {
  const errors: Record<string, string> = {};
  const overrideByIndex = new Map<number, LeadColumnTarget>();
  for (const [key, target] of Object.entries(override)) {
    const exact = headers.findIndex((h) => headerName(h) === headerName(key));
    const index = exact >= 0 ? exact : headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(key));
    if (index < 0) errors[`mapping.${key}`] = `the file has no column named "${key}"`;
    else overrideByIndex.set(index, target);
  }

  const fed = new Map<LeadField, number>();
  for (const [index, target] of overrideByIndex) {
    if (target === 'ignore' || target === 'context') continue;
    if (fed.has(target)) errors[`mapping.${headers[index]}`] = `${target} is already fed by the column "${headers[fed.get(target)!]}"`;
    else fed.set(target, index);
  }

  const usedKeys = new Set<string>();
  const columns = headers.map((raw, index): ResolvedColumn => {
    const header = headerName(raw);
    let target = overrideByIndex.get(index) ?? detectColumnTarget(header);
    if (!overrideByIndex.has(index) && target !== 'context' && target !== 'ignore') {
      if (fed.has(target)) target = 'context';
      else fed.set(target, index);
    }
    // An unnamed column (a trailing delimiter in the header) still keeps its values, by position.
    let contextKey = header || `column_${index + 1}`;
    for (let n = 2; usedKeys.has(contextKey); n++) contextKey = `${header || `column_${index + 1}`} (${n})`;
    usedKeys.add(contextKey);
    return { index, header, target, contextKey };
  });

  if (!fed.has('phone')) errors.mapping ??= 'no phone column: name one phone, mobile or cell, or map a column to phone';
  else if (!fed.has('name') && !fed.has('first_name') && !fed.has('last_name')) {
    errors.mapping ??= 'no name column: name one name or first_name/last_name, or map a column to name';
  }
  return { columns, errors };
}

/** The detected mapping keyed by header, as the upload's `mapping` field takes it. */
export function detectColumnMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const column of resolveColumns(headers).columns) if (column.header) mapping[column.header] ??= column.target;
  return mapping;
}
