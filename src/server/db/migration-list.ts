import type { Kysely } from 'kysely';
import type { KeyRing } from '../../shared/crypto.ts';
import * as createFoundation from './migrations/2026_11_23_0900_create_foundation.ts';
import * as createRequests from './migrations/2026_11_23_1000_create_requests.ts';
import * as createOffers from './migrations/2026_11_23_1100_create_offers.ts';
import * as createJobLeases from './migrations/2026_11_23_1200_create_job_leases.ts';
import * as indexRequestChanges from './migrations/2026_11_23_1250_index_request_changes.ts';
import * as createCommunication from './migrations/2026_11_23_1300_create_communication.ts';
import * as createGoods from './migrations/2026_11_23_1400_create_goods.ts';
import * as createVolunteering from './migrations/2026_11_23_1500_create_volunteering.ts';
import * as createAnnouncementRecipients from './migrations/2026_11_23_1600_create_announcement_recipients.ts';
import * as ledgerAppendOnly from './migrations/2026_11_23_1700_ledger_append_only.ts';
import * as outboxFence from './migrations/2026_11_24_1000_outbox_fence.ts';
import * as sealContacts from './migrations/2026_11_25_0900_seal_contacts.ts';
import * as createSignupConfirmations from './migrations/2026_11_25_0930_create_signup_confirmations.ts';

/**
 * A migration. The few that rewrite sealed data (they encrypt or decrypt what is stored) are
 * also given the encryption keys, when the caller has them; the others ignore the argument.
 */
export interface KeyedMigration {
  // biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
  up(db: Kysely<any>, keys?: KeyRing): Promise<void>;
  // biome-ignore lint/suspicious/noExplicitAny: see up()
  down?(db: Kysely<any>, keys?: KeyRing): Promise<void>;
}

import * as intakeAddressLimit from './migrations/2026_11_25_1000_intake_address_limit.ts';
import * as queueWorkbench from './migrations/2026_12_02_0100_queue_workbench.ts';
import * as networkEmergencyAndIntakeOnce from './migrations/2026_12_02_0300_network_emergency_and_intake_once.ts';
import * as timebank from './migrations/2026_12_03_0500_timebank.ts';
import * as money from './migrations/2026_12_03_0600_money.ts';
import * as createSurveys from './migrations/2026_12_03_0700_create_surveys.ts';
import * as partnersDirectory from './migrations/2026_12_03_0800_partners_directory.ts';

/**
 * Every migration, by name, in order. Listed here rather than read from the folder so that
 * the same code runs under tsx, a bundle or a test without file-system discovery.
 * Migrations are never edited once landed: add a new file and a line here.
 */
export const migrations: Record<string, KeyedMigration> = {
  '2026_11_23_0900_create_foundation': createFoundation,
  '2026_11_23_1000_create_requests': createRequests,
  '2026_11_23_1100_create_offers': createOffers,
  '2026_11_23_1200_create_job_leases': createJobLeases,
  '2026_11_23_1250_index_request_changes': indexRequestChanges,
  '2026_11_23_1300_create_communication': createCommunication,
  '2026_11_23_1400_create_goods': createGoods,
  '2026_11_23_1500_create_volunteering': createVolunteering,
  '2026_11_23_1600_create_announcement_recipients': createAnnouncementRecipients,
  '2026_11_23_1700_ledger_append_only': ledgerAppendOnly,
  '2026_11_24_1000_outbox_fence': outboxFence,
  '2026_11_25_0900_seal_contacts': sealContacts,
  '2026_11_25_0930_create_signup_confirmations': createSignupConfirmations,
  '2026_11_25_1000_intake_address_limit': intakeAddressLimit,
  '2026_12_02_0100_queue_workbench': queueWorkbench,
  '2026_12_02_0300_network_emergency_and_intake_once': networkEmergencyAndIntakeOnce,
  '2026_12_03_0500_timebank': timebank,
  '2026_12_03_0600_money': money,
  '2026_12_03_0800_partners_directory': partnersDirectory,
  '2026_12_03_0700_create_surveys': createSurveys,
};
