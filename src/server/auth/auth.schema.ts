import { Type } from 'typebox';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../shared/password.ts';
import { EMAIL_MAX, NAME_MAX } from '../core/person.ts';

// The limits of a person's name and email live with the Person type; still importable from here.
export { EMAIL_MAX, NAME_MAX };

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
