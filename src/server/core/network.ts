/** Who may join: anyone who signs up, or only people with an invitation. */
export type SignupMode = 'open' | 'invite';

/** A mutual aid network, with the settings every feature reads. */
export interface Network {
  id: string;
  slug: string;
  name: string;
  description: string;
  defaultLanguage: string;
  signupMode: SignupMode;
  /** Days after closing before a request's personal data is redacted. */
  retentionDays: number;
  /** The request categories this network offers, in order. */
  categories: string[];
  /** The number its neighbours text, when it has its own; else SMS_FROM. */
  smsNumber: string | null;
  /** IANA time zone of the network, for quiet hours, reminders and event times. */
  timeZone: string;
  /** Requests for help per internet address and hour before they are marked for review. */
  hourlyRequestsPerAddress: number;
  /** A phone line people can call (E.164), offered when a form cannot take their request. */
  phoneNumber: string | null;
  /** ISO 3166-1 alpha-2, for the default emergency number (null: not set, 112 is shown). */
  country: string | null;
  /** The emergency number the network sets itself; null: the country's default. */
  emergencyNumber: string | null;
  createdAt: string;
}
