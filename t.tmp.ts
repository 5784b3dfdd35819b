import { readFileSync } from 'node:fs';
import { importXlsForm } from './src/domain/surveys/xlsform/import.ts';
for (const f of process.argv.slice(2)) {
  const t = Date.now();
  const r = importXlsForm(readFileSync(`/work/shared/standards/xlsform/${f}.xlsx`), { fallbackLanguage: 'en' });
  console.log('=====', f, Date.now() - t, 'ms', r.ok);
  if (!r.ok) { console.log(r); continue; }
  console.log(JSON.stringify({ ...r.survey, choiceLists: r.survey.choiceLists.map((l) => `${l.name}:${l.choices.length}`) }, null, 1).slice(0, 6000));
  for (const i of r.issues) console.log(i.sheet, i.row, i.column, i.reason, i.severity, JSON.stringify(i.params ?? {}));
  console.log('problems', JSON.stringify(r.problems));
}
