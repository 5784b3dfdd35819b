import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { importXlsForm } from './src/domain/surveys/xlsform/import.ts';
import { exportXlsForm } from './src/domain/surveys/xlsform/export.ts';
for (const f of ['socio-economic-survey-v20240515','UCL_Biomass_Plot_Form','mali_health','recensement_etablissements_scolaires_24']) {
  const lang = f.startsWith('recensement') ? 'fr' : 'en';
  let t = Date.now();
  const a = importXlsForm(readFileSync(`/work/shared/standards/xlsform/${f}.xlsx`), { fallbackLanguage: lang });
  const t1 = Date.now() - t; t = Date.now();
  if (!a.ok) throw new Error(f);
  const bytes = exportXlsForm(a.survey, { areas: [] });
  const b = importXlsForm(bytes, { fallbackLanguage: 'xx' });
  if (!b.ok) throw new Error('b ' + f);
  console.log(f, t1, 'ms', Date.now() - t, 'ms', bytes.length, 'bytes', isDeepStrictEqual(a.survey, b.survey), b.issues.length, JSON.stringify(b.issues.slice(0,3)));
  if (!isDeepStrictEqual(a.survey, b.survey)) { console.log(JSON.stringify(a.survey).slice(0, 1500)); console.log(JSON.stringify(b.survey).slice(0,1500)); }
}
