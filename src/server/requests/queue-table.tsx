import { URGENCIES } from '../../domain/requests/categories.ts';
import { formatCode } from '../../domain/requests/request-code.ts';
import { STATUSES } from '../../domain/requests/request-status.ts';
import { durationWords } from '../../domain/text/durations.ts';
import { languageName } from '../../domain/text/language-names.ts';
import { type MessageKey, plural } from '../../i18n/i18n.ts';
import type { Area } from '../core/area.ts';
import type { NetworkScope } from '../core/scope.ts';
import { areaOptions, ChoiceGroup } from '../pages/choices.tsx';
import { Field, Pager, SelectField } from '../pages/components.tsx';
import { Form, PostButton } from '../pages/form.tsx';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import type { PageCtx } from '../pages/page-context.ts';
import { scriptSrc } from '../pages/static-assets.ts';
import type { QueueMapData } from './queue-map.service.ts';
import { QueueMap } from './queue-map.tsx';
import type { QueueView } from './queue-view.repository.ts';
import type { QueueItem, QueueSort } from './request-queue.repository.ts';
import { QUEUE_PAGE_SIZE, type QueueQuery } from './request-queue.service.ts';

/** The queue's columns in order: the key its header sorts by, and its label. */
const COLUMNS: { sort: QueueSort; label: MessageKey }[] = [
  { sort: 'code', label: 'queue.code' },
  { sort: 'category', label: 'queue.category' },
  { sort: 'urgency', label: 'ask.urgency' },
  { sort: 'area', label: 'ask.area' },
  { sort: 'status', label: 'queue.status' },
  { sort: 'waited', label: 'queue.waited' },
  { sort: 'language', label: 'queue.languageColumn' },
  { sort: 'assignee', label: 'queue.assignee' },
];

export interface QueuePageProps {
  ctx: PageCtx;
  scope: NetworkScope;
  items: QueueItem[];
  /** Open requests per 500 m cell, beside the queue (coordinators only). */
  map?: QueueMapData | undefined;
  total: number;
  unsearchable: boolean;
  query: QueueQuery;
  /** The address's query string without the page: what a saved view, the export and sort keep. */
  raw: Record<string, string>;
  areas: Area[];
  coordinators: { id: string; name: string }[];
  views: QueueView[];
  now: Date;
  bulkState?: FormState | undefined;
  viewState?: FormState | undefined;
  /** What the last bulk action did (from the address after its redirect). */
  done?: { changed: number; skipped: string[] } | undefined;
}

const qs = (o: Record<string, string>) => new URLSearchParams(o).toString();

function SortHeader({
  ctx,
  base,
  raw,
  query,
  sort,
  label,
}: {
  ctx: PageCtx;
  base: string;
  raw: Record<string, string>;
  query: QueueQuery;
  sort: QueueSort;
  label: string;
}) {
  const active = query.sort === sort;
  const nextDir = active && !query.descending ? 'desc' : 'asc';
  const href = `${base}?${qs({ ...raw, sort, dir: nextDir })}`;
  return (
    <th
      scope="col"
      aria-sort={active ? (query.descending ? 'descending' : 'ascending') : undefined}
    >
      <a href={href}>
        {label}
        {active && (
          <span class="sort-mark">
            {' '}
            {query.descending ? '↓' : '↑'}
            <span class="visually-hidden">
              {' '}
              {ctx.t(query.descending ? 'queue.sortedDesc' : 'queue.sortedAsc')}
            </span>
          </span>
        )}
      </a>
    </th>
  );
}

function UrgencyBadge({ ctx, urgency }: { ctx: PageCtx; urgency: QueueItem['urgency'] }) {
  // The word is the badge; colour and the mark only repeat it (never colour alone).
  const mark = urgency === 'critical' ? '!!' : urgency === 'high' ? '!' : '';
  return (
    <span class={`urgency urgency-${urgency}`}>
      {mark && <span aria-hidden="true">{mark} </span>}
      {ctx.t(`urgency.${urgency}`)}
    </span>
  );
}

function Row({ ctx, r, href, now }: { ctx: PageCtx; r: QueueItem; href: string; now: Date }) {
  const { t } = ctx;
  const code = formatCode(r.code);
  return (
    <tr class="queue-row">
      <td class="tick">
        <input
          type="checkbox"
          name={`tick.${r.id}`}
          value="1"
          id={`tick-${r.id}`}
          aria-labelledby={`code-${r.id}`}
        />
      </td>
      <td data-label={t('queue.code')}>
        <a href={href} class="open" id={`code-${r.id}`}>
          {code}
        </a>
        {r.duplicateFlag && <span class="flag"> {t('queue.possibleDuplicate')}</span>}
        {r.manyFromAddress && <span class="flag"> {t('queue.manyFromAddress')}</span>}
      </td>
      <td data-label={t('queue.category')}>{t(`category.${r.category}` as MessageKey)}</td>
      <td data-label={t('queue.need')} class="need">
        {r.needExcerpt ?? <span class="muted">—</span>}
      </td>
      <td data-label={t('ask.urgency')}>
        <UrgencyBadge ctx={ctx} urgency={r.urgency} />
      </td>
      <td data-label={t('ask.area')}>{r.areaName ?? '—'}</td>
      <td data-label={t('queue.status')}>{t(`statusName.${r.status}`)}</td>
      <td data-label={t('queue.waited')}>
        {durationWords(now.getTime() - Date.parse(r.createdAt), ctx.lang, {
          justNow: t('queue.justNow'),
        })}
      </td>
      <td data-label={t('queue.languageColumn')}>{languageName(r.language, ctx.lang)}</td>
      <td data-label={t('queue.assignee')}>
        {r.ownerName ?? t('queue.nobody')}
        {r.volunteerName && (
          <span class="muted"> · {t('queue.volunteerIs', { name: r.volunteerName })}</span>
        )}
      </td>
    </tr>
  );
}

function Filters({ ctx, scope, raw, areas, coordinators }: QueuePageProps) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}/requests`;
  return (
    <form method="get" action={base} class="filters">
      <Field
        ctx={ctx}
        name="q"
        label={t('queue.search')}
        hint={t('queue.searchHint')}
        values={raw}
      />
      <SelectField
        ctx={ctx}
        name="status"
        label={t('queue.status')}
        values={raw}
        options={[
          { value: 'open', label: t('queue.allOpen') },
          ...STATUSES.map((s) => ({ value: s, label: t(`statusName.${s}`) })),
        ]}
      />
      <SelectField
        ctx={ctx}
        name="category"
        label={t('queue.category')}
        values={raw}
        options={[
          { value: '', label: t('queue.any') },
          ...scope.network.categories.map((c) => ({
            value: c,
            label: t(`category.${c}` as MessageKey),
          })),
        ]}
      />
      <SelectField
        ctx={ctx}
        name="urgency"
        label={t('ask.urgency')}
        values={raw}
        options={[
          { value: '', label: t('queue.any') },
          ...URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) })),
        ]}
      />
      <SelectField
        ctx={ctx}
        name="areaId"
        label={t('ask.area')}
        values={raw}
        options={areaOptions(areas, t('queue.any'))}
      />
      <Field
        ctx={ctx}
        name="language"
        label={t('queue.languageColumn')}
        hint={t('queue.languageHint')}
        values={raw}
      />
      <SelectField
        ctx={ctx}
        name="owner"
        label={t('queue.assignee')}
        values={raw}
        options={[
          { value: '', label: t('queue.anyone') },
          { value: 'me', label: t('queue.me') },
          { value: 'none', label: t('queue.nobody') },
          ...coordinators.map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      <Field
        ctx={ctx}
        name="older"
        label={t('queue.olderThanDays')}
        inputmode="numeric"
        values={raw}
      />
      <ChoiceGroup
        ctx={ctx}
        name="followUp"
        legend={t('queue.followUpLegend')}
        type="checkbox"
        options={[{ field: 'followUp', value: 'yes', label: t('queue.followUpOnly') }]}
        values={raw}
      />
      {raw.sort && <input type="hidden" name="sort" value={raw.sort} />}
      {raw.dir && <input type="hidden" name="dir" value={raw.dir} />}
      <div class="field">
        <button type="submit" class="button secondary">
          {t('people.filter')}
        </button>
      </div>
    </form>
  );
}

function SavedViews({ ctx, scope, raw, views, viewState }: QueuePageProps) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}/requests`;
  const current = qs(raw);
  return (
    <section aria-labelledby="views-title" class="saved-views">
      <h2 id="views-title">{t('queue.views.title')}</h2>
      {views.length === 0 ? (
        <p class="muted">{t('queue.views.none')}</p>
      ) : (
        <ul>
          {views.map((v) => (
            <li key={v.id}>
              <a
                href={`${base}?${v.query}`}
                aria-current={v.query === current ? 'page' : undefined}
              >
                {v.name}
              </a>{' '}
              <PostButton
                ctx={ctx}
                action={`${base}/views/delete`}
                label={t('queue.views.delete', { name: v.name })}
                fields={{ id: v.id, back: current }}
                look="link"
              />
            </li>
          ))}
        </ul>
      )}
      <Form ctx={ctx} action={`${base}/views`} state={viewState} class="inline-form">
        <input type="hidden" name="query" value={current} />
        <Field
          ctx={ctx}
          name="name"
          label={t('queue.views.name')}
          values={viewState?.values}
          errors={viewState?.errors}
        />
        <button type="submit" class="button secondary">
          {t('queue.views.save')}
        </button>
      </Form>
    </section>
  );
}

function BulkControls({ ctx, areas, coordinators, bulkState }: QueuePageProps) {
  const { t } = ctx;
  const v = bulkState?.values;
  const e = bulkState?.errors;
  return (
    <fieldset class="bulk">
      <legend>{t('queue.bulk.legend')}</legend>
      <SelectField
        ctx={ctx}
        name="action"
        label={t('queue.bulk.action')}
        values={v}
        errors={e}
        options={[
          { value: '', label: t('queue.bulk.choose') },
          { value: 'owner', label: t('queue.bulk.owner') },
          { value: 'urgency', label: t('queue.bulk.urgency') },
          { value: 'area', label: t('queue.bulk.area') },
          { value: 'close_duplicate', label: t('queue.bulk.closeDuplicate') },
          { value: 'close_withdrawn', label: t('queue.bulk.closeWithdrawn') },
        ]}
      />
      <SelectField
        ctx={ctx}
        name="coordinatorId"
        label={t('queue.bulk.toCoordinator')}
        values={v}
        errors={e}
        options={[
          { value: '', label: t('queue.nobody') },
          ...coordinators.map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      <SelectField
        ctx={ctx}
        name="urgency"
        label={t('queue.bulk.toUrgency')}
        values={v}
        errors={e}
        options={[
          { value: '', label: t('queue.bulk.choose') },
          ...URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) })),
        ]}
      />
      <SelectField
        ctx={ctx}
        name="areaId"
        label={t('queue.bulk.toArea')}
        values={v}
        errors={e}
        options={areaOptions(areas, t('queue.bulk.noArea'))}
      />
      <div class="field">
        <button type="submit" class="button">
          {t('queue.bulk.apply')}
        </button>
      </div>
    </fieldset>
  );
}

export function QueuePage(p: QueuePageProps) {
  const { ctx, scope, items, total, query, raw } = p;
  const { t } = ctx;
  const base = `/n/${scope.network.slug}/requests`;
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const pageHref = (n: number) => `${base}?${qs({ ...raw, page: String(n) })}`;
  const back = qs({ ...raw, ...(query.page > 1 ? { page: String(query.page) } : {}) });
  return (
    <Layout ctx={ctx} title={t('queue.title')}>
      <h1>{t('queue.title')}</h1>
      <p>
        <a class="skip-table" href="#queue-table">
          {t('queue.skipToTable')}
        </a>{' '}
        · <a href={`${base}/new`}>{t('queue.newByPhone')}</a> ·{' '}
        <a href={`/n/${scope.network.slug}/dispatch`}>{t('queue.dispatch')}</a>
      </p>
      {p.done && (
        <div class="notice" role="status">
          <p>{t('queue.bulk.done', { count: p.done.changed })}</p>
          {p.done.skipped.length > 0 && (
            <p>{t('queue.bulk.skipped', { codes: p.done.skipped.map(formatCode).join(', ') })}</p>
          )}
        </div>
      )}
      <p class="muted">{t('queue.priority')}</p>
      <Filters {...p} />
      <SavedViews {...p} />
      <h2 id="queue-table" tabindex={-1}>
        {p.unsearchable
          ? t('queue.unsearchable')
          : t(plural(ctx.lang, 'queue.count', total), { count: total })}
      </h2>
      <p>
        <a href={`${base}.csv?${qs(raw)}`} download>
          {t('queue.export')}
        </a>
      </p>
      <Form ctx={ctx} action={`${base}/bulk`} state={p.bulkState} class="bulk-form">
        <input type="hidden" name="back" value={back} />
        <p class="hint keys-hint" hidden>
          {t('queue.keysHint')}
        </p>
        <section class="table-wrap queue-table" tabindex={0} aria-labelledby="queue-table">
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">{t('queue.tickColumn')}</span>
                </th>
                {COLUMNS.flatMap((c) => [
                  <SortHeader
                    key={c.sort}
                    ctx={ctx}
                    base={base}
                    raw={raw}
                    query={query}
                    sort={c.sort}
                    label={t(c.label)}
                  />,
                  // The need is free text: an excerpt to read, not a column to sort.
                  c.sort === 'category' ? (
                    <th key="need" scope="col">
                      {t('queue.need')}
                    </th>
                  ) : null,
                ])}
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <Row key={r.id} ctx={ctx} r={r} href={`${base}/${r.id}`} now={p.now} />
              ))}
            </tbody>
          </table>
        </section>
        <BulkControls {...p} />
      </Form>
      <Pager ctx={ctx} page={query.page} pages={pages} href={pageHref} />
      {p.map && <QueueMap ctx={ctx} map={p.map} />}
      <script src={scriptSrc('queue')} defer />
    </Layout>
  );
}
