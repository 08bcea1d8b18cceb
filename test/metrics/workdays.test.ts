/**
 * Due times of limits in working days on the shipped holiday and 调休 calendar (chinese-days),
 * hand-checked against the State Council's notices: 国庆 2016 (10-01 … 10-07 off, Saturday
 * 10-08 and Sunday 10-09 worked), Spring Festival 2017 (01-27 … 02-02 off, Sunday 01-22 and
 * Saturday 02-04 worked), and the weekend rule outside the calendar's years.
 */
import { describe, expect, it } from 'vitest';
import { dayToString, daysFromCivil } from '../../src/metrics/calendar.js';
import { calendarOf, chineseDays } from '../../src/metrics/holiday-calendar.js';
import {
  inCalendar,
  isWorkingDay,
  pastWorkingDayLimit,
  workingDayDue,
} from '../../src/metrics/workdays.js';

const day = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return daysFromCivil(y!, m!, d!);
};
const calendar = chineseDays();

describe('the shipped calendar', () => {
  it('is chinese-days as pinned, 2004 to 2026', () => {
    expect(calendar.source).toBe('chinese-days 1.5.7');
    expect([calendar.firstYear, calendar.lastYear]).toEqual([2004, 2026]);
  });

  it.each([
    ['2016-09-30', true], // Friday before 国庆
    ['2016-10-01', false], // 国庆, a Saturday
    ['2016-10-03', false], // 国庆, a Monday
    ['2016-10-07', false], // 国庆, a Friday
    ['2016-10-08', true], // 调休: a Saturday worked
    ['2016-10-09', true], // 调休: a Sunday worked
    ['2016-10-15', false], // an ordinary Saturday
    ['2017-01-22', true], // 调休: a Sunday worked before Spring Festival
    ['2017-01-27', false], // 除夕
    ['2017-02-02', false], // last day off, a Thursday
    ['2017-02-03', true],
    ['2017-02-04', true], // 调休: a Saturday worked
    ['2017-02-05', false],
    ['2027-01-01', true], // outside the calendar: a Friday, taken as a working day
    ['2027-01-02', false], // outside the calendar: a Saturday
  ])('%s is a working day: %s', (date, working) => {
    expect(isWorkingDay(day(date), calendar)).toBe(working);
  });
});

describe('workingDayDue: the end of the N-th working day after the day of acceptance', () => {
  it.each([
    // accepted, N, last day (due at its 24:00), outside the calendar
    ['2016-09-26', 4, '2016-09-30', false], // Monday: Tue–Fri
    ['2016-09-30', 1, '2016-10-08', false], // Friday before 国庆: the 调休 Saturday
    ['2016-09-30', 4, '2016-10-11', false], // 10-08, 10-09, 10-10, 10-11
    ['2016-09-29', 4, '2016-10-10', false], // 09-30, 10-08, 10-09, 10-10
    ['2016-10-03', 2, '2016-10-09', false], // accepted on a holiday: 10-08, 10-09
    ['2016-10-01', 4, '2016-10-11', false], // on the first day of the holiday
    ['2016-10-08', 1, '2016-10-09', false], // accepted on the 调休 Saturday, a working day
    ['2016-10-08', 2, '2016-10-10', false],
    ['2016-10-15', 1, '2016-10-17', false], // an ordinary Saturday: Monday
    ['2017-01-21', 1, '2017-01-22', false], // Saturday: the 调休 Sunday is the next working day
    ['2017-01-26', 1, '2017-02-03', false], // the day before 除夕: the week off is skipped
    ['2017-01-26', 4, '2017-02-07', false], // 02-03, 02-04 (调休 Saturday), 02-06, 02-07
    ['2017-01-29', 2, '2017-02-04', false], // accepted during the holiday
    ['2026-12-30', 4, '2027-01-05', true], // 12-31, 01-01, 01-04, 01-05: past 2026
    ['2027-03-05', 1, '2027-03-08', true], // Friday outside the calendar: Monday
    ['2003-12-31', 1, '2004-01-02', true], // before 2004: 2004-01-01 is 元旦 in the calendar
  ])('%s + %i working days → end of %s (outside: %s)', (accepted, n, last, outside) => {
    const due = workingDayDue(day(accepted), n, calendar);
    expect(dayToString(due.day)).toBe(last);
    expect(due.outside).toBe(outside);
  });

  it('refuses a limit that is no whole number of days', () => {
    expect(() => workingDayDue(day('2016-10-01'), 0, calendar)).toThrow(RangeError);
    expect(() => workingDayDue(day('2016-10-01'), 1.5, calendar)).toThrow(RangeError);
  });
});

describe('pastWorkingDayLimit: later than 24:00 of the last day', () => {
  const hours = (h: number) => h * 3600;
  it.each([
    // accepted (day, time), N, elapsed hours, late
    ['2016-09-30', '23:59', 1, 1 / 60 + 8 * 24, false], // 10-09 00:00: within 10-08's end
    ['2016-09-30', '23:59', 1, 1 / 60 + 8 * 24 + 1 / 3600, true], // one second later
    ['2016-09-30', '08:00', 1, 16 + 8 * 24, false], // same due time, whatever the hour
    ['2016-09-30', '23:59', 4, 11 * 24, false], // 10-11 23:59
    ['2016-09-30', '23:59', 4, 11 * 24 + 1, true], // 10-12 00:59
    ['2016-10-03', '12:00', 2, 6 * 24 + 11, false], // accepted on a holiday, 10-09 23:00
    ['2016-10-03', '12:00', 2, 6 * 24 + 13, true], // 10-10 01:00
    ['2017-01-26', '10:00', 4, 12 * 24 + 13, false], // 02-07 23:00
    ['2017-01-26', '10:00', 4, 12 * 24 + 15, true], // 02-08 01:00
  ])('accepted %s %s, %i working days, %f hours later: late %s', (date, time, n, h, late) => {
    const [hh, mm] = time.split(':').map(Number);
    const accepted = day(date);
    const due = workingDayDue(accepted, n, calendar);
    const second = hh! * 3600 + mm! * 60;
    expect(pastWorkingDayLimit(accepted, second, Math.round(hours(h)), due)).toBe(late);
  });
});

describe('a calendar passed in', () => {
  const own = calendarOf('test', ['2020-01-01'], ['2020-01-04']);

  it('knows only its years', () => {
    expect([own.firstYear, own.lastYear]).toEqual([2020, 2020]);
    expect(inCalendar(day('2020-06-01'), own)).toBe(true);
    expect(inCalendar(day('2021-01-01'), own)).toBe(false);
  });

  it('counts its holiday as a rest day and its working Saturday as a working day', () => {
    // 2019-12-31 Tuesday: 01-01 (holiday) skipped, 01-02, 01-03, 01-04 (Saturday, worked)
    const due = workingDayDue(day('2019-12-31'), 3, own);
    expect(dayToString(due.day)).toBe('2020-01-04');
    expect(due.outside).toBe(true); // accepted in 2019
    // Thursday: 01-03, then the working Saturday
    expect(workingDayDue(day('2020-01-02'), 2, own)).toEqual({
      day: day('2020-01-04'),
      outside: false,
    });
  });
});
