/** 100 characters is more than any name we have seen and fits a printed sign-in sheet. */
export const NAME_MAX = 100;
/** RFC 5321's limit for an address. */
export const EMAIL_MAX = 254;

/** Someone Mutua knows, with or without an account (a password). */
export interface Person {
  id: string;
  displayName: string;
  /** Email and phone, sealed: opened only through src/server/privacy/person-contact.ts. */
  contact: SealedContact;
  hasAccount: boolean;
  preferredLanguage: string | null;
  isOperator: boolean;
  createdAt: string;
  disabled: boolean;
}

declare const sealedBrand: unique symbol;

/**
 * A person's contact as stored: ciphertexts bound to the person. Only the functions of
 * src/server/privacy/person-contact.ts open it, each for one reason: the person themselves, a
 * coordinator of a network the person belongs to, or a message the person is to receive.
 */
export type SealedContact = {
  readonly personId: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly [sealedBrand]: true;
};

export function sealedContactOf(row: {
  id: string;
  email_enc: string | null;
  phone_enc: string | null;
}): SealedContact {
  return { personId: row.id, email: row.email_enc, phone: row.phone_enc } as SealedContact;
}

/** Whether there is an email or a phone to reach the person by; says nothing of the values. */
export function reachable(sealed: SealedContact): { email: boolean; phone: boolean } {
  return { email: sealed.email != null, phone: sealed.phone != null };
}
