import { Type } from 'typebox';
import { PASSWORD_MAX, PASSWORD_MIN } from './password.ts';

/** 100 characters is more than any name we have seen and fits a printed sign-in sheet. */
export const NAME_MAX = 100;
/** RFC 5321's limit for an address. */
export const EMAIL_MAX = 254;

export const SignInInput = Type.Object({
  identifier: Type.String({ minLength: 1, maxLength: EMAIL_MAX }),
  password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }),
});

export const AccountInput = Type.Object({
  displayName: Type.String({ minLength: 1, maxLength: NAME_MAX }),
  email: Type.Optional(Type.String({ format: 'email', maxLength: EMAIL_MAX })),
  phone: Type.Optional(Type.String({ maxLength: 30, 'x-error': 'field.phoneInvalid' })),
  password: Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX }),
  language: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('es')])),
});

export const ForgotInput = Type.Object({
  email: Type.String({ format: 'email', maxLength: EMAIL_MAX }),
});

export const ResetInput = Type.Object({
  password: Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX }),
});
