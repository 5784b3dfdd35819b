import { Type } from 'typebox';
import { AUDIENCE_ROLES } from '../../domain/announcements/audience.ts';
import { LANGUAGES } from '../../i18n/i18n.ts';

/** A subject line: fits an email client's list and the start of a text. */
export const TITLE_MAX = 120;
/**
 * 2,000 characters: a few paragraphs by email. A text carries the title and the start of the
 * body within three segments (notification.service.ts), with the link to read the rest.
 */
export const BODY_MAX = 2000;

/** The form a coordinator fills in; `intent` is the button pressed (preview or send). */
export const AnnouncementForm = Type.Object({
  title: Type.String({ minLength: 1, maxLength: TITLE_MAX }),
  body: Type.String({ minLength: 1, maxLength: BODY_MAX }),
  language: Type.Enum(LANGUAGES),
  audienceRole: Type.Enum(AUDIENCE_ROLES, { default: 'everyone' }),
  audienceAreaId: Type.Optional(Type.String({ maxLength: 40 })),
  audienceLanguage: Type.Optional(Type.Enum(LANGUAGES)),
  public: Type.Optional(Type.Literal('1')),
  intent: Type.Optional(Type.Enum(['preview', 'send'])),
});

/** The digest opt-in: a checkbox posts "1" when ticked and nothing when not. */
export const DigestForm = Type.Object({ digest: Type.Optional(Type.Literal('1')) });
