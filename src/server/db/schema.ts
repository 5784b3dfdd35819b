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
  email: string | null;
  phone: string | null;
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

export interface Database {
  networks: NetworkTable;
  areas: AreaTable;
  people: PersonTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  password_resets: PasswordResetTable;
  invitations: InvitationTable;
  api_tokens: ApiTokenTable;
  audit_events: AuditEventTable;
  rate_limits: RateLimitTable;
  deployment_settings: DeploymentSettingTable;
}
