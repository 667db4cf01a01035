// The evidence of every call of a campaign as CSV, one row per call, for an auditor's spreadsheet.
// Cells go through the one CSV writer (shared/csv-writer.ts), which quotes and defuses formulas (= + - @).
import 'server-only';
import type { Queryable } from '@/db';
import { csvRow } from '@/shared/csv-writer';
import type { ComplianceEvidence } from '@/shared/compliance-evidence';
import { callEvidencePages, type CallEvidenceRow } from './call-evidence-pages';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export const EVIDENCE_CSV_HEADERS = [
  'callId',
  'leadId',
  'phone',
  'status',
  'checkedAt',
  'zones',
  'jurisdiction',
  'rulesApplied',
  'declaredTimezone',
  'declaredState',
  'campaignWindow',
  'dncListsConsulted',
  'callsLast24h',
  'consentBasis',
  'leadConsentAt',
  'leadConsentSource',
  'leadConsentText',
  'recordingDecision',
  'allPartyConsentJurisdictions',
  'notes',
] as const;

function windowText(w: ComplianceEvidence['campaignWindow']): string {
  if (!w) return '';
  return `${WEEKDAYS[w.dayOfWeek] ?? w.dayOfWeek} ${String(w.startHour).padStart(2, '0')}:00-${String(w.endHour).padStart(2, '0')}:00 ${w.timezone}`;
}

function rowOf(call: CallEvidenceRow): unknown[] {
  const ev = call.compliance;
  if (!ev) return [call.id, call.leadId, call.phone, call.status, '', '', '', '', '', '', '', '', '', '', '', '', '', 'no evidence', '', ''];
  return [
    call.id,
    call.leadId,
    call.phone,
    call.status,
    ev.checkedAt,
    ev.zones.map((z) => `${z.zone} ${z.localTime}`).join('; '),
    ev.jurisdiction.join('; '),
    ev.rulesApplied.join('; '),
    ev.declared?.timezone ?? '',
    ev.declared?.state ?? '',
    windowText(ev.campaignWindow),
    ev.dncListsConsulted.join('; '),
    ev.callsLast24h,
    ev.consent?.basis ?? '',
    ev.consent?.lead?.at ?? '',
    ev.consent?.lead?.source ?? '',
    ev.consent?.lead?.text ?? '',
    ev.recording?.decision ?? '',
    ev.recording?.allPartyConsentJurisdictions.join('; ') ?? '',
    ev.notes.join('; '),
  ];
}

export async function* exportEvidenceCsv(db: Queryable, { campaignId }: { campaignId: string }): AsyncGenerator<string> {
  yield csvRow(EVIDENCE_CSV_HEADERS);
  for await (const page of callEvidencePages(db, { campaignId })) {
    yield page.map((call) => csvRow(rowOf(call))).join('');
  }
}
