/**
 * The part of Open Referral's HSDS 3.0 that Mutua keeps, as flat records joined by id, the
 * way the tables will be stored and the way the CSV data package is written. The nested
 * JSON of the HSDS API is a view made from these (hsds-json-export.ts), and is taken apart
 * into these on import (hsds-json-import.ts).
 *
 * Field names are HSDS's own, in snake_case, on purpose: they are the column names of the
 * tables, of the CSV files and of the API, so no mapping layer can drift. An absent value is
 * `null` (never `undefined`), so a record read back from the database deep-equals the
 * record imported.
 *
 * Kept: organization, service, location, address, service_at_location, phone, contact,
 * schedule, language, service_area, cost_option, required_document, accessibility,
 * attribute, taxonomy_term, taxonomy. Not kept (an import says so, per record): program,
 * funding, organization_identifier, metadata, meta_table_description. Eligibility in HSDS 3.0
 * is not a table: it is `eligibility_description`, `minimum_age` and `maximum_age` on the
 * service, plus attributes whose term comes from an eligibility taxonomy.
 */

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

export const RRULE_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type RRuleWeekday = (typeof RRULE_WEEKDAYS)[number];
export const SCHEDULE_FREQS = ['WEEKLY', 'MONTHLY'] as const;
export type ScheduleFreq = (typeof SCHEDULE_FREQS)[number];

export interface Organization {
  id: string;
  name: string;
  alternate_name: string | null;
  description: string;
  email: string | null;
  website: string | null;
  tax_status: string | null;
  tax_id: string | null;
  year_incorporated: number | null;
  legal_status: string | null;
  logo: string | null;
  uri: string | null;
  parent_organization_id: string | null;
}

export interface Service {
  id: string;
  organization_id: string | null;
  name: string;
  alternate_name: string | null;
  description: string | null;
  url: string | null;
  email: string | null;
  status: ServiceStatus;
  interpretation_services: string | null;
  application_process: string | null;
  fees_description: string | null;
  wait_time: string | null;
  fees: string | null;
  accreditations: string | null;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  /** YYYY-MM-DD: the day someone last checked this service is as described (verification.ts). */
  assured_date: string | null;
  assurer_email: string | null;
  licenses: string | null;
  alert: string | null;
  last_modified: string | null;
}

export interface Location {
  id: string;
  location_type: LocationType;
  url: string | null;
  organization_id: string | null;
  name: string | null;
  alternate_name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  external_identifier: string | null;
  external_identifier_type: string | null;
}

export interface Address {
  id: string;
  location_id: string | null;
  attention: string | null;
  address_1: string;
  address_2: string | null;
  city: string;
  region: string | null;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: LocationType;
}

export interface ServiceAtLocation {
  id: string;
  service_id: string | null;
  location_id: string | null;
  description: string | null;
}

export interface Phone {
  id: string;
  location_id: string | null;
  service_id: string | null;
  organization_id: string | null;
  contact_id: string | null;
  service_at_location_id: string | null;
  number: string;
  extension: number | null;
  type: string | null;
  description: string | null;
}

export interface Contact {
  id: string;
  organization_id: string | null;
  service_id: string | null;
  service_at_location_id: string | null;
  location_id: string | null;
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
}

/** RFC 5545 recurrence parts, as HSDS splits them into columns (schedule.ts reads them). */
export interface Schedule {
  id: string;
  service_id: string | null;
  location_id: string | null;
  service_at_location_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  dtstart: string | null;
  /** HSDS 3.0 types this as a number: an offset from UTC in hours. */
  timezone: number | null;
  until: string | null;
  count: number | null;
  wkst: RRuleWeekday | null;
  freq: ScheduleFreq | null;
  interval: number | null;
  byday: string | null;
  byweekno: string | null;
  bymonthday: string | null;
  byyearday: string | null;
  description: string | null;
  opens_at: string | null;
  closes_at: string | null;
  schedule_link: string | null;
  attending_type: string | null;
  notes: string | null;
}

export interface Language {
  id: string;
  service_id: string | null;
  location_id: string | null;
  phone_id: string | null;
  name: string | null;
  /** ISO 639 code (`es`, `spa`, `ur`): what matching compares. */
  code: string | null;
  note: string | null;
}

export interface ServiceArea {
  id: string;
  service_id: string | null;
  name: string | null;
  description: string | null;
  extent: string | null;
  extent_type: string | null;
  uri: string | null;
}

export interface CostOption {
  id: string;
  service_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  option: string | null;
  currency: string | null;
  amount: number | null;
  amount_description: string | null;
}

export interface RequiredDocument {
  id: string;
  service_id: string | null;
  document: string | null;
  uri: string | null;
}

export interface Accessibility {
  id: string;
  location_id: string | null;
  description: string | null;
  details: string | null;
  url: string | null;
}

/** Links a taxonomy term (a category, an eligibility) to any record: `link_id` + `link_entity`. */
export interface Attribute {
  id: string;
  link_id: string | null;
  taxonomy_term_id: string | null;
  link_type: string | null;
  link_entity: string | null;
  value: string | null;
}

export interface TaxonomyTerm {
  id: string;
  code: string | null;
  name: string;
  description: string;
  parent_id: string | null;
  taxonomy: string | null;
  language: string | null;
  taxonomy_id: string | null;
  term_uri: string | null;
}

export interface Taxonomy {
  id: string;
  name: string;
  description: string;
  uri: string | null;
  version: string | null;
}

/** One record type per table, by the table's HSDS name. */
export interface HsdsRecords {
  organization: Organization;
  service: Service;
  location: Location;
  address: Address;
  service_at_location: ServiceAtLocation;
  phone: Phone;
  contact: Contact;
  schedule: Schedule;
  language: Language;
  service_area: ServiceArea;
  cost_option: CostOption;
  required_document: RequiredDocument;
  accessibility: Accessibility;
  attribute: Attribute;
  taxonomy_term: TaxonomyTerm;
  taxonomy: Taxonomy;
}
export type HsdsTable = keyof HsdsRecords;

/** A whole directory (or the part one import brought): every table, rows in id order. */
export type Directory = { [T in HsdsTable]: HsdsRecords[T][] };

export function emptyDirectory(): Directory {
  return {
    organization: [],
    service: [],
    location: [],
    address: [],
    service_at_location: [],
    phone: [],
    contact: [],
    schedule: [],
    language: [],
    service_area: [],
    cost_option: [],
    required_document: [],
    accessibility: [],
    attribute: [],
    taxonomy_term: [],
    taxonomy: [],
  };
}

/** The same directory with every table sorted by id: the form two directories are compared in. */
export function canonicalDirectory(dir: Directory): Directory {
  const out = emptyDirectory();
  for (const table of Object.keys(out) as HsdsTable[]) {
    const rows = [...dir[table]] as { id: string }[];
    rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    (out[table] as { id: string }[]) = rows;
  }
  return out;
}
