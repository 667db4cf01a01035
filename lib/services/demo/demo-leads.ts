// Sample leads for the demo campaign: fictional numbers in reserved drama/test ranges, spread
// over places where a call is lawful when the demo is first seeded, so a newcomer can press Start.
// Each carries a consent record, as the campaign's basis (prior express written consent) requires.
import { checkCompliance } from '@/lib/services/compliance/check-compliance';

const regions = [
  { zone: 'America/New_York', number: (i: number) => `+1212555${String(100 + (i % 100)).padStart(4, '0')}` },
  { zone: 'America/Chicago', number: (i: number) => `+1312555${String(100 + (i % 100)).padStart(4, '0')}` },
  { zone: 'America/Los_Angeles', number: (i: number) => `+1415555${String(100 + (i % 100)).padStart(4, '0')}` },
  { zone: 'Europe/London', number: (i: number) => `+44207946${String(i % 1000).padStart(4, '0')}` },
  { zone: 'Australia/Sydney', number: (i: number) => `+61255501${String(i % 1000).padStart(3, '0')}` },
  { zone: 'Asia/Tokyo', number: (i: number) => `+8133${String(1000000 + i).slice(-8)}` },
  { zone: 'Asia/Kolkata', number: (i: number) => `+9198${String(10000000 + i).slice(-8)}` },
  { zone: 'America/Sao_Paulo', number: (i: number) => `+551131${String(100000 + i).slice(-6)}` },
];

const firstNames = ['Ava', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jonas', 'Kira', 'Luca', 'Maya', 'Noah', 'Olivia', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe'];
const lastNames = ['Adams', 'Bauer', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Johansson', 'Kumar', 'Lopez', 'Murphy', 'Nakamura', 'Okafor', 'Patel'];
const companies = ['Acme Logistics', 'Brightline Health', 'Cobalt Retail', 'Delta Fintech', 'Evergreen Foods', 'Foundry Labs', 'Granite Insurance', 'Harbor Media', 'Ionic Energy', 'Juniper Travel'];
const industries = ['logistics', 'healthcare', 'retail', 'fintech', 'food', 'software', 'insurance', 'media', 'energy', 'travel'];

export function demoLeads(count: number, now: Date) {
  // Places the compliance check allows calling now and for the next hour; all of them if none (the
  // campaign then waits for their morning).
  const daytime = regions.filter((r) =>
    [0, 60].every((minutes) => checkCompliance({ phone: r.number(0), declaredTimezone: r.zone, at: new Date(now.getTime() + minutes * 60_000) }).allowed),
  );
  const pool = daytime.length ? daytime : regions;
  return Array.from({ length: count }, (_, i) => {
    const region = pool[i % pool.length];
    const first = firstNames[i % firstNames.length];
    const last = lastNames[(i * 7) % lastNames.length];
    const c = i % companies.length;
    return {
      name: `${first} ${last}`,
      company: companies[c],
      email: `${first}.${last}@example.com`.toLowerCase(),
      phone: region.number(i),
      timezone: region.zone,
      // Fictional consent records, as a web form would leave them: a day before the seed.
      consentAt: new Date(now.getTime() - 86_400_000 - i * 60_000),
      consentSource: 'demo web form https://example.com/demo-request',
      consentText: 'I agree that Foundry Labs may call me at this number, including with an AI voice, about its products. Consent is not a condition of purchase.',
      context: { industry: industries[c], teamSize: 10 + ((i * 13) % 190), source: 'demo' },
    };
  });
}
