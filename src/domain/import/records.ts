/**
 * A checked row as the record a service creates: typed, with the network's defaults filled
 * in where the sheet said nothing. Null means "the service's own default" (a volunteer's
 * radius, a request's area). Pure.
 */
import type { CellValue } from './cells.ts';
import type { ImportKind } from './fields.ts';
import type { RowCheck } from './rows.ts';

export interface RecordDefaults {
  language: string;
  /** A request's category when the sheet has none that matches ("other"). */
  category?: string;
  /** A goods item's unit when none is given. */
  unit?: string;
}

export interface VolunteerRecord {
  kind: 'volunteers';
  name: string;
  email: string | null;
  phone: string | null;
  languages: string[];
  categories: string[];
  skills: string;
  transport: 'walk' | 'bike' | 'public' | 'car' | null;
  hasCar: boolean | null;
  areaId: string | null;
  radiusKm: number | null;
  weeklyHourCap: number | null;
  availabilityMask: number | null;
  notes: string;
}

export interface RequestRecord {
  kind: 'requests';
  createdAt: string | null;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  areaId: string | null;
  category: string;
  details: string;
  urgency: 'low' | 'normal' | 'high' | 'critical';
  householdSize: number;
  language: string;
  accessibility: string | null;
  needsCar: boolean;
}

export interface HouseholdRecord {
  kind: 'households';
  name: string;
  phone: string | null;
  size: number;
  under14: number;
  language: string;
  areaId: string | null;
  dietary: string | null;
  notes: string | null;
}

export interface ItemRecord {
  kind: 'items';
  name: string;
  category: string;
  unit: string;
  quantity: number | null;
  siteId: string | null;
  lowStock: number;
  limit: { quantity: number; days: number; hard: boolean } | null;
  tracksExpiry: boolean;
}

export interface PartnerRecord {
  kind: 'partners';
  name: string;
  partnerKind: string;
  categories: string[];
  contactName: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  areaId: string | null;
  languages: string[];
  notes: string;
}

export type ImportRecord =
  | VolunteerRecord
  | RequestRecord
  | HouseholdRecord
  | ItemRecord
  | PartnerRecord;

const str = (v: CellValue | undefined): string | null => (typeof v === 'string' ? v : null);
const num = (v: CellValue | undefined): number | null => (typeof v === 'number' ? v : null);
const bool = (v: CellValue | undefined): boolean | null => (typeof v === 'boolean' ? v : null);
const list = (v: CellValue | undefined): string[] => (Array.isArray(v) ? v : []);

/** The record of a row without errors; null for a row with errors (it is not imported). */
export function toRecord(kind: ImportKind, row: RowCheck, d: RecordDefaults): ImportRecord | null {
  if (row.status === 'error') return null;
  const v = row.values;
  switch (kind) {
    case 'volunteers': {
      const languages = list(v.languages);
      return {
        kind,
        name: str(v.name) ?? '',
        email: str(v.email),
        phone: str(v.phone),
        languages: languages.length ? languages : [d.language],
        categories: list(v.categories),
        skills: str(v.skills) ?? '',
        transport: (str(v.transport) as VolunteerRecord['transport']) ?? null,
        hasCar: bool(v.hasCar) ?? (str(v.transport) === 'car' ? true : null),
        areaId: str(v.area),
        radiusKm: num(v.radiusKm),
        weeklyHourCap: num(v.weeklyHourCap),
        availabilityMask: num(v.availability),
        notes: str(v.notes) ?? '',
      };
    }
    case 'requests':
      return {
        kind,
        createdAt: str(v.createdAt),
        name: str(v.name) ?? '',
        phone: str(v.phone),
        email: str(v.email),
        address: str(v.address),
        areaId: str(v.area),
        category: str(v.category) ?? d.category ?? 'other',
        details: str(v.details) ?? '',
        urgency: (str(v.urgency) as RequestRecord['urgency']) ?? 'normal',
        householdSize: num(v.householdSize) ?? 1,
        language: str(v.language) ?? d.language,
        accessibility: str(v.accessibility),
        needsCar: bool(v.needsCar) ?? false,
      };
    case 'households':
      return {
        kind,
        name: str(v.name) ?? '',
        phone: str(v.phone),
        size: num(v.size) ?? 1,
        under14: num(v.under14) ?? 0,
        language: str(v.language) ?? d.language,
        areaId: str(v.area),
        dietary: str(v.dietary),
        notes: str(v.notes),
      };
    case 'items': {
      const lq = num(v.limitQuantity);
      const ld = num(v.limitDays);
      return {
        kind,
        name: str(v.name) ?? '',
        category: str(v.category) ?? 'other',
        unit: str(v.unit) ?? d.unit ?? 'unit',
        quantity: num(v.quantity),
        siteId: str(v.site),
        lowStock: num(v.lowStock) ?? 0,
        limit:
          lq !== null && ld !== null
            ? { quantity: lq, days: ld, hard: bool(v.limitHard) ?? false }
            : null,
        tracksExpiry: bool(v.tracksExpiry) ?? false,
      };
    }
    case 'partners':
      return {
        kind,
        name: str(v.name) ?? '',
        partnerKind: str(v.kind) ?? 'other',
        categories: list(v.categories),
        contactName: str(v.contactName),
        phone: str(v.phone),
        email: str(v.email),
        website: str(v.website),
        address: str(v.address),
        areaId: str(v.area),
        languages: list(v.languages),
        notes: str(v.notes) ?? '',
      };
  }
}
