import { Type } from 'typebox';
import { URGENCIES } from '../../domain/requests/categories.ts';
import { CLOSE_REASONS, STATUSES } from '../../domain/requests/request-status.ts';
import { EMAIL_MAX, NAME_MAX } from '../core/person.ts';
import { literals } from '../http/api-schema.ts';

/** "When suits you?" in the words people use; each is a set of weekly slots. */
export const WHEN = ['any', 'mornings', 'afternoons', 'evenings', 'weekdays', 'weekends'] as const;

/** 1,000 characters: a long phone call's worth of notes, short enough to read on a phone. */
export const DETAILS_MAX = 1000;
export const ADDRESS_MAX = 200;
export const ACCESSIBILITY_MAX = 300;
/** 20 people: the largest household a food box or a ride is planned for. */
export const HOUSEHOLD_MAX = 20;

/** Shared by the public form, the coordinator's phone form and the API. */
const common = {
  category: Type.String({ minLength: 1, maxLength: 40 }),
  details: Type.Optional(Type.String({ maxLength: DETAILS_MAX })),
  urgency: literals(URGENCIES),
  householdSize: Type.Integer({ minimum: 1, maximum: HOUSEHOLD_MAX }),
  areaId: Type.Optional(Type.String({ maxLength: 40 })),
  address: Type.Optional(Type.String({ maxLength: ADDRESS_MAX })),
  when: literals(WHEN),
  name: Type.String({ minLength: 1, maxLength: NAME_MAX }),
  // Digits with the usual separators; the service then normalises it (normalisePhone).
  phone: Type.Optional(
    Type.String({ pattern: '^[+()0-9 .-]{6,30}$', 'x-error': 'field.phoneInvalid' }),
  ),
  email: Type.Optional(Type.String({ format: 'email', maxLength: EMAIL_MAX })),
  language: Type.String({ pattern: '^[a-z]{2,3}$', 'x-error': 'field.languageCode' }),
  accessibility: Type.Optional(Type.String({ maxLength: ACCESSIBILITY_MAX })),
};

/** HTML forms: a ticked checkbox arrives as "1", an unticked one not at all. */
const ticked = Type.Literal('1');
export const IntakeForm = Type.Object({
  ...common,
  /** A language by its name in any language or its code ("Tigrinya", "tigriña", "ti"). */
  otherLanguage: Type.Optional(Type.String({ maxLength: 60 })),
  languageRequired: Type.Optional(ticked),
  needsCar: Type.Optional(ticked),
  consent: Type.Literal('1', { 'x-error': 'field.consent' }),
  /** The form's one-time token (see request-requester.service.ts#FORM_TOKEN). */
  once: Type.Optional(Type.String({ maxLength: 64 })),
});

export const IntakeApi = Type.Object(
  {
    ...common,
    languageRequired: Type.Optional(Type.Boolean()),
    needsCar: Type.Optional(Type.Boolean()),
    consent: Type.Literal(true),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);

export const StatusForm = Type.Object({
  to: literals(STATUSES),
  reason: Type.Optional(literals(CLOSE_REASONS)),
});

export const COMM_CHANNELS = ['call', 'sms', 'email', 'note', 'visit'] as const;
export const COMM_OUTCOMES = [
  'reached',
  'no_answer',
  'left_message',
  'wrong_number',
  'done',
] as const;

export const CommunicationForm = Type.Object({
  channel: literals(COMM_CHANNELS),
  outcome: Type.Optional(literals(COMM_OUTCOMES)),
  note: Type.Optional(Type.String({ maxLength: DETAILS_MAX })),
  followUp: Type.Optional(ticked),
});

/** Hours logged on a task: up to 24 in quarter hours. */
export const DoneForm = Type.Object({
  hours: Type.Number({ minimum: 0.25, maximum: 24, 'x-error': 'field.hours' }),
});

export const FEEDBACK_OUTCOMES = ['helped', 'partly', 'no_show', 'not_needed'] as const;
export const FeedbackForm = Type.Object({
  outcome: literals(FEEDBACK_OUTCOMES),
  rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  comment: Type.Optional(Type.String({ maxLength: DETAILS_MAX })),
});

/** A coordinator gives a task to (or offers it by text to) one volunteer. */
export const AssignForm = Type.Object({
  volunteerId: Type.String({ minLength: 1, maxLength: 40 }),
});

/** Taking a request, giving it to another coordinator or to nobody ('' is nobody). */
export const OwnerForm = Type.Object({
  coordinatorId: Type.String({ maxLength: 40 }),
});

/**
 * Editing a request (request-edit.pages.tsx): intake's fields, and `version`, the fingerprint
 * of the request as the form showed it (a change meanwhile is refused, nothing overwritten).
 */
export const EditForm = Type.Object({
  category: common.category,
  details: common.details,
  urgency: common.urgency,
  householdSize: common.householdSize,
  areaId: common.areaId,
  address: common.address,
  name: common.name,
  phone: common.phone,
  email: common.email,
  language: common.language,
  accessibility: common.accessibility,
  version: Type.String({ minLength: 1, maxLength: 64 }),
});

/** A note between coordinators on a request (request-edit.service.ts#addInternalNote). */
export const InternalNoteForm = Type.Object({
  note: Type.String({ minLength: 1, maxLength: 2000 }),
});
