// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes a reference to an answer as ${name}, inside plain strings.
import type { AnswerContext } from '../../../src/domain/surveys/answers.ts';
import type { Survey } from '../../../src/domain/surveys/survey.ts';

/** A needs-and-assets survey in English and Spanish, using every question type. */
export const needsSurvey: Survey = {
  title: 'Needs and assets',
  formId: 'needs',
  version: '1',
  languages: [
    { code: 'en', name: 'English' },
    { code: 'es', name: 'Spanish' },
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
          constraint: '. >= 1 and . <= 20',
          constraintMessage: { en: 'Between 1 and 20', es: 'Entre 1 y 20' },
        },
        {
          name: 'home',
          type: 'area',
          label: { en: 'Where do you live?', es: '¿Dónde vive?' },
          required: true,
        },
        {
          name: 'needs',
          type: 'multiple_choice',
          choiceList: 'needs',
          label: { en: 'What do you need?', es: '¿Qué necesita?' },
          hint: { en: 'All that apply' },
          required: true,
          constraint: 'count-selected(.) <= 3',
          constraintMessage: { en: 'Three at most', es: 'Tres como máximo' },
        },
        {
          name: 'car',
          type: 'yes_no',
          label: { en: 'Can you drive others?', es: '¿Puede llevar a otras personas?' },
          required: false,
        },
      ],
    },
    {
      name: 'food',
      label: { en: 'Food', es: 'Comida' },
      relevant: "selected(${needs}, 'food')",
      questions: [
        {
          name: 'diet',
          type: 'single_choice',
          choiceList: 'diet',
          label: {
            en: 'Any diet for ${people} people?',
            es: '¿Alguna dieta para ${people} personas?',
          },
          required: true,
          requiredMessage: { en: 'Please choose one', es: 'Elija una' },
        },
      ],
    },
    {
      name: 'place',
      label: { en: 'Place', es: 'Lugar' },
      questions: [
        {
          name: 'region',
          type: 'single_choice',
          choiceList: 'region',
          label: { en: 'Region', es: 'Región' },
          required: true,
        },
        {
          name: 'district',
          type: 'single_choice',
          choiceList: 'district',
          choiceFilter: 'region = ${region}',
          label: { en: 'District', es: 'Distrito' },
          required: true,
        },
      ],
    },
    {
      name: 'more',
      label: { en: 'A little more', es: 'Un poco más' },
      questions: [
        {
          name: 'thanks',
          type: 'note',
          label: { en: 'Thank you!', es: '¡Gracias!' },
          required: false,
        },
        {
          name: 'mood',
          type: 'rating',
          scale: { min: 1, max: 5 },
          label: { en: 'How are you?', es: '¿Cómo está?' },
          required: false,
        },
        {
          name: 'when',
          type: 'date',
          label: { en: 'From when?', es: '¿Desde cuándo?' },
          required: false,
          constraint: '. >= today()',
          constraintMessage: { en: 'Today or later', es: 'Hoy o después' },
        },
        {
          name: 'comments',
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
        { name: 'rides', label: { en: 'Rides', es: 'Transporte' }, columns: {} },
        { name: 'medicine', label: { en: 'Medicine pickup', es: 'Medicamentos' }, columns: {} },
        { name: 'childcare', label: { en: 'Childcare', es: 'Cuidado infantil' }, columns: {} },
      ],
    },
    {
      name: 'diet',
      choices: [
        { name: 'none', label: { en: 'None', es: 'Ninguna' }, columns: {} },
        { name: 'halal', label: { en: 'Halal', es: 'Halal' }, columns: {} },
        { name: 'vegetarian', label: { en: 'Vegetarian', es: 'Vegetariana' }, columns: {} },
      ],
    },
    {
      name: 'region',
      choices: [
        { name: 'north', label: { en: 'North', es: 'Norte' }, columns: {} },
        { name: 'south', label: { en: 'South', es: 'Sur' }, columns: {} },
      ],
    },
    {
      name: 'district',
      choices: [
        { name: 'n1', label: { en: 'Hill', es: 'Colina' }, columns: { region: 'north' } },
        { name: 'n2', label: { en: 'Lake', es: 'Lago' }, columns: { region: 'north' } },
        { name: 's1', label: { en: 'Port', es: 'Puerto' }, columns: { region: 'south' } },
      ],
    },
  ],
};

export const ctx: AnswerContext = {
  today: '2025-03-31',
  areas: [
    { key: 'centro', label: { en: 'Centre', es: 'Centro' } },
    { key: 'riverside', label: { en: 'Riverside', es: 'Ribera' } },
  ],
};
