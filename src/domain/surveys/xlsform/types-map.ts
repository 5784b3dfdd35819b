/**
 * XLSForm question types and what Mutua makes of them. What Mutua cannot answer on every
 * channel (a photo cannot be texted; GPS points are not kept, since a network keeps only
 * approximate places) is reported with a reason, never dropped silently.
 */
export type ImportIssueSeverity = 'dropped' | 'changed' | 'info';

export interface ImportIssue {
  readonly sheet: string;
  /** 1-based row of the sheet (null for the workbook or a whole sheet). */
  readonly row: number | null;
  /** The column header as written (null for the whole row). */
  readonly column: string | null;
  /** `xlsform.issue.<reason>` in the catalogue; expressions: `expression.<code>`. */
  readonly reason: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** dropped: not imported; changed: imported differently; info: nothing lost. */
  readonly severity: ImportIssueSeverity;
}

export type ParsedType =
  | { kind: 'begin_group' }
  | { kind: 'end_group' }
  | { kind: 'begin_repeat' }
  | { kind: 'end_repeat' }
  | { kind: 'text' }
  | { kind: 'number'; integer: boolean }
  | { kind: 'date' }
  | { kind: 'note' }
  | { kind: 'range' }
  | { kind: 'select'; multiple: boolean; list: string; orOther: boolean }
  | { kind: 'metadata'; type: string }
  | { kind: 'unsupported'; reason: string; type: string };

/** Metadata ODK fills in by itself (device, times, user): nothing to ask, nothing kept. */
const METADATA = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'imei',
  'phonenumber',
  'simserial',
  'subscriberid',
  'username',
  'email',
  'audit',
  'start-geopoint',
  'uri:deviceid',
  'uri:email',
  'uri:phonenumber',
  'uri:subscriberid',
  'uri:username',
]);

const UNSUPPORTED: Record<string, string> = {
  geopoint: 'location',
  geotrace: 'location',
  geoshape: 'location',
  image: 'media',
  photo: 'media',
  audio: 'media',
  video: 'media',
  file: 'media',
  'background-audio': 'media',
  'background-video': 'media',
  barcode: 'barcode',
  time: 'time',
  datetime: 'time',
  calculate: 'calculation',
  hidden: 'calculation',
  acknowledge: 'acknowledge',
  trigger: 'acknowledge',
  'xml-external': 'external_data',
  'csv-external': 'external_data',
  begin_loop: 'repeat',
  end_loop: 'repeat',
};

/** Reads a type cell: case and runs of spaces do not matter ("begin group" = "begin_group"). */
export function parseType(raw: string): ParsedType {
  const t = raw.trim().replace(/\s+/g, ' ');
  const lower = t.toLowerCase();
  const words = lower.split(' ');
  const head = words[0]!;
  const joined = lower.replace(/ /g, '_');
  if (joined === 'begin_group') return { kind: 'begin_group' };
  if (joined === 'end_group') return { kind: 'end_group' };
  if (joined === 'begin_repeat') return { kind: 'begin_repeat' };
  if (joined === 'end_repeat') return { kind: 'end_repeat' };
  if (words.length === 1) {
    if (head === 'text' || head === 'string') return { kind: 'text' };
    if (head === 'integer' || head === 'int') return { kind: 'number', integer: true };
    if (head === 'decimal') return { kind: 'number', integer: false };
    if (head === 'date') return { kind: 'date' };
    if (head === 'note') return { kind: 'note' };
    if (head === 'range') return { kind: 'range' };
    if (METADATA.has(head)) return { kind: 'metadata', type: head };
    if (head in UNSUPPORTED) return { kind: 'unsupported', reason: UNSUPPORTED[head]!, type: t };
  }
  if (head === 'select_one_from_file' || head === 'select_multiple_from_file') {
    return { kind: 'unsupported', reason: 'choices_from_file', type: t };
  }
  if (head === 'select_one_external')
    return { kind: 'unsupported', reason: 'external_choices', type: t };
  if (head === 'rank') return { kind: 'unsupported', reason: 'rank', type: t };
  // "select_one list", "select one list", "select_multiple list or_other",
  // "select all that apply list" (an old spelling pyxform still reads).
  const m =
    /^(select_one|select one|select1|select_multiple|select multiple|select all that apply)\s+(\S+)(\s+or_other)?$/i.exec(
      t,
    );
  if (m) {
    const multiple = !/^(select_one|select one|select1)$/i.test(m[1]!);
    return { kind: 'select', multiple, list: m[2]!, orOther: m[3] !== undefined };
  }
  return { kind: 'unsupported', reason: 'unknown_type', type: t };
}

/** `start=1 end=5 step=1` (ODK range parameters), as a rating scale when it can be one. */
export function rangeScale(parameters: string): { min: number; max: number } | null {
  const params: Record<string, number> = { start: 1, end: 10, step: 1 };
  for (const part of parameters
    .trim()
    .split(/[\s;,]+/)
    .filter(Boolean)) {
    const m = /^(start|end|step)\s*=\s*(-?\d+(\.\d+)?)$/i.exec(part);
    if (!m) return null;
    params[m[1]!.toLowerCase()] = Number(m[2]);
  }
  const { start, end, step } = params as { start: number; end: number; step: number };
  if (step !== 1 || !Number.isInteger(start) || !Number.isInteger(end)) return null;
  if (start < 0 || end <= start || end - start + 1 > 11) return null;
  return { min: start, max: end };
}
