/**
 * An iCalendar (RFC 5545) writer for the calendar feeds: escaping, 75-octet line folding,
 * CRLF, UTC or TZID date-times, and a VTIMEZONE for every TZID a feed uses (vtimezone.ts).
 * Pure.
 */

import { addDays, utcToLocal, zonedToUtc } from '../time/zoned-time.ts';
import { vtimezone } from './vtimezone.ts';

export interface IcsEvent {
  uid: string;
  /** UTC ISO instants. */
  start: string;
  end: string;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  url?: string | undefined;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  sequence?: number;
  /** When set, DTSTART/DTEND are written as local times in this zone (with its VTIMEZONE). */
  timeZone?: string | undefined;
  rrule?: string | undefined;
  /** For an occurrence of a series that differs from the rule: the start it replaces (UTC). */
  recurrenceId?: string | undefined;
  stamp: string;
}

export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets, never inside a UTF-8 character. */
export function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const out: string[] = [];
  let chunk = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (size + n > limit) {
      out.push(chunk);
      chunk = '';
      size = 0;
      limit = 74; // continuation lines start with a space
    }
    chunk += ch;
    size += n;
  }
  out.push(chunk);
  return out.join('\r\n ');
}

/** 2026-11-28T09:00:00.000Z → 20261128T090000Z */
export function utcStamp(iso: string): string {
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function localStamp(iso: string, tz: string): string {
  const l = utcToLocal(new Date(iso), tz);
  return `${l.date.replace(/-/g, '')}T${l.time.replace(':', '')}00`;
}

function dateTime(name: string, iso: string, tz: string | undefined): string {
  return tz ? `${name};TZID=${tz}:${localStamp(iso, tz)}` : `${name}:${utcStamp(iso)}`;
}

/**
 * The UNTIL of a series that ends on the local date `untilDate` in `tz`: the last second of
 * that day there, in UTC (RFC 5545 §3.3.10: with a DTSTART in a time zone, UNTIL is a UTC
 * date-time). `<date>T235959Z` would cut an evening occurrence west of UTC, which falls on the
 * next day in UTC.
 */
export function rruleUntil(untilDate: string, tz: string): string {
  return utcStamp(
    new Date(zonedToUtc(addDays(untilDate, 1), '00:00', tz).getTime() - 1000).toISOString(),
  );
}

/** A task without a time of its own (a volunteer's claimed request): a VTODO. */
export interface IcsTodo {
  uid: string;
  summary: string;
  url?: string | undefined;
  status: 'NEEDS-ACTION' | 'IN-PROCESS' | 'COMPLETED' | 'CANCELLED';
  stamp: string;
}

/** A whole calendar: its name, the zones its events use, the events and any to-dos. */
export function calendar(name: string, events: IcsEvent[], todos: IcsTodo[] = []): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mutua//Volunteering//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  // Each zone from its earliest event on; its VTIMEZONE holds indefinitely after (vtimezone.ts).
  const zones = new Map<string, number>();
  for (const e of events) {
    if (!e.timeZone) continue;
    zones.set(e.timeZone, Math.min(zones.get(e.timeZone) ?? Infinity, Date.parse(e.start)));
  }
  for (const [tz, from] of zones) lines.push(...vtimezone(tz, from));
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(e.stamp)}`,
      dateTime('DTSTART', e.start, e.timeZone),
      dateTime('DTEND', e.end, e.timeZone),
    );
    if (e.recurrenceId) lines.push(dateTime('RECURRENCE-ID', e.recurrenceId, e.timeZone));
    if (e.rrule) lines.push(`RRULE:${e.rrule}`);
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push(`STATUS:${e.status ?? 'CONFIRMED'}`, `SEQUENCE:${e.sequence ?? 0}`, 'END:VEVENT');
  }
  for (const t of todos) {
    lines.push('BEGIN:VTODO', `UID:${t.uid}`, `DTSTAMP:${utcStamp(t.stamp)}`);
    lines.push(`SUMMARY:${escapeText(t.summary)}`, `STATUS:${t.status}`);
    if (t.url) lines.push(`URL:${t.url}`);
    lines.push('END:VTODO');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
