/**
 * One table of every HSDS field Mutua keeps: its kind, whether HSDS requires it, and for a
 * reference the table it points at. Import (JSON and CSV), export (JSON and CSV) and the
 * data package descriptor are all driven by it, so a field added here is read, written and
 * validated everywhere at once. The type of `FIELDS` makes TypeScript refuse a table that misses a
 * field of its record type in hsds-model.ts.
 */
import {
  type HsdsRecords,
  type HsdsTable,
  LOCATION_TYPES,
  RRULE_WEEKDAYS,
  SCHEDULE_FREQS,
  SERVICE_STATUSES,
} from './hsds-model.ts';

export type FieldKind =
  | { type: 'id' }
  | { type: 'ref'; table: HsdsTable }
  /** `attribute.link_id`: the table is named by the row's `link_entity`, or found by id. */
  | { type: 'link' }
  | { type: 'string' }
  | { type: 'number' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'email' }
  | { type: 'uri' }
  | { type: 'date' }
  | { type: 'datetime' }
  | { type: 'time' };

export interface FieldSpec {
  kind: FieldKind;
  required: boolean;
}

type TableSpec<R> = { [K in keyof R]-?: FieldSpec };

const id: FieldSpec = { kind: { type: 'id' }, required: true };
const ref = (table: HsdsTable): FieldSpec => ({ kind: { type: 'ref', table }, required: false });
const str: FieldSpec = { kind: { type: 'string' }, required: false };
const reqStr: FieldSpec = { kind: { type: 'string' }, required: true };
const num: FieldSpec = { kind: { type: 'number' }, required: false };
const email: FieldSpec = { kind: { type: 'email' }, required: false };
const uri: FieldSpec = { kind: { type: 'uri' }, required: false };
const date: FieldSpec = { kind: { type: 'date' }, required: false };
const time: FieldSpec = { kind: { type: 'time' }, required: false };
const oneOf = (values: readonly string[], required: boolean): FieldSpec => ({
  kind: { type: 'enum', values },
  required,
});

export const FIELDS: { [T in HsdsTable]: TableSpec<HsdsRecords[T]> } = {
  organization: {
    id,
    name: reqStr,
    alternate_name: str,
    description: reqStr,
    email,
    website: uri,
    tax_status: str,
    tax_id: str,
    year_incorporated: num,
    legal_status: str,
    logo: str,
    uri,
    // Often an organization outside this directory (a national parent), so not a checked ref.
    parent_organization_id: { kind: { type: 'string' }, required: false },
  },
  service: {
    id,
    organization_id: ref('organization'),
    name: reqStr,
    alternate_name: str,
    description: str,
    url: uri,
    email,
    status: oneOf(SERVICE_STATUSES, true),
    interpretation_services: str,
    application_process: str,
    fees_description: str,
    wait_time: str,
    fees: str,
    accreditations: str,
    eligibility_description: str,
    minimum_age: num,
    maximum_age: num,
    assured_date: date,
    assurer_email: email,
    licenses: str,
    alert: str,
    last_modified: { kind: { type: 'datetime' }, required: false },
  },
  location: {
    id,
    location_type: oneOf(LOCATION_TYPES, true),
    url: uri,
    organization_id: ref('organization'),
    name: str,
    alternate_name: str,
    description: str,
    transportation: str,
    latitude: num,
    longitude: num,
    external_identifier: str,
    external_identifier_type: str,
  },
  address: {
    id,
    location_id: ref('location'),
    attention: str,
    address_1: reqStr,
    address_2: str,
    city: reqStr,
    region: str,
    state_province: reqStr,
    postal_code: reqStr,
    country: reqStr,
    address_type: oneOf(LOCATION_TYPES, true),
  },
  service_at_location: {
    id,
    service_id: ref('service'),
    location_id: ref('location'),
    description: str,
  },
  phone: {
    id,
    location_id: ref('location'),
    service_id: ref('service'),
    organization_id: ref('organization'),
    contact_id: ref('contact'),
    service_at_location_id: ref('service_at_location'),
    number: reqStr,
    extension: num,
    type: str,
    description: str,
  },
  contact: {
    id,
    organization_id: ref('organization'),
    service_id: ref('service'),
    service_at_location_id: ref('service_at_location'),
    location_id: ref('location'),
    name: str,
    title: str,
    department: str,
    email,
  },
  schedule: {
    id,
    service_id: ref('service'),
    location_id: ref('location'),
    service_at_location_id: ref('service_at_location'),
    valid_from: date,
    valid_to: date,
    dtstart: date,
    timezone: num,
    until: date,
    count: num,
    wkst: oneOf(RRULE_WEEKDAYS, false),
    freq: oneOf(SCHEDULE_FREQS, false),
    interval: num,
    byday: str,
    byweekno: str,
    bymonthday: str,
    byyearday: str,
    description: str,
    opens_at: time,
    closes_at: time,
    schedule_link: uri,
    attending_type: str,
    notes: str,
  },
  language: {
    id,
    service_id: ref('service'),
    location_id: ref('location'),
    phone_id: ref('phone'),
    name: str,
    code: str,
    note: str,
  },
  service_area: {
    id,
    service_id: ref('service'),
    name: str,
    description: str,
    extent: str,
    extent_type: str,
    // HSDS types this one as a plain string (no uri format), unlike the other uri fields.
    uri: str,
  },
  cost_option: {
    id,
    service_id: ref('service'),
    valid_from: date,
    valid_to: date,
    option: str,
    currency: str,
    amount: num,
    amount_description: str,
  },
  required_document: { id, service_id: ref('service'), document: str, uri },
  accessibility: { id, location_id: ref('location'), description: str, details: str, url: uri },
  attribute: {
    id,
    link_id: { kind: { type: 'link' }, required: false },
    taxonomy_term_id: ref('taxonomy_term'),
    link_type: str,
    link_entity: str,
    value: str,
  },
  taxonomy_term: {
    id,
    code: str,
    name: reqStr,
    description: reqStr,
    // A parent term may live in a taxonomy that was not imported: kept as given.
    parent_id: { kind: { type: 'string' }, required: false },
    taxonomy: str,
    language: str,
    taxonomy_id: ref('taxonomy'),
    term_uri: uri,
  },
  taxonomy: { id, name: reqStr, description: reqStr, uri, version: str },
};

/** The file of each table in the CSV data package, and its resource name (HSDS 3.0's own). */
export const CSV_FILES: Record<HsdsTable, string> = {
  organization: 'organizations.csv',
  service: 'services.csv',
  location: 'locations.csv',
  address: 'addresses.csv',
  service_at_location: 'service_at_location.csv',
  phone: 'phones.csv',
  contact: 'contacts.csv',
  schedule: 'schedules.csv',
  language: 'languages.csv',
  service_area: 'service_areas.csv',
  cost_option: 'cost_options.csv',
  required_document: 'required_documents.csv',
  accessibility: 'accessibility.csv',
  attribute: 'attributes.csv',
  taxonomy_term: 'taxonomy_terms.csv',
  taxonomy: 'taxonomies.csv',
};

/** HSDS tables Mutua does not keep: an import names each record of them it passes over. */
export const NOT_KEPT_FILES: Record<string, string> = {
  'programs.csv': 'program',
  'funding.csv': 'funding',
  'organization_identifiers.csv': 'organization_identifier',
  'metadata.csv': 'metadata',
  'meta_table_descriptions.csv': 'meta_table_description',
};

/** Tables in the order a data package lists them: parents before the children that refer to them. */
export const TABLE_ORDER: readonly HsdsTable[] = [
  'organization',
  'service',
  'location',
  'service_at_location',
  'address',
  'contact',
  'phone',
  'schedule',
  'language',
  'service_area',
  'cost_option',
  'required_document',
  'accessibility',
  'taxonomy',
  'taxonomy_term',
  'attribute',
];

export function columnsOf(table: HsdsTable): string[] {
  return Object.keys(FIELDS[table]);
}

export function fieldOf(table: HsdsTable, column: string): FieldSpec | undefined {
  return (FIELDS[table] as Record<string, FieldSpec>)[column];
}
