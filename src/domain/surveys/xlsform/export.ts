import type { AreaOption } from '../answers.ts';
import type { Localised, Question, Survey } from '../survey.ts';
import { AREA_APPEARANCE, RATING_APPEARANCE, YES_NO_APPEARANCE } from './import-question.ts';
import { writeWorkbook } from './workbook.ts';

/**
 * XLSForm export: a Mutua survey as an .xlsx that KoboToolbox and ODK read, and that Mutua
 * imports back into the same survey. Every section becomes a group; Mutua's own types go
 * through XLSForm as what ODK understands, marked so Mutua knows them again: yes/no and area
 * as `select_one` of a generated list with the appearance `mutua-yes-no` / `mutua-area`,
 * rating as `range` (`start=… end=… step=1`, appearance `rating`).
 */
export interface ExportOptions {
  /** The network's areas, written as the list of area questions (ODK needs the list). */
  readonly areas: readonly AreaOption[];
  /** Yes and No in each language (from the catalogue), for the generated yes/no list. */
  readonly yesNoLabels?: Readonly<Record<string, { yes: string; no: string }>>;
}

function freeName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

export function surveyRows(survey: Survey, opts: ExportOptions): Record<string, string[][]> {
  const langs = survey.languages;
  const header = (base: string) => langs.map((l) => `${base}::${l.name} (${l.code})`);
  const texts = (t: Localised | undefined) => langs.map((l) => t?.[l.code] ?? '');
  const questions = survey.sections.flatMap((s) => s.questions);
  const used = (f: (q: Question) => Localised | undefined) =>
    questions.some((q) => f(q) !== undefined);
  const withHint = used((q) => q.hint);
  const withReqMsg = used((q) => q.requiredMessage);
  const withConMsg = used((q) => q.constraintMessage);
  const taken = new Set(survey.choiceLists.map((l) => l.name));
  const yesNoList = freeName('mutua_yes_no', taken);
  taken.add(yesNoList);
  const areaList = freeName('mutua_areas', taken);

  const surveyHeader = [
    'type',
    'name',
    ...header('label'),
    ...(withHint ? header('hint') : []),
    'required',
    ...(withReqMsg ? header('required_message') : []),
    'relevant',
    'constraint',
    ...(withConMsg ? header('constraint_message') : []),
    'choice_filter',
    'default',
    'appearance',
    'parameters',
  ];
  const row = (
    cells: Partial<
      Record<
        | 'type'
        | 'name'
        | 'required'
        | 'relevant'
        | 'constraint'
        | 'choice_filter'
        | 'default'
        | 'appearance'
        | 'parameters',
        string
      >
    >,
    label?: Localised,
    q?: Question,
  ): string[] => [
    cells.type ?? '',
    cells.name ?? '',
    ...texts(label),
    ...(withHint ? texts(q?.hint) : []),
    cells.required ?? '',
    ...(withReqMsg ? texts(q?.requiredMessage) : []),
    cells.relevant ?? '',
    cells.constraint ?? '',
    ...(withConMsg ? texts(q?.constraintMessage) : []),
    cells.choice_filter ?? '',
    cells.default ?? '',
    cells.appearance ?? '',
    cells.parameters ?? '',
  ];
  const appearance = (...words: (string | undefined)[]) => words.filter(Boolean).join(' ');
  const rows: string[][] = [surveyHeader];
  let needYesNo = false;
  let needAreas = false;
  for (const s of survey.sections) {
    rows.push(
      row(
        { type: 'begin_group', name: s.name, relevant: s.relevant, appearance: s.appearance },
        s.label,
      ),
    );
    for (const q of s.questions) {
      const base = {
        name: q.name,
        required: q.required ? 'yes' : '',
        relevant: q.relevant,
        constraint: q.constraint,
        choice_filter: q.choiceFilter,
        default: q.default,
      };
      let cells: Parameters<typeof row>[0];
      switch (q.type) {
        case 'number':
          cells = { ...base, type: q.integer ? 'integer' : 'decimal', appearance: q.appearance };
          break;
        case 'single_choice':
          cells = { ...base, type: `select_one ${q.choiceList}`, appearance: q.appearance };
          break;
        case 'multiple_choice':
          cells = { ...base, type: `select_multiple ${q.choiceList}`, appearance: q.appearance };
          break;
        case 'yes_no':
          needYesNo = true;
          cells = {
            ...base,
            type: `select_one ${yesNoList}`,
            appearance: appearance(q.appearance, YES_NO_APPEARANCE),
          };
          break;
        case 'area':
          needAreas = true;
          cells = {
            ...base,
            type: `select_one ${areaList}`,
            appearance: appearance(q.appearance, AREA_APPEARANCE),
          };
          break;
        case 'rating': {
          const { min, max } = q.scale ?? { min: 1, max: 5 };
          cells = {
            ...base,
            type: 'range',
            parameters: `start=${min} end=${max} step=1`,
            appearance: appearance(q.appearance, RATING_APPEARANCE),
          };
          break;
        }
        default:
          cells = { ...base, type: q.type, appearance: q.appearance };
      }
      rows.push(row(cells, q.label, q));
    }
    rows.push(row({ type: 'end_group' }));
  }

  const filterColumns = [
    ...new Set(survey.choiceLists.flatMap((l) => l.choices.flatMap((c) => Object.keys(c.columns)))),
  ];
  const choices: string[][] = [['list_name', 'name', ...header('label'), ...filterColumns]];
  for (const l of survey.choiceLists) {
    for (const c of l.choices) {
      choices.push([
        l.name,
        c.name,
        ...texts(c.label),
        ...filterColumns.map((f) => c.columns[f] ?? ''),
      ]);
    }
  }
  if (needYesNo) {
    for (const v of ['yes', 'no'] as const) {
      const label = langs.map((lg) => opts.yesNoLabels?.[lg.code]?.[v] ?? v);
      choices.push([yesNoList, v, ...label, ...filterColumns.map(() => '')]);
    }
  }
  if (needAreas) {
    for (const a of opts.areas)
      choices.push([areaList, a.key, ...texts(a.label), ...filterColumns.map(() => '')]);
  }
  const def = langs.find((l) => l.code === survey.defaultLanguage);
  const settings = [
    ['form_title', 'form_id', 'version', 'default_language'],
    [
      survey.title,
      survey.formId,
      survey.version,
      def ? `${def.name} (${def.code})` : survey.defaultLanguage,
    ],
  ];
  return { survey: rows, choices, settings };
}

/** The .xlsx bytes of a survey. */
export function exportXlsForm(survey: Survey, opts: ExportOptions): Uint8Array {
  return writeWorkbook(surveyRows(survey, opts));
}
