import type { Survey } from '../../src/domain/surveys/survey.ts';
import { insertSurvey } from '../../src/server/surveys/survey.repository.ts';
import { newId } from '../../src/shared/ids.ts';
import type { TestContext } from '../helpers/context.ts';

/**
 * A small needs survey in English and Spanish: a number with a constraint and its message,
 * a required multiple choice, a section shown only when "other" is chosen, then a yes/no,
 * a rating, an area and a free-text comment.
 */
export const NEEDS_SURVEY: Survey = {
  title: 'Needs survey',
  formId: 'needs',
  version: '1',
  languages: [
    { code: 'en', name: 'English' },
    { code: 'es', name: 'Español' },
  ],
  defaultLanguage: 'en',
  sections: [
    {
      name: 'household',
      label: { en: 'Your household', es: 'Su hogar' },
      questions: [
        {
          name: 'people',
          type: 'number',
          integer: true,
          label: { en: 'How many people live with you?', es: '¿Cuántas personas viven con usted?' },
          required: true,
          constraint: '. > 0 and . < 30',
          constraintMessage: { en: 'Between 1 and 29 people', es: 'Entre 1 y 29 personas' },
        },
        {
          name: 'needs',
          type: 'multiple_choice',
          choiceList: 'needs',
          label: { en: 'What do you need?', es: '¿Qué necesita?' },
          required: true,
        },
      ],
    },
    {
      name: 'other_section',
      label: { en: 'Other needs', es: 'Otras necesidades' },
      relevant: "selected(${needs}, 'other')",
      questions: [
        {
          name: 'other_need',
          type: 'text',
          label: { en: 'What else do you need?', es: '¿Qué más necesita?' },
          required: true,
        },
      ],
    },
    {
      name: 'last',
      label: { en: 'Last questions', es: 'Últimas preguntas' },
      questions: [
        {
          name: 'helped',
          type: 'yes_no',
          label: { en: 'Has the network helped you?', es: '¿La red le ha ayudado?' },
          required: false,
        },
        {
          name: 'score',
          type: 'rating',
          scale: { min: 1, max: 5 },
          label: { en: 'How well are we doing?', es: '¿Qué tal lo hacemos?' },
          required: false,
        },
        {
          name: 'where',
          type: 'area',
          label: { en: 'Where do you live?', es: '¿Dónde vive?' },
          required: false,
        },
        {
          name: 'comment',
          type: 'text',
          label: { en: 'Anything else?', es: '¿Algo más?' },
          required: false,
        },
      ],
    },
  ],
  choiceLists: [
    {
      name: 'needs',
      choices: [
        { name: 'food', label: { en: 'Food', es: 'Comida' }, columns: {} },
        { name: 'medicine', label: { en: 'Medicine', es: 'Medicinas' }, columns: {} },
        { name: 'other', label: { en: 'Something else', es: 'Otra cosa' }, columns: {} },
      ],
    },
  ],
};

/** Stores an open survey in a network (as the builder or an upload would), returns its id. */
export async function openSurvey(
  ctx: TestContext,
  networkId: string,
  definition: Survey = NEEDS_SURVEY,
): Promise<string> {
  const id = newId();
  await insertSurvey(ctx.db, {
    id,
    networkId,
    title: definition.title,
    status: 'open',
    definition,
    importIssues: [],
    createdAt: ctx.clock.now().toISOString(),
    createdBy: null,
  });
  return id;
}
