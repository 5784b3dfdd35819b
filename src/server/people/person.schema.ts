import { Type } from 'typebox';
import { EMAIL_MAX, NAME_MAX } from '../core/person.ts';

export const RoleSchema = Type.Union([
  Type.Literal('neighbour'),
  Type.Literal('volunteer'),
  Type.Literal('coordinator'),
  Type.Literal('admin'),
]);

/** Someone a coordinator enters after a phone call: a name, and a way to reach them if any. */
export const ContactInput = Type.Object({
  displayName: Type.String({ minLength: 1, maxLength: NAME_MAX }),
  email: Type.Optional(Type.String({ format: 'email', maxLength: EMAIL_MAX })),
  phone: Type.Optional(Type.String({ maxLength: 30, 'x-error': 'field.phoneInvalid' })),
  language: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('es')])),
  role: Type.Optional(RoleSchema),
});

export const RoleInput = Type.Object({ role: RoleSchema });

export const MemberOut = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  hasAccount: Type.Boolean(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  joinedAt: Type.String({ format: 'date-time' }),
});
