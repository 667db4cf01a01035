import { describe, expect, it } from 'vitest';
import { hourLabel, summarizeWindows } from './call-windows';

const days = (list: number[], startHour: number, endHour: number) => list.map((dayOfWeek) => ({ dayOfWeek, startHour, endHour }));

describe('summarizeWindows', () => {
  it.each([
    ['no windows', [], 'No call windows'],
    ['weekdays 9–17', days([1, 2, 3, 4, 5], 9, 17), 'Mon–Fri 09:00–17:00'],
    ['every day', days([0, 1, 2, 3, 4, 5, 6], 9, 20), 'Every day 09:00–20:00'],
    ['weekdays and a shorter Saturday', [...days([1, 2, 3, 4, 5], 9, 17), ...days([6], 10, 14)], 'Mon–Fri 09:00–17:00 · Sat 10:00–14:00'],
    ['two days apart are not a range', days([1, 3], 9, 17), 'Mon 09:00–17:00 · Wed 09:00–17:00'],
    ['two days in a row are listed', days([1, 2], 9, 17), 'Mon, Tue 09:00–17:00'],
    ['two spans in a day, in order', [...days([1], 14, 18), ...days([1], 9, 12)], 'Mon 09:00–12:00, 14:00–18:00'],
    ['a window to midnight', days([5], 18, 24), 'Fri 18:00–24:00'],
  ])('%s', (_, windows, summary) => {
    expect(summarizeWindows(windows)).toBe(summary);
  });

  it('hours read as two-digit clock times', () => {
    expect([0, 9, 17, 24].map(hourLabel)).toEqual(['00:00', '09:00', '17:00', '24:00']);
  });
});
