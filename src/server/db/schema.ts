import type { Generated } from 'kysely';
import type { Role } from '../../domain/access/roles.ts';

/**
 * Row types of every table, as Kysely sees them. They stay inside repositories: each feature
 * maps rows to its own domain types (for example `personFromRow`).
 *
 * Choices shared by both dialects (docs/adr/0003-identifiers-and-time.md): ids are UUIDv7
 * text made by the app; timestamps are ISO 8601 UTC text; booleans are integers 0/1.
 */
export interface NetworkTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  default_language: string;
  signup_mode: 'open' | 'invite';
  retention_days: Generated<number>;
  /** JSON array of category keys the network uses; null means the defaults. */
  categories: string | null;
  /** The number this network's neighbours text, when it has its own (else SMS_FROM). */
  sms_number: string | null;
  /** IANA time zone, for quiet hours and the weekly digest. */
  time_zone: Generated<string>;
  /** Requests for help per internet address and hour that are ordinary (default 20). */
  hourly_requests_per_address: Generated<number>;
  /** A phone line people can call instead of using the form, shown when a form refuses. */
  phone_number: string | null;
  /** ISO 3166-1 alpha-2, for the default emergency number; null until an admin sets it. */
  country: string | null;
  /** The emergency number the network shows for "right now"; null: the country's default. */
  emergency_number: string | null;
  created_at: string;
  updated_at: string;
}

export interface AreaTable {
  id: string;
  network_id: string;
  name: string;
  center_lat: number;
  center_lng: number;
  radius_m: number | null;
  /** GeoJSON Polygon coordinates as JSON text, when the area is not a circle. */
  polygon: string | null;
  created_at: string;
}

export interface PersonTable {
  id: string;
  display_name: string;
  /** Sealed (src/server/privacy/person-contact.ts): `people.email:<id>`, `people.phone:<id>`. */
  email_enc: string | null;
  phone_enc: string | null;
  /** Blind indexes of the normalised email and phone: sign-in, duplicates, search, texts. */
  email_index: string | null;
  phone_index: string | null;
  password_hash: string | null;
  preferred_language: string | null;
  is_operator: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface MembershipTable {
  id: string;
  network_id: string;
  person_id: string;
  role: Role;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  person_id: string;
  user_agent: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface PasswordResetTable {
  id: string;
  person_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A sign-up waiting for its link to be opened (auth/signup.service.ts). */
export interface SignupConfirmationTable {
  id: string;
  network_id: string;
  token_hash: string;
  /** Sealed JSON: the name, email, phone, password hash and language typed on the form. */
  payload_enc: string;
  created_at: string;
  expires_at: string;
}

export interface InvitationTable {
  id: string;
  network_id: string;
  email: string | null;
  role: Role;
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}

export interface ApiTokenTable {
  id: string;
  person_id: string;
  network_id: string;
  role: Role;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventTable {
  id: string;
  network_id: string | null;
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  /** JSON object text; never personal data (names, contacts), only ids and codes. */
  details: string;
  created_at: string;
}

export interface RateLimitTable {
  key: string;
  window_start: string;
  hits: number;
}

export interface DeploymentSettingTable {
  key: string;
  value: string;
}

export interface RequestTable {
  id: string;
  network_id: string;
  code: string;
  status: string;
  close_reason: string | null;
  channel: string;
  category: string;
  urgency: string;
  household_size: number;
  area_id: string | null;
  approx_lat: number | null;
  approx_lng: number | null;
  slots: number;
  language: string;
  language_required: number;
  needs_car: number;
  details_enc: string | null;
  address_enc: string | null;
  name_enc: string | null;
  phone_enc: string | null;
  email_enc: string | null;
  accessibility_enc: string | null;
  phone_index: string | null;
  email_index: string | null;
  consent_at: string;
  status_token_hash: string;
  requester_id: string | null;
  entered_by: string | null;
  duplicate_of: string | null;
  duplicate_flag: number;
  /** 1: taken past its network's hourly number for one address; a coordinator checks it. */
  many_from_address: Generated<number>;
  volunteer_id: string | null;
  hours: number | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  redacted_at: string | null;
}

export interface RequestEventTable {
  id: string;
  request_id: string;
  actor_id: string | null;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  channel: string | null;
  outcome: string | null;
  follow_up: number;
  body_enc: string | null;
  created_at: string;
}

export interface RequestFeedbackTable {
  id: string;
  request_id: string;
  outcome: string;
  rating: number | null;
  comment_enc: string | null;
  created_at: string;
}

export interface VolunteerProfileTable {
  id: string;
  network_id: string;
  person_id: string;
  /** JSON text array of category keys. */
  categories: string;
  skills: string;
  /** JSON text array of language codes ("en", "es", "ti"). */
  languages: string;
  transport: 'walk' | 'bike' | 'public' | 'car';
  has_car: number;
  home_area_id: string | null;
  /** The exact home point, for distances only; never shown in a list. */
  home_lat: number | null;
  home_lng: number | null;
  radius_km: number;
  /** The 21-slot week of src/domain/time/weekly-slots.ts. */
  availability_mask: number;
  weekly_hour_cap: number;
  on_break: number;
  /** ISO date, the last day of the break; null: until switched off. */
  break_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface GoodsOfferTable {
  id: string;
  network_id: string;
  person_id: string;
  what: string;
  quantity: number;
  unit: string;
  collect_area_id: string | null;
  /** Where and when to collect, sealed (`goods_offers.collect_notes:<id>`); null when empty. */
  collect_notes_enc: string | null;
  status: 'available' | 'reserved' | 'taken' | 'withdrawn';
  created_at: string;
  updated_at: string;
}

export interface JobLeaseTable {
  name: string;
  holder: string;
  until: string;
  last_run_at: string | null;
  last_result: string | null;
}

// ---- Goods (M2): quantities are whole units of the item ----

export interface GoodsItemTable {
  id: string;
  network_id: string;
  name: string;
  category: string;
  unit: string;
  tracks_expiry: number;
  /** At or below this, the stock page and report raise a low-stock alert. */
  low_stock: number;
  /** Per household: at most limit_quantity in any limit_days; hard (1) or a warning (0). */
  limit_quantity: number | null;
  limit_days: number | null;
  limit_hard: number;
  created_at: string;
  updated_at: string;
}

export interface GoodsSiteTable {
  id: string;
  network_id: string;
  name: string;
  area_id: string | null;
  created_at: string;
}

/** What the ledger says a site holds; a CHECK keeps it at zero or above. */
export interface StockLevelTable {
  network_id: string;
  site_id: string;
  item_id: string;
  quantity: number;
  updated_at: string;
}

export interface StockMovementTable {
  id: string;
  network_id: string;
  kind: string;
  item_id: string;
  quantity: number;
  from_site_id: string | null;
  to_site_id: string | null;
  reason: string;
  donor_person_id: string | null;
  donor_enc: string | null;
  offer_id: string | null;
  expires_on: string | null;
  day_id: string | null;
  household_id: string | null;
  round_id: string | null;
  entered_by: string | null;
  created_at: string;
}

export interface StockPostingTable {
  id: string;
  network_id: string;
  movement_id: string;
  item_id: string;
  account: string;
  site_id: string | null;
  quantity: number;
}

// Money (issue 13, M5): amounts are integer minor units (bigint; the repository maps to number).
export interface MoneyFundTable {
  id: string;
  network_id: string;
  name: string;
  kind: string;
  categories: string;
  currency: string;
  balance: number | string;
  closed_at: string | null;
  created_at: string;
}

export interface MoneyTransactionTable {
  id: string;
  network_id: string;
  kind: string;
  currency: string;
  reverses: string | null;
  occurred_on: string;
  created_by: string | null;
  created_at: string;
  donor_enc: string | null;
  donor_listed: number;
}

export interface MoneyPostingTable {
  id: string;
  network_id: string;
  transaction_id: string;
  account: string;
  amount: number | string;
  seq: number;
}

export interface MoneyItemTable {
  id: string;
  network_id: string;
  kind: string;
  status: string;
  amount: number | string;
  currency: string;
  category: string;
  description: string;
  incurred_on: string;
  vendor: string | null;
  payee_person_id: string | null;
  request_id: string | null;
  payee_enc: string | null;
  method: string | null;
  fund_id: string | null;
  submitted_by: string;
  return_reason: string | null;
  reject_reason: string | null;
  lost_statement: string | null;
  paid_transaction_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MoneyApprovalTable {
  item_id: string;
  person_id: string;
  at: string;
}

export interface HouseholdTable {
  id: string;
  network_id: string;
  code: string;
  size: number;
  age_bands: string;
  under14: number;
  language: string;
  area_id: string | null;
  name_enc: string | null;
  phone_enc: string | null;
  dietary_enc: string | null;
  notes_enc: string | null;
  phone_index: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Blind index of a request's name tokens and phone search key (issue 12's queue search). */
export interface RequestSearchTable {
  request_id: string;
  network_id: string;
  kind: 'name' | 'phone';
  token: string;
}

/** The coordinator who has a request in hand (the queue's "assignee"). */
export interface RequestOwnerTable {
  request_id: string;
  coordinator_id: string;
  assigned_at: string;
}

/** A coordinator's saved view of the queue: its filters and sort as a query string. */
export interface QueueViewTable {
  id: string;
  network_id: string;
  person_id: string;
  name: string;
  query: string;
  created_at: string;
}

export interface HouseholdNameIndexTable {
  household_id: string;
  network_id: string;
  token: string;
}

export interface HouseholdRequestTable {
  household_id: string;
  request_id: string;
  network_id: string;
  created_at: string;
}

export interface DistributionDayTable {
  id: string;
  network_id: string;
  site_id: string;
  day: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface DistributionDayItemTable {
  day_id: string;
  item_id: string;
  network_id: string;
  per_household: number;
}

export interface CheckInTable {
  id: string;
  network_id: string;
  day_id: string;
  household_id: string;
  source: string;
  entered_by: string | null;
  created_at: string;
}

export interface GoodsWantTable {
  id: string;
  network_id: string;
  household_id: string;
  item_id: string;
  quantity: number;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface AllocationRoundTable {
  id: string;
  network_id: string;
  item_id: string;
  site_id: string;
  status: string;
  stock: number;
  level: number;
  created_by: string | null;
  decided_by: string | null;
  created_at: string;
  decided_at: string | null;
}

export interface AllocationShareTable {
  id: string;
  round_id: string;
  network_id: string;
  household_id: string;
  want_id: string;
  requested: number;
  cap: number;
  weight: number;
  fair_share: number;
  allocated: number;
  reasons: string;
}

export interface AnnouncementRecipientTable {
  announcement_id: string;
  person_id: string;
}

export interface DigestSendTable {
  network_id: string;
  person_id: string;
  week: string;
  sent_at: string;
}

export interface Database {
  hsds_records: HsdsRecordTable;
  service_verifications: ServiceVerificationTable;
  partner_settings: PartnerSettingsTable;
  networks: NetworkTable;
  outbox_messages: OutboxMessageTable;
  sms_opt_outs: SmsOptOutTable;
  sms_conversations: SmsConversationTable;
  notification_prefs: NotificationPrefsTable;
  notifications: NotificationTable;
  announcements: AnnouncementTable;
  announcement_recipients: AnnouncementRecipientTable;
  surveys: SurveyTable;
  survey_sessions: SurveySessionTable;
  survey_responses: SurveyResponseTable;
  digest_sends: DigestSendTable;
  areas: AreaTable;
  people: PersonTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  password_resets: PasswordResetTable;
  signup_confirmations: SignupConfirmationTable;
  invitations: InvitationTable;
  api_tokens: ApiTokenTable;
  audit_events: AuditEventTable;
  rate_limits: RateLimitTable;
  deployment_settings: DeploymentSettingTable;
  volunteer_profiles: VolunteerProfileTable;
  goods_offers: GoodsOfferTable;
  requests: RequestTable;
  request_events: RequestEventTable;
  request_feedback: RequestFeedbackTable;
  job_leases: JobLeaseTable;
  goods_items: GoodsItemTable;
  goods_sites: GoodsSiteTable;
  stock_levels: StockLevelTable;
  stock_movements: StockMovementTable;
  stock_postings: StockPostingTable;
  money_funds: MoneyFundTable;
  money_transactions: MoneyTransactionTable;
  money_postings: MoneyPostingTable;
  money_items: MoneyItemTable;
  money_approvals: MoneyApprovalTable;
  households: HouseholdTable;
  household_name_index: HouseholdNameIndexTable;
  request_search: RequestSearchTable;
  request_owners: RequestOwnerTable;
  queue_views: QueueViewTable;
  household_requests: HouseholdRequestTable;
  distribution_days: DistributionDayTable;
  distribution_day_items: DistributionDayItemTable;
  check_ins: CheckInTable;
  goods_wants: GoodsWantTable;
  allocation_rounds: AllocationRoundTable;
  allocation_shares: AllocationShareTable;
  vol_trainings: VolTrainingTable;
  vol_training_records: VolTrainingRecordTable;
  vol_series: VolSeriesTable;
  vol_events: VolEventTable;
  vol_shifts: VolShiftTable;
  vol_signups: VolSignupTable;
  vol_person_settings: VolPersonSettingsTable;
  vol_checkins: VolCheckinTable;
  time_settings: TimeSettingsTable;
  time_accounts: TimeAccountTable;
  time_transactions: TimeTransactionTable;
  time_postings: TimePostingTable;
  time_credits: TimeCreditTable;
  time_requests: TimeRequestTable;
}

// Timebank (issue 13, M4): accounts, append-only transactions and postings, credits, requests.
export interface TimeSettingsTable {
  network_id: string;
  floor: number | null;
  ceiling: number | null;
  auto_accept_days: number | null;
  credit_from_help: number;
  updated_at: string;
}

export interface TimeAccountTable {
  id: string;
  network_id: string;
  kind: 'member' | 'pool';
  person_id: string | null;
  no_debt: Generated<number>;
  floor_mode: Generated<'inherit' | 'none' | 'value'>;
  floor_value: number | null;
  ceiling_mode: Generated<'inherit' | 'none' | 'value'>;
  ceiling_value: number | null;
  balance: Generated<number>;
  closed_at: Generated<string | null>;
  created_at: string;
}

export interface TimeTransactionTable {
  id: string;
  network_id: string;
  kind: 'transfer' | 'credit' | 'reversal';
  shape: string;
  category: string;
  note_enc: string | null;
  reverses: string | null;
  source_key: string | null;
  recorded_by: string | null;
  paper: number;
  created_at: string;
}

export interface TimePostingTable {
  id: string;
  network_id: string;
  transaction_id: string;
  account_id: string;
  minutes: number;
  balance_after: number;
  created_at: string;
}

export interface TimeCreditTable {
  network_id: string;
  source_key: string;
  account_id: string | null;
  transaction_id: string | null;
  minutes: number;
  updated_at: string;
}

export interface TimeRequestTable {
  id: string;
  network_id: string;
  payer_account: string;
  payee_account: string;
  minutes: number;
  category: string;
  note_enc: string | null;
  status: string;
  requested_at: string;
  auto_accept_at: string | null;
  auto_accept_blocked_at: string | null;
  decided_at: string | null;
  decided_by: string | null;
  transaction_id: string | null;
  requested_by: string | null;
}

export interface OutboxMessageTable {
  id: string;
  network_id: string | null;
  person_id: string | null;
  channel: 'email' | 'sms';
  kind: string;
  language: string;
  to_enc: string;
  /** Blind index of the normalised phone, for STOP; null for email. */
  to_index: string | null;
  subject_enc: string | null;
  body_enc: string;
  html_enc: string | null;
  idempotency_key: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
  attempts: Generated<number>;
  next_attempt_at: string;
  locked_by: string | null;
  locked_until: string | null;
  /** Fencing token: one more on every claim; the outcome is recorded only under the latest. */
  fence: Generated<number>;
  last_error: string | null;
  provider_id: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface SmsOptOutTable {
  phone_index: string;
  created_at: string;
}

export interface SmsConversationTable {
  phone_index: string;
  network_id: string;
  step: string;
  language: string;
  category: string | null;
  updated_at: string;
}

export interface NotificationPrefsTable {
  person_id: string;
  email: number;
  sms: number;
  quiet_from: number | null;
  quiet_to: number | null;
  digest: number;
  updated_at: string;
}

export interface NotificationTable {
  id: string;
  person_id: string;
  network_id: string | null;
  kind: string;
  dedupe_key: string;
  title: string;
  body: string;
  link: string | null;
  read_at: string | null;
  created_at: string;
}

export interface AnnouncementTable {
  id: string;
  network_id: string;
  author_id: string | null;
  title: string;
  body: string;
  language: string;
  audience_role: string | null;
  audience_area_id: string | null;
  audience_language: string | null;
  public: number;
  recipients: number;
  created_at: string;
}

// Volunteering (M3): see migrations/2026_11_23_1500_create_volunteering.ts.
export interface VolTrainingTable {
  id: string;
  network_id: string;
  name: string;
  valid_days: number | null;
  categories: string;
  roles: string;
  created_at: string;
}

export interface VolTrainingRecordTable {
  id: string;
  network_id: string;
  training_id: string;
  person_id: string;
  completed_on: string;
  expires_on: string | null;
  recorded_by: string | null;
  created_at: string;
}

export interface VolSeriesTable {
  id: string;
  network_id: string;
  rrule: string;
  start_date: string;
  until_date: string | null;
  start_time: string;
  duration_min: number;
  time_zone: string;
  kind: string;
  title: string;
  description: string;
  place: string;
  area_id: string | null;
  visibility: string;
  shift_template: string;
  created_at: string;
  updated_at: string;
}

export interface VolEventTable {
  id: string;
  network_id: string;
  series_id: string | null;
  occurrence_date: string | null;
  original_start: string | null;
  detached: number;
  kind: string;
  title: string;
  description: string;
  place: string;
  area_id: string | null;
  visibility: string;
  training_id: string | null;
  starts_at: string;
  ends_at: string;
  status: 'scheduled' | 'cancelled';
  sequence: number;
  created_at: string;
  updated_at: string;
}

export interface VolShiftTable {
  id: string;
  network_id: string;
  event_id: string;
  role: string;
  slots: number;
  starts_at: string;
  ends_at: string;
  created_at: string;
  updated_at: string;
}

export interface VolSignupTable {
  id: string;
  network_id: string;
  shift_id: string;
  person_id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  late_drop: number;
  no_show: number;
  checked_in_at: string | null;
  hours: number | null;
  reminded_day: number;
  reminded_soon: number;
  queued_at: string;
  created_at: string;
  updated_at: string;
}

export interface VolPersonSettingsTable {
  id: string;
  network_id: string;
  person_id: string;
  feed_version: number;
  celebrate: number;
  updated_at: string;
}

export interface VolCheckinTable {
  id: string;
  network_id: string;
  person_id: string;
  feeling: string;
  note: string;
  created_at: string;
}

// Partners directory (issue 15, ADR 0023): HSDS records, verification, the network's setting.

export interface HsdsRecordTable {
  network_id: string;
  /** An HSDS table name as domain/partners/hsds-model.ts names it (`service`, `phone`...). */
  table_name: string;
  id: string;
  /** The record's fields (hsds-fields.ts), as JSON text. */
  record: string;
  updated_at: string;
}

export interface ServiceVerificationTable {
  network_id: string;
  service_id: string;
  /** The day of the last check: HSDS's `assured_date`. */
  checked_on: string | null;
  checked_by: string | null;
  method: string | null;
  do_not_list_reason: string | null;
  do_not_list_note: string | null;
  do_not_list_by: string | null;
  do_not_list_on: string | null;
  updated_at: string;
}

export interface PartnerSettingsTable {
  network_id: string;
  stale_after_months: number;
}

// Surveys (issue 14, migration 2026_12_03_0700_create_surveys).
export interface SurveyTable {
  id: string;
  network_id: string;
  title: string;
  status: string;
  definition: string;
  import_issues: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SurveySessionTable {
  id: string;
  survey_id: string;
  person_id: string | null;
  phone_index: string | null;
  channel: string;
  state_enc: string;
  updated_at: string;
}

export interface SurveyResponseTable {
  id: string;
  survey_id: string;
  person_id: string | null;
  phone_index: string | null;
  channel: string;
  language: string;
  area_key: string | null;
  answers_enc: string;
  submitted_on: string;
}
