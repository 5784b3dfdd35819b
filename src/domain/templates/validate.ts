/**
 * Checks a template document: first that it holds no personal data, then its shape against
 * the schema (every error with its JSON path and a message key), then what a schema cannot
 * say: references that point nowhere, keys used twice, texts missing the default language,
 * polygons that do not close, recurrence rules and time zones Mutua cannot follow.
 * Pure (ajv compiles the schema once, in memory).
 */
import { Ajv, type ErrorObject } from 'ajv';
import { parsePolygon } from '../geo/polygon.ts';
import { normaliseTags } from '../playbook/tags.ts';
import { isTimeZone } from '../time/zoned-time.ts';
import { parseRRule } from '../volunteering/recurrence.ts';
import { findPersonalData, type PersonalDataFinding } from './personal-data.ts';
import { type LocalText, type NetworkTemplate, TemplateSchema } from './schema.ts';

export interface TemplateIssue {
  path: string;
  key: string;
  params: Record<string, string | number>;
}

export type TemplateCheck =
  | { ok: true; template: NetworkTemplate; warnings: PersonalDataFinding[] }
  | { ok: false; errors: TemplateIssue[]; warnings: PersonalDataFinding[] };

const ajv = new Ajv({ allErrors: true, strict: false });
const validateShape = ajv.compile(TemplateSchema);
/** 50 errors: enough to fix a file, not a wall of text for a file of something else. */
const ERRORS_MAX = 50;

function issueOf(e: ErrorObject): TemplateIssue {
  const path = e.instancePath || '/';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return {
        path: `${e.instancePath}/${String(p.missingProperty)}`,
        key: 'template.error.required',
        params: {},
      };
    case 'additionalProperties':
      return {
        path: `${e.instancePath}/${String(p.additionalProperty)}`,
        key: 'template.error.unknownField',
        params: {},
      };
    case 'type':
      return { path, key: 'template.error.type', params: { expected: String(p.type) } };
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      return { path, key: 'template.error.tooFew', params: { min: Number(p.limit) } };
    case 'maxLength':
    case 'maxItems':
    case 'maxProperties':
      return { path, key: 'template.error.tooMany', params: { max: Number(p.limit) } };
    case 'minimum':
    case 'maximum':
      return {
        path,
        key: 'template.error.range',
        params: { limit: Number(p.limit), comparison: String(p.comparison) },
      };
    case 'pattern':
      return { path, key: 'template.error.pattern', params: {} };
    case 'const':
      return { path, key: 'template.error.value', params: { expected: String(p.allowedValue) } };
    default:
      return { path, key: 'template.error.invalid', params: {} };
  }
}

/** ajv reports a failed union once per branch; one issue per path is what a person needs. */
function shapeIssues(errors: readonly ErrorObject[]): TemplateIssue[] {
  const byPath = new Map<string, TemplateIssue>();
  for (const e of errors) {
    const issue = issueOf(e);
    const prev = byPath.get(issue.path);
    // A union's summary ("anyOf") says less than the branch error that came before it.
    if (!prev || prev.key === 'template.error.invalid') byPath.set(issue.path, issue);
  }
  return [...byPath.values()];
}

function semanticIssues(t: NetworkTemplate): TemplateIssue[] {
  const out: TemplateIssue[] = [];
  const add = (path: string, key: string, params: Record<string, string | number> = {}) =>
    out.push({ path, key: `template.error.${key}`, params });
  const lang = t.meta.defaultLanguage;
  if (!t.meta.languages.includes(lang))
    add('/meta/defaultLanguage', 'languageNotListed', { language: lang });
  const needsDefault = (text: LocalText, path: string) => {
    if (!(lang in text)) add(path, 'defaultLanguageMissing', { language: lang });
    for (const l of Object.keys(text))
      if (!t.meta.languages.includes(l)) add(`${path}/${l}`, 'languageNotListed', { language: l });
  };
  needsDefault(t.meta.name, '/meta/name');
  needsDefault(t.meta.description, '/meta/description');
  if (t.settings.timeZone !== null && !isTimeZone(t.settings.timeZone))
    add('/settings/timeZone', 'timeZone', { value: t.settings.timeZone });

  const unique = (values: string[], path: (i: number) => string, what: string) => {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (seen.has(v)) add(path(i), 'duplicate', { what, value: v });
      seen.add(v);
    });
    return seen;
  };
  const categories = unique(
    t.categories.map((c) => c.key),
    (i) => `/categories/${i}/key`,
    'category',
  );
  t.categories.forEach((c, i) => {
    needsDefault(c.labels, `/categories/${i}/labels`);
  });
  const areas = unique(
    t.areas.map((a) => a.ref),
    (i) => `/areas/${i}/ref`,
    'area',
  );
  t.areas.forEach((a, i) => {
    if ((a.radiusM === undefined) === (a.polygon === undefined)) add(`/areas/${i}`, 'areaShape');
    if (a.polygon && !parsePolygon(JSON.stringify(a.polygon)))
      add(`/areas/${i}/polygon`, 'polygon');
  });
  const trainings = unique(
    t.trainings.map((x) => x.ref),
    (i) => `/trainings/${i}/ref`,
    'training',
  );
  t.trainings.forEach((x, i) => {
    needsDefault(x.name, `/trainings/${i}/name`);
    x.categories.forEach((c, j) => {
      if (!categories.has(c)) add(`/trainings/${i}/categories/${j}`, 'unknownRef', { value: c });
    });
  });
  unique(
    t.roles.map((r) => r.key),
    (i) => `/roles/${i}/key`,
    'role',
  );
  t.roles.forEach((r, i) => {
    needsDefault(r.labels, `/roles/${i}/labels`);
    r.trainings.forEach((ref, j) => {
      if (!trainings.has(ref)) add(`/roles/${i}/trainings/${j}`, 'unknownRef', { value: ref });
    });
  });
  unique(
    t.items.map((x) => x.ref),
    (i) => `/items/${i}/ref`,
    'item',
  );
  t.items.forEach((x, i) => {
    needsDefault(x.name, `/items/${i}/name`);
  });
  unique(
    t.eventSeries.map((s) => s.ref),
    (i) => `/eventSeries/${i}/ref`,
    'series',
  );
  t.eventSeries.forEach((s, i) => {
    needsDefault(s.title, `/eventSeries/${i}/title`);
    if (s.areaRef !== null && !areas.has(s.areaRef))
      add(`/eventSeries/${i}/areaRef`, 'unknownRef', { value: s.areaRef });
    if (!parseRRule(s.rrule)) add(`/eventSeries/${i}/rrule`, 'rrule', { value: s.rrule });
    s.shifts.forEach((sh, j) => {
      if (sh.offsetMin + sh.durationMin > s.durationMin + 240)
        add(`/eventSeries/${i}/shifts/${j}`, 'shiftOutsideEvent');
    });
  });
  unique(
    t.playbook.map((p) => p.slug),
    (i) => `/playbook/${i}/slug`,
    'page',
  );
  t.playbook.forEach((p, i) => {
    if (!(lang in p.translations))
      add(`/playbook/${i}/translations`, 'defaultLanguageMissing', { language: lang });
    const { tags, problems } = normaliseTags(p.tags);
    if (problems.length || tags.join(',') !== p.tags.join(','))
      add(`/playbook/${i}/tags`, 'tagsNotNormal');
  });
  unique(
    t.surveys.map((s) => s.key),
    (i) => `/surveys/${i}/key`,
    'survey',
  );
  unique(
    t.agreements.map((s) => s.key),
    (i) => `/agreements/${i}/key`,
    'agreement',
  );
  return out;
}

/** The whole check; a template that passes is safe to import and to share. */
export function checkTemplate(doc: unknown): TemplateCheck {
  const findings = findPersonalData(doc);
  const warnings = findings.filter((f) => f.severity === 'warning');
  const personal = findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({ path: f.path, key: f.key, params: {} }));
  if (personal.length) return { ok: false, errors: personal.slice(0, ERRORS_MAX), warnings };
  if (!validateShape(doc))
    return {
      ok: false,
      errors: shapeIssues(validateShape.errors ?? []).slice(0, ERRORS_MAX),
      warnings,
    };
  const template = doc as NetworkTemplate;
  const errors = semanticIssues(template);
  if (errors.length) return { ok: false, errors: errors.slice(0, ERRORS_MAX), warnings };
  return { ok: true, template, warnings };
}

/** A template file's text, parsed and checked; a file that is not JSON says so at "/". */
export function checkTemplateText(text: string): TemplateCheck {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return {
      ok: false,
      errors: [{ path: '/', key: 'template.error.json', params: {} }],
      warnings: [],
    };
  }
  return checkTemplate(doc);
}
