import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { formatClock } from '../../domain/time/quiet-hours.ts';
import type { Deps } from '../core/deps.ts';
import { ChoiceGroup } from '../pages/choices.tsx';
import { Field, Pager, Submit, When } from '../pages/components.tsx';
import { Form, PostButton } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { doneNotice } from '../pages/notices.ts';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import type { InAppNotification, NotificationPrefs } from './notification.repository.ts';
import {
  myNotifications,
  myPreferences,
  NOTIFICATIONS_PAGE,
  readAllNotifications,
  saveMyPreferences,
} from './notification.service.ts';

const CLOCK = '^([01]?\\d|2[0-3]):[0-5]\\d$';
const PrefsForm = Type.Object({
  email: Type.Optional(Type.Literal('1')),
  sms: Type.Optional(Type.Literal('1')),
  quietFrom: Type.Optional(
    Type.String({ pattern: CLOCK, 'x-error': 'notifications.clockInvalid' }),
  ),
  quietTo: Type.Optional(Type.String({ pattern: CLOCK, 'x-error': 'notifications.clockInvalid' })),
});

function NotificationsPage({
  ctx,
  items,
  page,
  pages,
  notice,
}: {
  ctx: PageCtx;
  items: InAppNotification[];
  page: number;
  pages: number;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const unread = items.some((n) => !n.read);
  return (
    <Layout ctx={ctx} title={t('notifications.title')} notice={notice}>
      <h1>{t('notifications.title')}</h1>
      <p>
        <a href="/account/notifications">{t('notifications.prefsLink')}</a>
      </p>
      {items.length === 0 ? (
        <p>{t('notifications.none')}</p>
      ) : (
        <ul class="cards">
          {items.map((n) => (
            <li key={n.id} class={n.read ? undefined : 'unread'}>
              <h2 class="card-title">
                {!n.read && <span class="badge">{t('notifications.new')}</span>}{' '}
                {n.link ? <a href={n.link}>{n.title}</a> : n.title}
              </h2>
              <p>{n.body}</p>
              <p class="muted">
                <When ctx={ctx} iso={n.createdAt} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {unread && (
        <PostButton ctx={ctx} action="/notifications/read" label={t('notifications.markRead')} />
      )}
      <Pager ctx={ctx} page={page} pages={pages} href={(p) => `/notifications?page=${p}`} />
    </Layout>
  );
}

function PrefsPage({
  ctx,
  prefs,
  contact,
  state,
  notice,
}: {
  ctx: PageCtx;
  prefs: NotificationPrefs;
  contact: { email: string | null; phone: string | null };
  state: FormState;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const values = state.values ?? {
    ...(prefs.email ? { email: '1' } : {}),
    ...(prefs.sms ? { sms: '1' } : {}),
    quietFrom: prefs.quiet ? formatClock(prefs.quiet.from) : '',
    quietTo: prefs.quiet ? formatClock(prefs.quiet.to) : '',
  };
  return (
    <Layout ctx={ctx} title={t('notifications.prefsTitle')} notice={notice}>
      <h1>{t('notifications.prefsTitle')}</h1>
      <p>{t('notifications.prefsIntro')}</p>
      <Form ctx={ctx} action="/account/notifications" state={state}>
        <ChoiceGroup
          ctx={ctx}
          name="channels"
          legend={t('notifications.channels')}
          type="checkbox"
          options={[
            {
              field: 'email',
              value: 'email',
              label: contact.email
                ? t('notifications.byEmail', { email: contact.email })
                : t('notifications.byEmailNone'),
            },
            {
              field: 'sms',
              value: 'sms',
              label: contact.phone
                ? t('notifications.bySms', { phone: contact.phone })
                : t('notifications.bySmsNone'),
            },
          ]}
          values={values}
        />
        <fieldset class="field">
          <legend>{t('notifications.quiet')}</legend>
          <p class="hint">{t('notifications.quietHint')}</p>
          <Field
            ctx={ctx}
            name="quietFrom"
            label={t('notifications.quietFrom')}
            inputmode="numeric"
            values={values}
          />
          <Field
            ctx={ctx}
            name="quietTo"
            label={t('notifications.quietTo')}
            inputmode="numeric"
            values={values}
          />
        </fieldset>
        <Submit>{t('form.save')}</Submit>
      </Form>
    </Layout>
  );
}

type Done = { Querystring: { done?: string; page?: string } };

export function registerNotificationPages(app: FastifyInstance, deps: Deps): void {
  const signedIn = (req: FastifyRequest) => req.ctx.actor.kind === 'person';

  app.get<Done>('/notifications', async (req, reply) => {
    if (!signedIn(req)) return reply.redirect('/sign-in?next=/notifications');
    const page = Math.max(1, Number.parseInt(req.query.page ?? '1', 10) || 1);
    const { items, total } = await myNotifications(deps, req.ctx.actor, page);
    return sendPage(
      reply,
      <NotificationsPage
        ctx={pageCtx(req)}
        items={items}
        page={page}
        pages={Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE))}
        notice={doneNotice(req.ctx.t, req.query.done)}
      />,
    );
  });

  app.post('/notifications/read', async (req, reply) => {
    await readAllNotifications(deps, req.ctx.actor);
    return reply.redirect('/notifications?done=saved', 303);
  });

  const prefsPage = async (req: FastifyRequest, state: FormState, notice?: string) => {
    const { prefs, contact } = await myPreferences(deps, req.ctx.actor);
    return (
      <PrefsPage ctx={pageCtx(req)} prefs={prefs} contact={contact} state={state} notice={notice} />
    );
  };

  app.get<Done>('/account/notifications', async (req, reply) => {
    if (!signedIn(req)) return reply.redirect('/sign-in?next=/account/notifications');
    return sendPage(reply, await prefsPage(req, {}, doneNotice(req.ctx.t, req.query.done)));
  });

  app.post('/account/notifications', (req, reply) =>
    handleForm(req, reply, {
      schema: PrefsForm,
      render: (state) => prefsPage(req, state),
      run: async (input) => {
        await saveMyPreferences(deps, req.ctx.actor, {
          email: input.email === '1',
          sms: input.sms === '1',
          quietFrom: input.quietFrom ?? '',
          quietTo: input.quietTo ?? '',
        });
        return '/account/notifications?done=saved';
      },
    }),
  );
}
