// Corrections to libphonenumber's NANP data, each with the public source that shows it. Zones are only ever
// added (a lead is held to every zone its area code spans), never removed.

export interface AreaCodeOverride {
  areaCode: string;
  /** Zones added to what libphonenumber says for the area code. */
  addZones?: readonly string[];
  /** The region(s) the area code serves, where libphonenumber names none or the wrong one. */
  regions?: readonly string[];
  why: string;
  source: string;
}

const WIKI_TZ_US = 'https://en.wikipedia.org/wiki/Time_in_the_United_States';
const WIKI_TZ_CA = 'https://en.wikipedia.org/wiki/Time_in_Canada';
/** NANPA's NPA report (file date 2025-11-26), kept in data/nanpa-npa-report.ts: LOCATION and TIME_ZONE columns. */
const NANPA = 'https://nationalnanpa.com/nanp1/npa_report.csv (data/nanpa-npa-report.ts)';

export const areaCodeOverrides: readonly AreaCodeOverride[] = [
  // Overlays libphonenumber maps to one zone although the area they overlay spans two (the code they
  // overlay already has both in libphonenumber's own prefix data).
  { areaCode: '458', addZones: ['America/Boise'], why: 'overlays 541, whose Malheur County exchanges keep Mountain time', source: WIKI_TZ_US },
  { areaCode: '364', addZones: ['America/Chicago'], why: 'overlays 270; western Kentucky keeps Central time', source: WIKI_TZ_US },
  { areaCode: '930', addZones: ['America/Chicago'], why: 'overlays 812; south-western Indiana (Evansville) keeps Central time', source: WIKI_TZ_US },
  { areaCode: '448', addZones: ['America/Chicago'], why: 'overlays 850; the Florida Panhandle west of the Apalachicola keeps Central time', source: WIKI_TZ_US },
  { areaCode: '931', addZones: ['America/New_York'], why: 'Cumberland County, Tennessee (931) keeps Eastern time', source: WIKI_TZ_US },
  { areaCode: '432', addZones: ['America/Denver'], why: 'Culberson County, Texas (432, Van Horn) keeps Mountain time', source: WIKI_TZ_US },
  { areaCode: '334', addZones: ['America/New_York'], why: 'Phenix City and Lanett, Alabama (334) unofficially keep Eastern time', source: WIKI_TZ_US },
  { areaCode: '236', addZones: ['America/Edmonton'], why: 'overlays 250, whose East Kootenay and Peace River exchanges keep Mountain time', source: WIKI_TZ_CA },
  { areaCode: '257', addZones: ['America/Edmonton'], regions: ['CA-BC'], why: 'British Columbia-wide overlay (as 236); libphonenumber spells the province "British Colombia"', source: WIKI_TZ_CA },
  { areaCode: '672', addZones: ['America/Edmonton'], why: 'British Columbia-wide overlay (as 236)', source: WIKI_TZ_CA },
  { areaCode: '778', addZones: ['America/Edmonton'], why: 'British Columbia-wide overlay (as 236)', source: WIKI_TZ_CA },
  { areaCode: '306', addZones: ['America/Edmonton'], why: 'Lloydminster, Saskatchewan side (306/639) keeps Alberta (Mountain) time', source: WIKI_TZ_CA },
  { areaCode: '639', addZones: ['America/Edmonton'], why: 'overlays 306 (Lloydminster keeps Mountain time)', source: WIKI_TZ_CA },
  { areaCode: '474', addZones: ['America/Regina', 'America/Edmonton'], why: 'Saskatchewan overlay of 306/639; libphonenumber maps it to Winnipeg only', source: WIKI_TZ_CA },
  { areaCode: '367', addZones: ['America/Halifax'], why: 'overlays 418, whose Magdalen Islands exchanges keep Atlantic time', source: WIKI_TZ_CA },
  { areaCode: '581', addZones: ['America/Halifax'], why: 'overlays 418 (Magdalen Islands keep Atlantic time)', source: WIKI_TZ_CA },
  { areaCode: '879', addZones: ['America/Halifax'], why: 'overlays 709, whose Labrador exchanges keep Atlantic time', source: WIKI_TZ_CA },
  // Where NANPA's own table names a zone libphonenumber's prefix data lacks (found by area-codes.test.ts).
  { areaCode: '689', addZones: ['America/New_York'], why: 'Orlando overlay of 321/407 (Eastern); libphonenumber maps it to Chicago only', source: NANPA },
  { areaCode: '915', addZones: ['America/Chicago'], why: 'NANPA gives El Paso\'s 915 as Central and Mountain (CM); libphonenumber has Denver only', source: NANPA },
  // Area codes put in service after the libphonenumber data was cut: the overlaid code's zones, and NANPA's.
  { areaCode: '357', addZones: ['America/Los_Angeles'], regions: ['US-CA'], why: 'overlay of 559 (California, Pacific), in service 2025-03-26', source: NANPA },
  { areaCode: '436', addZones: ['America/New_York'], regions: ['US-OH'], why: 'overlay of 440 (Ohio, Eastern), in service 2024-03-01', source: NANPA },
  { areaCode: '457', addZones: ['America/Chicago'], regions: ['US-LA'], why: 'overlay of 318 (Louisiana, Central), in service 2025-09-25', source: NANPA },
  { areaCode: '465', addZones: ['America/New_York'], regions: ['US-NY'], why: 'overlay of 718/347/929 (New York, Eastern), in service 2026-06-18', source: NANPA },
  { areaCode: '471', addZones: ['America/Chicago'], regions: ['US-MS'], why: 'overlay of 662 (Mississippi, Central), in service 2026-01-30', source: NANPA },
  { areaCode: '483', addZones: ['America/Chicago', 'America/New_York'], regions: ['US-AL'], why: 'overlay of 334 (Alabama, Central; Phenix City keeps Eastern as 334 does), in service 2026-02-23', source: NANPA },
  { areaCode: '621', addZones: ['America/Chicago'], regions: ['US-TX'], why: 'overlay of 713/281/832/346 (Houston, Central), in service 2025-01-23', source: NANPA },
  { areaCode: '624', addZones: ['America/New_York'], regions: ['US-NY'], why: 'overlay of 716 (New York, Eastern), in service 2023-11-16', source: NANPA },
  { areaCode: '679', addZones: ['America/New_York'], regions: ['US-MI'], why: 'overlay of 313 (Detroit, Eastern), in service 2025-11-07', source: NANPA },
  { areaCode: '729', addZones: ['America/Chicago', 'America/New_York'], regions: ['US-TN'], why: 'overlay of 423 (Tennessee, Eastern and Central), in service 2025-09-05', source: NANPA },
  { areaCode: '837', addZones: ['America/Los_Angeles'], regions: ['US-CA'], why: 'overlay of 530 (California, Pacific), in service 2025-01-31', source: NANPA },
  { areaCode: '861', addZones: ['America/Chicago'], regions: ['US-IL'], why: 'overlay of 309 (Illinois, Central), in service 2023-02-24', source: NANPA },
  { areaCode: '924', addZones: ['America/Chicago'], regions: ['US-MN'], why: 'overlay of 507 (Minnesota, Central), in service 2024-08-30', source: NANPA },
  // Regions libphonenumber's geocoder names in a form this module does not read as a region.
  { areaCode: '782', regions: ['CA-NS', 'CA-PE'], why: 'Nova Scotia and Prince Edward Island share 902/782', source: 'https://postalcode.ng/?p=3685' },
  { areaCode: '340', regions: ['US-VI'], why: 'U.S. Virgin Islands', source: 'https://www.image-maps.com/states' },
  { areaCode: '670', regions: ['US-MP'], why: 'Northern Mariana Islands', source: 'https://www.image-maps.com/states' },
  { areaCode: '671', regions: ['US-GU'], why: 'Guam', source: 'https://www.image-maps.com/states' },
  { areaCode: '684', regions: ['US-AS'], why: 'American Samoa', source: 'https://www.image-maps.com/states' },
  { areaCode: '787', regions: ['US-PR'], why: 'Puerto Rico', source: 'https://www.image-maps.com/states' },
  { areaCode: '939', regions: ['US-PR'], why: 'Puerto Rico', source: 'https://www.image-maps.com/states' },
];

/** NANP members outside the US and Canada, by area code (ISO 3166-1 country). */
export const caribbeanAreaCodes: Readonly<Record<string, string>> = {
  '242': 'BS', '246': 'BB', '264': 'AI', '268': 'AG', '284': 'VG', '345': 'KY', '441': 'BM', '473': 'GD', '649': 'TC',
  '658': 'JM', '876': 'JM', '664': 'MS', '721': 'SX', '758': 'LC', '767': 'DM', '784': 'VC', '809': 'DO', '829': 'DO',
  '849': 'DO', '868': 'TT', '869': 'KN',
};
