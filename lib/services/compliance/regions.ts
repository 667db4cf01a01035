// Regions as ISO 3166-2 codes ('US-FL', 'CA-ON'), read from the codes and names leads arrive with.

export const US_REGIONS: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
  IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
  MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
  NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
  // Territories dialled within the NANP.
  PR: 'Puerto Rico', VI: 'U.S. Virgin Islands', GU: 'Guam', AS: 'American Samoa', MP: 'Northern Mariana Islands',
};

export const CA_REGIONS: Readonly<Record<string, string>> = {
  AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick', NL: 'Newfoundland and Labrador',
  NS: 'Nova Scotia', NT: 'Northwest Territories', NU: 'Nunavut', ON: 'Ontario', PE: 'Prince Edward Island',
  QC: 'Quebec', SK: 'Saskatchewan', YT: 'Yukon',
};

// Other spellings leads are imported with.
const ALIASES: Readonly<Record<string, string>> = {
  'washington dc': 'US-DC', 'washington d c': 'US-DC', 'd c': 'US-DC', 'virgin islands': 'US-VI', 'us virgin islands': 'US-VI',
  'united states virgin islands': 'US-VI', 'northern marianas': 'US-MP', 'cnmi': 'US-MP', 'newfoundland': 'CA-NL',
  'labrador': 'CA-NL', 'pei': 'CA-PE', 'québec': 'CA-QC', 'quebec city': 'CA-QC', 'yukon territory': 'CA-YT',
  'nfld': 'CA-NL', 'pq': 'CA-QC', 'nf': 'CA-NL', 'lb': 'CA-NL',
};

const byName = new Map<string, string>();
for (const [code, name] of Object.entries(US_REGIONS)) byName.set(simplify(name), `US-${code}`);
for (const [code, name] of Object.entries(CA_REGIONS)) byName.set(simplify(name), `CA-${code}`);
for (const [alias, region] of Object.entries(ALIASES)) byName.set(simplify(alias), region);

function simplify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/**
 * 'fl', 'Florida', 'US-FL' → 'US-FL'; 'Ontario', 'ON' → 'CA-ON'; 'US', 'Canada' → 'US' / 'CA'; null when unknown.
 * A bare two-letter code is read in `country` first (default US), then in the other; no code is in both.
 */
export function normalizeRegion(input: string, country?: 'US' | 'CA'): string | null {
  const text = simplify(input);
  if (!text) return null;
  if (text === 'us' || text === 'usa' || text === 'united states' || text === 'united states of america') return 'US';
  if (text === 'canada') return 'CA';
  const prefixed = /^(us|ca) ([a-z]{2})$/.exec(text);
  if (prefixed) {
    const code = prefixed[2].toUpperCase();
    const table = prefixed[1] === 'us' ? US_REGIONS : CA_REGIONS;
    return code in table ? `${prefixed[1].toUpperCase()}-${code}` : null;
  }
  if (/^[a-z]{2}$/.test(text)) {
    const code = text.toUpperCase();
    const order = country === 'CA' ? (['CA', 'US'] as const) : (['US', 'CA'] as const);
    for (const c of order) if (code in (c === 'US' ? US_REGIONS : CA_REGIONS)) return `${c}-${code}`;
    return null;
  }
  return byName.get(text) ?? null;
}

/** The country of a region code: 'US-FL' → 'US'. */
export function countryOf(region: string): string {
  return region.split('-')[0];
}

/** A region and the regions containing it: 'US-FL' → ['US', 'US-FL']. */
export function regionWithParents(region: string): string[] {
  const country = countryOf(region);
  return country === region ? [region] : [country, region];
}
