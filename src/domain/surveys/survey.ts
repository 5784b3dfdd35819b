/**
 * A survey as Mutua keeps it: plain data (JSON in a survey version row), sections of
 * questions, choice lists, and expressions kept as their text (checked on save, parsed
 * once per process when answered). The names follow XLSForm, so an imported form and the
 * builder's forms are the same thing: `relevant` is the builder's "show when".
 */

/** Text in several languages, by language code ('en', 'es', 'sw'). */
export type Localised = Readonly<Record<string, string>>;

export const QUESTION_TYPES = [
  'text',
  'number',
  'single_choice',
  'multiple_choice',
  'rating',
  'date',
  'yes_no',
  /** One of the network's areas (the list comes from the network, not the survey). */
  'area',
  /** Text shown, nothing asked (XLSForm `note`). */
  'note',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface Question {
  readonly name: string;
  readonly type: QuestionType;
  readonly label: Localised;
  readonly hint?: Localised;
  readonly required: boolean;
  readonly requiredMessage?: Localised;
  /** Show when: an expression over earlier answers; absent = always shown. */
  readonly relevant?: string;
  /** Checked on a non-empty answer; `.` is the answer. */
  readonly constraint?: string;
  readonly constraintMessage?: Localised;
  /** single_choice and multiple_choice: the name of a choice list of the survey. */
  readonly choiceList?: string;
  /** Which choices are offered: an expression over a choice's columns and the answers. */
  readonly choiceFilter?: string;
  /** number: whole numbers only (XLSForm `integer`) or any decimal. */
  readonly integer?: boolean;
  /** rating: the lowest and highest point of the scale (whole numbers, at most 11 points). */
  readonly scale?: { readonly min: number; readonly max: number };
  /** The answer filled in before the person answers (a literal, in the answer's syntax). */
  readonly default?: string;
  /** XLSForm appearance words, kept for export (`multiline` makes a text box taller). */
  readonly appearance?: string;
}

export interface Section {
  readonly name: string;
  readonly label: Localised;
  readonly relevant?: string;
  readonly appearance?: string;
  readonly questions: readonly Question[];
}

export interface Choice {
  readonly name: string;
  readonly label: Localised;
  /** Extra columns of the choices sheet, read by choice filters (`region` of a district). */
  readonly columns: Readonly<Record<string, string>>;
}

export interface ChoiceList {
  readonly name: string;
  readonly choices: readonly Choice[];
}

export interface Language {
  readonly code: string;
  /** As the XLSForm column names it ("English" in `label::English (en)`). */
  readonly name: string;
}

export interface Survey {
  readonly title: string;
  readonly formId: string;
  readonly version: string;
  readonly languages: readonly Language[];
  readonly defaultLanguage: string;
  readonly sections: readonly Section[];
  readonly choiceLists: readonly ChoiceList[];
}

/** Scale of a rating question with none set: 1 to 5. */
export const DEFAULT_SCALE = { min: 1, max: 5 } as const;
/** A rating has at most 11 points (0-10): more cannot be read as numbered choices by text. */
export const MAX_SCALE_POINTS = 11;

/** Every question in document order. */
export function allQuestions(survey: Survey): Question[] {
  return survey.sections.flatMap((s) => s.questions);
}

export function findQuestion(survey: Survey, name: string): Question | undefined {
  for (const s of survey.sections) for (const q of s.questions) if (q.name === name) return q;
  return undefined;
}

export function sectionOf(survey: Survey, questionName: string): Section | undefined {
  return survey.sections.find((s) => s.questions.some((q) => q.name === questionName));
}

export function findChoiceList(survey: Survey, name: string | undefined): ChoiceList | undefined {
  return name === undefined ? undefined : survey.choiceLists.find((l) => l.name === name);
}

export function scaleOf(q: Question): { min: number; max: number } {
  return q.scale ?? DEFAULT_SCALE;
}

/**
 * Text in the wanted language, else the survey's default language, else any language the
 * text has; '' when it has none. Authors often translate labels but not every hint.
 */
export function pick(text: Localised | undefined, language: string, fallback: string): string {
  if (!text) return '';
  const direct = text[language];
  if (direct !== undefined && direct !== '') return direct;
  const def = text[fallback];
  if (def !== undefined && def !== '') return def;
  for (const v of Object.values(text)) if (v !== '') return v;
  return '';
}

/** Whether a question type is answered by picking from a list of choices. */
export function isChoiceType(t: QuestionType): t is 'single_choice' | 'multiple_choice' {
  return t === 'single_choice' || t === 'multiple_choice';
}

/**
 * Answers that are shown to coordinators only, never counted in public results: free text
 * (it can name people) and dates (a birth date or the day of an event points at a person).
 */
export function isFreeText(q: Question): boolean {
  return q.type === 'text' || q.type === 'date';
}
