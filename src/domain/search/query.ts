/**
 * What a coordinator typed in the queue's search box, read every way it can be meant: a
 * request code ("K7M-4QP"), a phone number read out on a call, an email, words of a name.
 * A text can be more than one ("Ana Mar" is also a valid code), so all readings are returned
 * and the server looks each up in its blind index and shows the union. Pure: the server
 * hashes `phoneKey`, `email` and `nameTokens` before they touch the database.
 */
import { normaliseEmail, phoneSearchKey } from '../people/contact.ts';
import { parseCode } from '../requests/request-code.ts';
import { queryTokens } from './name-tokens.ts';

export interface SearchReadings {
  code: string | null;
  phoneKey: string | null;
  email: string | null;
  nameTokens: string[];
}

/** A search longer than this is not a code, a number, an email or a name. */
export const SEARCH_MAX_LENGTH = 200;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function readSearch(raw: string): SearchReadings {
  const text = raw.trim().slice(0, SEARCH_MAX_LENGTH);
  const none: SearchReadings = { code: null, phoneKey: null, email: null, nameTokens: [] };
  if (text === '') return none;
  if (text.includes('@')) {
    const email = normaliseEmail(text.replace(/^mailto:/i, ''));
    return { ...none, email: EMAIL.test(email) ? email : null };
  }
  const digits = text.replace(/\D/g, '').length;
  return {
    code: parseCode(text),
    phoneKey: digits >= 6 ? phoneSearchKey(text) : null,
    email: null,
    // A number is not a name: "612 345 678" must not look for the words 612, 345 and 678.
    nameTokens: /\p{L}/u.test(text) ? queryTokens(text) : [],
  };
}

/** Nothing to look for: the page says so instead of listing everyone. */
export function isEmptySearch(r: SearchReadings): boolean {
  return !r.code && !r.phoneKey && !r.email && r.nameTokens.length === 0;
}
