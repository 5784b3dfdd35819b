import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { localParts } from '../../src/domain/time/iso-week.ts';
import { utcToLocal } from '../../src/domain/time/zoned-time.ts';
import { rruleUntil } from '../../src/domain/volunteering/ical.ts';
import { MAX_OCCURRENCES, occurrences } from '../../src/domain/volunteering/recurrence.ts';
import {
  RULE_SEARCH_YEARS,
  transitions,
  vtimezone,
} from '../../src/domain/volunteering/vtimezone.ts';

const DAY = 86_400_000;

/**
 * Zones with every shape of change: northern and southern daylight time, rules on "the Friday
 * before the last Sunday" (Jerusalem), changes at midnight (Santiago, Havana), 45-minute
 * offsets (Chatham), negative daylight time in the tz database (Dublin), daylight time that was
 * abolished (Sao Paulo 2019, Tehran 2022), none (Tokyo, UTC), and no yearly rule (Casablanca).
 */
const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'Europe/Madrid',
  'Australia/Sydney',
  'Asia/Jerusalem',
  'America/Santiago',
  'America/Havana',
  'Pacific/Chatham',
  'Europe/Dublin',
  'America/Sao_Paulo',
  'Asia/Tehran',
  'Asia/Tokyo',
  'UTC',
  'Africa/Casablanca',
];

/** The zone as a calendar app reads it from our VTIMEZONE. */
function readZone(tz: string, fromMs: number) {
  const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...vtimezone(tz, fromMs), 'END:VCALENDAR'];
  const cal = new ICAL.Component(ICAL.parse(`${text.join('\r\n')}\r\n`));
  return new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone')!);
}

/**
 * The instant ical.js makes of a local wall time in that zone, as it does for a DTSTART;TZID.
 * (Checked this way round: that is how a calendar reads a feed; ical.js's own conversion from
 * UTC to a zone is approximate within an hour of a change.)
 */
function icalInstant(zone: ICAL.Timezone, date: string, time: string): number {
  const t = ICAL.Time.fromDateTimeString(`${date}T${time}:00`);
  t.zone = zone;
  return t.toJSDate().getTime();
}

describe('VTIMEZONE: what a calendar app reads is the zone, for decades', () => {
  for (const [label, from] of [
    ['a feed starting in 2026', Date.parse('2026-11-25T23:00:00Z')],
    ['a series started in 2005, before the US rules changed', Date.parse('2005-06-01T12:00:00Z')],
  ] as const) {
    it(`${label}: ical.js gives Intl's local time, at every change and weekly, to 2056`, () => {
      // To 2056, or as far as a zone without a yearly rule (Casablanca) is listed.
      const listedTo = Date.UTC(new Date(from).getUTCFullYear() + RULE_SEARCH_YEARS, 0, 1);
      const end = Math.min(Date.parse('2056-12-31T00:00:00Z'), listedTo);
      const since = from - 366 * DAY;
      for (const tz of ZONES) {
        const zone = readZone(tz, from);
        const changes = transitions(tz, since, end);
        // Instants whose wall time exists once: a week apart, and a minute each side of every
        // change (beyond the repeated hour when clocks go back).
        const samples: number[] = [];
        for (let t = since; t < end; t += 7 * DAY) samples.push(t);
        for (const c of changes) {
          const back = Math.max(0, c.from - c.to) * 60_000;
          samples.push(c.at - back - 60_000, c.at + back + 60_000);
        }
        const repeated = (at: number) =>
          changes.some((c) => c.to < c.from && Math.abs(at - c.at) <= (c.from - c.to) * 60_000);
        for (const at of samples.filter((t) => t >= since && !repeated(t))) {
          const l = utcToLocal(new Date(at), tz);
          assert.equal(
            new Date(icalInstant(zone, l.date, l.time)).toISOString(),
            new Date(at - (at % 60_000)).toISOString(),
            `${tz}: ${l.date} ${l.time}`,
          );
        }
      }
    });
  }

  it('is short where the zone follows a rule: the rule, not every year', () => {
    const ny = vtimezone('America/New_York', Date.parse('2026-11-25T23:00:00Z'));
    assert.ok(ny.includes('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU'));
    assert.ok(ny.includes('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU'));
    assert.ok(ny.length < 25, ny.join('\n'));
  });
});

describe('UNTIL of a series ending on a date', () => {
  it('is the end of that local day, in UTC', () => {
    assert.equal(rruleUntil('2026-12-30', 'America/New_York'), '20261231T045959Z');
    assert.equal(rruleUntil('2026-12-30', 'UTC'), '20261230T235959Z');
    assert.equal(rruleUntil('2026-07-15', 'Europe/Madrid'), '20260715T215959Z');
    assert.equal(rruleUntil('2026-12-30', 'Pacific/Auckland'), '20261230T105959Z');
  });
});

describe('occurrences of an open-ended series', () => {
  it('go on past the 60th: the cap counts what is made ahead, not what is behind', () => {
    const rule = { freq: 'weekly' as const, interval: 1, days: ['WE' as const] };
    const later = occurrences(rule, '2026-11-25', '2028-12-31', MAX_OCCURRENCES, '2028-06-01');
    assert.equal(later[0], '2028-06-07');
    assert.equal(later.at(-1), '2028-12-27');
    const fortnightly = { freq: 'weekly' as const, interval: 2, days: ['WE' as const] };
    // Every other week counted from the series' first week, whatever `notBefore` is.
    const dates = occurrences(fortnightly, '2026-11-25', '2029-12-31', 5, '2029-01-01');
    const weeks = dates.map((d) => (Date.parse(d) - Date.parse('2026-11-25')) / (7 * DAY));
    assert.ok(
      weeks.every((w) => w % 2 === 0),
      String(weeks),
    );
    const monthly = { freq: 'monthly' as const, nth: -1 as const, day: 'SA' as const };
    assert.equal(occurrences(monthly, '2026-11-01', '2049-12-31', 3, '2049-01-01').length, 3);
  });
});

describe('one reader of the wall clock in a zone', () => {
  it('reads what Intl reads, even where the offset had seconds (Monrovia, −0:44:30 until 1972)', () => {
    const at = new Date('1971-05-09T21:50:06.518Z'); // 21:05:36 in Monrovia
    assert.deepEqual(utcToLocal(at, 'Africa/Monrovia'), {
      date: '1971-05-09',
      time: '21:05',
      weekday: 6,
    });
    assert.deepEqual(localParts(at, 'Africa/Monrovia'), {
      y: 1971,
      m: 5,
      d: 9,
      hour: 21,
      minute: 5,
    });
  });

  it('gives the same date and time to digests and quiet hours as to events, UTC for an unknown zone', () => {
    for (const tz of ZONES) {
      for (let at = Date.UTC(2026, 2, 27); at < Date.UTC(2026, 3, 7); at += 47 * 60_000) {
        const l = utcToLocal(new Date(at), tz);
        const p = localParts(new Date(at), tz);
        const pad = (n: number) => String(n).padStart(2, '0');
        assert.equal(
          `${p.y}-${pad(p.m)}-${pad(p.d)}`,
          l.date,
          `${tz} ${new Date(at).toISOString()}`,
        );
        assert.equal(`${pad(p.hour)}:${pad(p.minute)}`, l.time);
      }
    }
    const at = new Date('2026-07-01T23:30:00Z');
    assert.deepEqual(localParts(at, 'Nowhere/Atlantis'), localParts(at, 'UTC'));
  });
});
