/** Someone Mutua knows, with or without an account (a password). */
export interface Person {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  hasAccount: boolean;
  preferredLanguage: string | null;
  isOperator: boolean;
  createdAt: string;
  disabled: boolean;
}
