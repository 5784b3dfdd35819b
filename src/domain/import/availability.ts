/**
 * When a volunteer can help, from the words of a sheet ("weekday evenings, Saturday
 * mornings", "fines de semana", "cualquier momento") to the 21-slot week of
 * `domain/time/weekly-slots.ts`. Each comma-separated part names days, parts of the day, or
 * both; a part with only days means the whole of those days, only parts means every day.
 */
import { fold } from '../text/fold.ts';
import {
  ALL_WEEK,
  DAYS,
  type Day,
  PARTS,
  type Part,
  type SlotMask,
  slotBit,
} from '../time/weekly-slots.ts';

const WEEKDAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const WEEKEND: Day[] = ['sat', 'sun'];

const DAY_WORDS: [RegExp, Day[]][] = [
  [
    /\b(weekdays?|week ?days|entre semana|dias laborables|laborables|lunes a viernes|monday to friday|mon-fri)\b/,
    WEEKDAYS,
  ],
  [/\b(weekends?|fines? de semana|finde)\b/, WEEKEND],
  [/\b(mondays?|mon|lunes|lun)\b/, ['mon']],
  [/\b(tuesdays?|tue|tues|martes|mar)\b/, ['tue']],
  [/\b(wednesdays?|wed|miercoles|mie)\b/, ['wed']],
  [/\b(thursdays?|thu|thur|thurs|jueves|jue)\b/, ['thu']],
  [/\b(fridays?|fri|viernes|vie)\b/, ['fri']],
  [/\b(saturdays?|sat|sabados?|sab)\b/, ['sat']],
  [/\b(sundays?|sun|domingos?|dom)\b/, ['sun']],
];

const PART_WORDS: [RegExp, Part[]][] = [
  [/\b(mornings?|am|mananas?|por la manana)\b/, ['morning']],
  [/\b(afternoons?|pm|tardes?|por la tarde|mediodia|midday)\b/, ['afternoon']],
  [/\b(evenings?|nights?|noches?|por la noche)\b/, ['evening']],
];

const ANY =
  /\b(any ?time|anytime|always|whenever|flexible|cualquier (momento|dia|hora)|siempre|todo el dia|todos los dias|every ?day|all week)\b/;

/** The slots a text names, and the parts of it that named nothing. */
export function parseAvailability(raw: string): { mask: SlotMask; unknown: string[] } {
  let mask = 0;
  const unknown: string[] = [];
  for (const part of fold(raw).split(/[,;/\n]|\s+(?:and|y)\s+/)) {
    const p = part.trim();
    if (!p) continue;
    if (ANY.test(p)) {
      mask = ALL_WEEK;
      continue;
    }
    const days = new Set<Day>();
    for (const [re, ds] of DAY_WORDS) if (re.test(p)) for (const d of ds) days.add(d);
    const parts = new Set<Part>();
    for (const [re, ps] of PART_WORDS) if (re.test(p)) for (const x of ps) parts.add(x);
    if (days.size === 0 && parts.size === 0) {
      unknown.push(part.trim());
      continue;
    }
    for (const d of days.size ? days : DAYS)
      for (const x of parts.size ? parts : PARTS) mask |= slotBit(d, x);
  }
  return { mask, unknown };
}
