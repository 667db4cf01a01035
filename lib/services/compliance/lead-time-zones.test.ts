// The zone policy: a lead's candidate zones are its number's zones plus its declared zone, never one instead of
// the other; an area code that spans zones gives all of them; non-geographic numbers take the declared zone, else
// the contiguous US zones.
import { describe, expect, it, vi } from 'vitest';
import { isValidTimeZone } from '@/lib/time-zones';
import { leadTimeZones, NON_GEOGRAPHIC_ZONES, readPhone } from './lead-time-zones';

// Counts the validity checks (each builds an Intl.DateTimeFormat in luxon), answering as the real one does.
vi.mock('@/lib/time-zones', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/time-zones')>();
  return { ...actual, isValidTimeZone: vi.fn(actual.isValidTimeZone) };
});

const CONTIGUOUS = ['America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/New_York', 'America/Phoenix'];

describe('candidate zones of a lead', () => {
  it('number and declaration both count: a New York number declared Pacific is held to both zones', () => {
    expect(leadTimeZones('+12125551234', 'America/Los_Angeles').zones).toEqual(['America/Los_Angeles', 'America/New_York']);
  });

  it('an area code whose exchanges span two zones gives both (812, Indiana: Eastern and Central)', () => {
    expect(leadTimeZones('+18125551234').zones).toEqual(['America/Chicago', 'America/New_York']);
  });

  it('an overlay gets the zones of the area it overlays (458 overlays 541: Pacific and Mountain)', () => {
    expect(leadTimeZones('+14585551234').zones).toEqual(expect.arrayContaining(['America/Los_Angeles', 'America/Boise']));
  });

  it('a wrong declaration cannot narrow the number: a 530 (California) number declared Eastern keeps Pacific', () => {
    // Before the fix 530 was read as a personal-communications 5XX code and only the declared zone was kept.
    expect(leadTimeZones('+15305551234', 'America/New_York').zones).toEqual(['America/Los_Angeles', 'America/New_York']);
  });

  it('Orlando\'s 689 is held to Eastern time (libphonenumber alone maps it to Chicago)', () => {
    expect(leadTimeZones('+16895551234').zones).toContain('America/New_York');
  });

  it('"MST" on a Phoenix number means Phoenix and Denver', () => {
    expect(leadTimeZones('+16025551234', 'MST').zones).toEqual(['America/Denver', 'America/Phoenix']);
  });

  it('"UTC" or "GMT" on a NANP number is ignored, with a note', () => {
    for (const label of ['UTC', 'GMT', 'Etc/UTC']) {
      const read = leadTimeZones('+12125551234', label);
      expect(read.zones, label).toEqual(['America/New_York']);
      expect(read.notes.join(' '), label).toMatch(/ignored/);
    }
  });

  it('"UTC" on a toll-free number is ignored too: the contiguous US zones apply', () => {
    expect(leadTimeZones('+18005551234', 'UTC').zones).toEqual(CONTIGUOUS);
  });

  it('"UTC" declared for an international number is kept alongside the country\'s zone', () => {
    expect(leadTimeZones('+442071234567', 'UTC').zones).toEqual(expect.arrayContaining(['Europe/London', 'UTC']));
  });

  it.each(['+18005551234', '+18885551234', '+18335551234', '+15005551234', '+15335551234', '+19005551234'])(
    'non-geographic %s without a declared zone is held to the contiguous US zones (and Phoenix)',
    (phone) => {
      const read = leadTimeZones(phone);
      expect(read.zones).toEqual(CONTIGUOUS);
      expect(read.notes.join(' ')).toMatch(/non-geographic/);
    },
  );

  it('non-geographic with a declared zone takes the declared zone', () => {
    expect(leadTimeZones('+18005551234', 'America/Chicago').zones).toEqual(['America/Chicago']);
    expect(leadTimeZones('+18005551234', 'Mountain').zones).toEqual(['America/Denver', 'America/Phoenix']);
  });

  it('an area code not in service is held like a non-geographic one', () => {
    const read = leadTimeZones('+12225551234');
    expect(read.zones).toEqual(CONTIGUOUS);
    expect(read.notes.join(' ')).toMatch(/not a known geographic area code/);
  });

  it('an unreadable number falls back to the declared zone, else the contiguous zones', () => {
    expect(leadTimeZones('not a phone', 'America/Denver').zones).toEqual(['America/Denver']);
    expect(leadTimeZones('not a phone').zones).toEqual(CONTIGUOUS);
  });

  it('a declared label nobody understands is ignored with a note, the number\'s zones stay', () => {
    const read = leadTimeZones('+12125551234', 'Lunar Standard Time');
    expect(read.zones).toEqual(['America/New_York']);
    expect(read.notes.join(' ')).toMatch(/not understood/);
  });

  it('Canadian numbers: Saskatchewan (306) keeps Regina and Lloydminster\'s Mountain time; Newfoundland (709) includes St John\'s', () => {
    expect(leadTimeZones('+13065551234').zones).toEqual(expect.arrayContaining(['America/Regina', 'America/Edmonton']));
    expect(leadTimeZones('+17095551234').zones).toContain('America/St_Johns');
  });

  it('national digits are read with the campaign\'s default region', () => {
    expect(leadTimeZones('(212) 555-1234', null, 'US').zones).toEqual(['America/New_York']);
    expect(readPhone('2125551234', 'US')).toMatchObject({ kind: 'nanp', areaCode: '212' });
  });

  it('the non-geographic set is the four contiguous zones plus Phoenix', () => {
    expect([...NON_GEOGRAPHIC_ZONES].sort()).toEqual(CONTIGUOUS);
  });

  it('a zone name is validated once, not once per lead (each check costs about a millisecond on a busy machine)', () => {
    const validate = vi.mocked(isValidTimeZone);
    validate.mockClear();
    for (let i = 0; i < 200; i++) leadTimeZones('+12125551234', 'America/Indiana/Knox');
    expect(validate.mock.calls.filter(([z]) => z === 'America/Indiana/Knox').length).toBeLessThanOrEqual(1);
  });
});
