import type { AnswerError } from '../../domain/surveys/answers.ts';
import type { ImportIssue } from '../../domain/surveys/xlsform/types-map.ts';
import { en } from '../../i18n/en.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { PageCtx } from '../pages/page-context.ts';

const known = (key: string): key is MessageKey => key in en;

/** An import issue in words; a reason the catalogue does not name yet is shown by its code. */
export function issueText(ctx: PageCtx, issue: ImportIssue): string {
  const key = `xlsform.issue.${issue.reason}`;
  return known(key) ? ctx.t(key) : ctx.t('xlsform.issue.other', { code: issue.reason });
}

/** A builder check (`survey.check.*`, `survey.expression.*`) in words, or by its code. */
export function problemText(ctx: PageCtx, key: string): string {
  return known(key) ? ctx.t(key) : ctx.t('survey.problem.other', { code: key.split('.').pop()! });
}

/** An answer refused: the author's own message when there is one, else Mutua's words. */
export function answerErrorText(ctx: PageCtx, e: AnswerError): string {
  if (e.authorMessage) return e.authorMessage;
  return known(e.key) ? ctx.t(e.key, e.params) : ctx.t('survey.answer.constraint');
}
