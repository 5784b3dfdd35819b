/**
 * An iCalendar (RFC 5545) writer for the calendar feeds: escaping, 75-octet line folding,
 * CRLF, UTC or TZID date-times, and a VTIMEZONE made from the zone's real transitions (read
 * from Intl), so every TZID a feed uses is defined in it. Pure.
 */
import { offsetMinutes, utcToLocal } from './zoned-time.ts';

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

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}

/** Every change of the zone's offset between two instants, to the minute. */
export function transitions(
  tz: string,
  fromMs: number,
  toMs: number,
): { at: number; from: number; to: number }[] {
  const out: { at: number; from: number; to: number }[] = [];
  const step = 86_400_000;
  let prev = offsetMinutes(new Date(fromMs), tz);
  for (let t = fromMs + step; t <= toMs; t += step) {
    const cur = offsetMinutes(new Date(t), tz);
    if (cur === prev) continue;
    let lo = t - step;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (offsetMinutes(new Date(mid), tz) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi - (hi % 60_000), from: prev, to: cur });
    prev = cur;
  }
  return out;
}

/**
 * The VTIMEZONE of `tz` over the years a feed covers: one STANDARD or DAYLIGHT block per
 * transition (a larger offset than the one it follows is daylight time), or a single
 * STANDARD block for a zone without changes (UTC).
 */
export function vtimezone(tz: string, fromMs: number, toMs: number): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
  const changes = transitions(tz, fromMs, toMs);
  if (changes.length === 0) {
    const off = offsetText(offsetMinutes(new Date(fromMs), tz));
    lines.push(
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${off}`,
      `TZOFFSETTO:${off}`,
      'END:STANDARD',
    );
  }
  for (const c of changes) {
    const kind = c.to > c.from ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART of a block is the local time just before the change, in the old offset.
    const local = new Date(c.at + c.from * 60_000).toISOString();
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${local.slice(0, 19).replace(/[-:]/g, '')}`,
      `TZOFFSETFROM:${offsetText(c.from)}`,
      `TZOFFSETTO:${offsetText(c.to)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
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
  const zones = new Map<string, { from: number; to: number }>();
  for (const e of events) {
    if (!e.timeZone) continue;
    const z = zones.get(e.timeZone) ?? { from: Infinity, to: -Infinity };
    z.from = Math.min(z.from, Date.parse(e.start));
    // A series runs on: cover two years past its first start.
    z.to = Math.max(z.to, Date.parse(e.end) + (e.rrule ? 2 * 366 * 86_400_000 : 0));
    zones.set(e.timeZone, z);
  }
  for (const [tz, z] of zones) {
    lines.push(...vtimezone(tz, z.from - 366 * 86_400_000, z.to + 86_400_000));
  }
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
