// The compliance evidence a call stored at its claim, as the call drawer shows it.
import { ShieldCheck } from 'lucide-react';
import { formatDateTime, humanize } from '@/lib/client/format';
import type { ComplianceEvidence } from '@/lib/client/types';
import { recordingLabel, TagList, ZoneTimes } from './compliance-bits';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[9rem_1fr] sm:gap-3">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export function CallEvidence({ evidence }: { evidence: ComplianceEvidence | null }) {
  return (
    <section className="space-y-3" aria-labelledby="compliance-title" data-testid="call-compliance">
      <h3 id="compliance-title" className="flex items-center gap-2 text-sm font-semibold">
        <ShieldCheck className="size-4 text-muted-foreground" aria-hidden /> Compliance
      </h3>
      {!evidence ? (
        <p className="rounded-lg border border-dashed p-4 text-center text-sm text-muted-foreground">This call carries no compliance evidence (it was placed before the engine recorded it).</p>
      ) : (
        <dl className="grid gap-3 rounded-lg border p-4">
          <Row label="Checked at">{formatDateTime(evidence.checkedAt, { dateStyle: 'medium', timeStyle: 'medium' })}</Row>
          <Row label="Lead’s local time">
            <ZoneTimes zones={evidence.zones} />
          </Row>
          <Row label="Jurisdictions">
            <TagList items={evidence.jurisdiction} />
          </Row>
          <Row label="Rules applied">
            <TagList items={evidence.rulesApplied} />
          </Row>
          <Row label="Campaign window">
            {evidence.campaignWindow ? `${WEEKDAYS[evidence.campaignWindow.dayOfWeek]} ${hour(evidence.campaignWindow.startHour)}–${hour(evidence.campaignWindow.endHour)} (${evidence.campaignWindow.timezone.replace(/_/g, ' ')})` : 'none recorded'}
          </Row>
          <Row label="Do-not-call">{evidence.dncListsConsulted.length ? `Not on: ${evidence.dncListsConsulted.join(', ')}` : 'no list consulted'}</Row>
          <Row label="Calls in 24 h before">{evidence.callsLast24h}</Row>
          <Row label="Consent">
            {humanize(evidence.consent.basis)}
            {evidence.consent.lead ? (
              <span className="block text-xs text-muted-foreground">
                {[evidence.consent.lead.at && formatDateTime(evidence.consent.lead.at, { dateStyle: 'medium' }), evidence.consent.lead.source, evidence.consent.lead.text && `“${evidence.consent.lead.text}”`].filter(Boolean).join(' · ')}
              </span>
            ) : (
              <span className="block text-xs text-muted-foreground">no consent record on the lead</span>
            )}
          </Row>
          <Row label="Recording">
            {recordingLabel(evidence.recording.decision)}
            {evidence.recording.allPartyConsentJurisdictions.length > 0 && <span className="block text-xs text-muted-foreground">All-party consent: {evidence.recording.allPartyConsentJurisdictions.join(', ')}</span>}
          </Row>
          {evidence.declared.timezone || evidence.declared.state ? <Row label="Declared by the lead">{[evidence.declared.timezone, evidence.declared.state].filter(Boolean).join(' · ')}</Row> : null}
        </dl>
      )}
    </section>
  );
}
