// Benchmark: checkCompliance per lead, against a bare baseline measured in the same run: a luxon local-hour
// check of one zone (is it between 08:00 and 21:00 in the lead's declared zone?), the least any dialer does.
// Leads mix single- and multi-zone area codes, overlays, Canadian, toll-free and international numbers, declared
// zones and states, so the check reads several rule rows and zones. `npx tsx bench/compliance-check.ts`
//   BENCH_LEADS, BENCH_ROUNDS to change.
import { DateTime } from 'luxon';
import { checkCompliance } from '@/lib/services/compliance/check-compliance';
import type { ComplianceInput } from '@/lib/services/compliance/types';
import { median } from './lib/stats';

const print = (line: string) => process.stdout.write(`${line}\n`);
const leads = Number(process.env.BENCH_LEADS ?? 20_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);

const numbers: [areaCode: string, zone: string, state: string | null][] = [
  ['212', 'America/New_York', 'NY'], ['305', 'America/New_York', 'FL'], ['812', 'America/Chicago', null], ['504', 'America/Chicago', 'LA'],
  ['401', 'America/New_York', null], ['214', 'America/Chicago', 'TX'], ['602', 'MST', null], ['458', 'America/Los_Angeles', 'OR'],
  ['416', 'America/Toronto', 'ON'], ['306', 'America/Regina', null], ['800', 'America/Chicago', null], ['601', 'America/Chicago', 'MS'],
  ['206', 'America/Los_Angeles', 'WA'], ['689', 'America/New_York', 'FL'], ['907', 'America/Anchorage', null], ['808', 'Pacific/Honolulu', null],
];
const international = ['+442071234567', '+33142685300'];

// A weekday noon in New York, stepping a minute per lead so the instants vary but stay on the same UTC day.
const base = Date.UTC(2026, 5, 10, 16, 0);
const inputs: ComplianceInput[] = [];
for (let i = 0; i < leads; i++) {
  const at = new Date(base + (i % 240) * 60_000);
  if (i % 50 === 49) {
    inputs.push({ phone: international[i % international.length], at, callsLast24h: i % 4 });
    continue;
  }
  const [areaCode, zone, state] = numbers[i % numbers.length];
  inputs.push({
    phone: `+1${areaCode}${String(2_000_000 + ((i * 7919) % 7_999_999)).padStart(7, '0')}`,
    declaredTimezone: zone,
    declaredState: state,
    at,
    callsLast24h: i % 4,
    onDnc: { listsConsulted: ['owner'], hit: false },
    consent: { basis: 'prior_express_written_consent', leadConsent: { at: '2026-01-01T00:00:00Z' } },
  });
}
const baselineZone = (input: ComplianceInput) => (input.declaredTimezone && input.declaredTimezone.includes('/') ? input.declaredTimezone : 'America/New_York');

function timeBaseline(): { ns: number; allowed: number } {
  let allowed = 0;
  const t0 = performance.now();
  for (const input of inputs) {
    const hour = DateTime.fromMillis(input.at.getTime(), { zone: baselineZone(input) }).hour;
    if (hour >= 8 && hour < 21) allowed++;
  }
  return { ns: ((performance.now() - t0) * 1e6) / inputs.length, allowed };
}

function timeCheck(): { ns: number; allowed: number } {
  let allowed = 0;
  const t0 = performance.now();
  for (const input of inputs) if (checkCompliance(input).allowed) allowed++;
  return { ns: ((performance.now() - t0) * 1e6) / inputs.length, allowed };
}

// The first pass also fills the per-day span caches, as the first claim of a day does.
const coldCheck = timeCheck();
timeBaseline();

const baseline: number[] = [];
const check: number[] = [];
let allowedByCheck = 0;
let allowedByBaseline = 0;
for (let r = 0; r < rounds; r++) {
  // Alternate the order so neither side always runs on a warmer machine.
  if (r % 2 === 0) {
    const b = timeBaseline();
    const c = timeCheck();
    baseline.push(b.ns);
    check.push(c.ns);
    allowedByBaseline = b.allowed;
    allowedByCheck = c.allowed;
  } else {
    const c = timeCheck();
    const b = timeBaseline();
    baseline.push(b.ns);
    check.push(c.ns);
  }
}

const bareNs = median(baseline);
const checkNs = median(check);
print(`checkCompliance per lead, ${leads.toLocaleString()} leads, median of ${rounds} rounds (first pass, filling the day's caches: ${(coldCheck.ns / 1000).toFixed(1)} µs/lead)`);
print(`  bare luxon local-hour check of one zone: ${(bareNs / 1000).toFixed(2)} µs/lead (${allowedByBaseline} allowed)`);
print(`  checkCompliance (every rule, zone, cap, DNC, consent): ${(checkNs / 1000).toFixed(2)} µs/lead (${allowedByCheck} allowed)`);
print(`  ratio checkCompliance / bare check: ${(checkNs / bareNs).toFixed(2)}×; ${Math.round(1e9 / checkNs).toLocaleString()} leads/s on one core`);
