import type { FastifyInstance } from 'fastify';
import { assignableRoles, isRole, ROLES, type Role } from '../../domain/access/roles.ts';
import { plural } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Deps } from '../core/deps.ts';
import type { Member } from '../core/membership.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { formValues, parseForm } from '../http/forms.ts';
import {
  ErrorSummary,
  Field,
  languageOptions,
  Pager,
  SelectField,
  Submit,
  When,
} from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import { type FormState, formFailure } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { doneNotice } from '../pages/notices.ts';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { ContactInput, RoleInput } from './person.schema.ts';
import {
  addPersonWithoutAccount,
  changeRole,
  listPeople,
  PEOPLE_PAGE_SIZE,
  removeMember,
  type ShownMember,
  viewPerson,
} from './person.service.ts';

type ListQuery = {
  Params: { slug: string };
  Querystring: { role?: string; q?: string; page?: string; done?: string };
};
type PersonParams = { Params: { slug: string; personId: string }; Querystring: { done?: string } };

function PeoplePage({
  ctx,
  scope,
  members,
  total,
  filter,
  page,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  members: Member[];
  total: number;
  filter: { role?: string | undefined; q?: string | undefined };
  page: number;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}/people`;
  const pages = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const qs = (p: number) =>
    `${base}?${new URLSearchParams({ ...(filter.role ? { role: filter.role } : {}), ...(filter.q ? { q: filter.q } : {}), page: String(p) })}`;
  return (
    <Layout ctx={ctx} title={t('people.title')} notice={notice}>
      <h1>{t('people.title')}</h1>
      <p>
        <a href={`${base}/new`}>{t('people.add')}</a>
      </p>
      <form method="get" action={base} class="filters">
        <Field ctx={ctx} name="q" label={t('people.search')} values={{ q: filter.q ?? '' }} />
        <SelectField
          ctx={ctx}
          name="role"
          label={t('field.role')}
          values={{ role: filter.role ?? '' }}
          options={[
            { value: '', label: t('people.allRoles') },
            ...ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
          ]}
        />
        <div class="field">
          <button type="submit" class="button secondary">
            {t('people.filter')}
          </button>
        </div>
      </form>
      <p>{t(plural(ctx.lang, 'people.count', total), { count: total })}</p>
      <Table headers={[t('field.displayName'), t('field.role'), t('people.account')]}>
        {members.map((m) => (
          <tr key={m.person.id}>
            <td>
              <a href={`${base}/${m.person.id}`}>{m.person.displayName}</a>
            </td>
            <td>{t(`role.${m.role}`)}</td>
            <td>{m.person.hasAccount ? t('people.hasAccount') : t('people.noAccount')}</td>
          </tr>
        ))}
      </Table>
      <Pager ctx={ctx} page={page} pages={pages} href={qs} />
    </Layout>
  );
}

function roleOptions(ctx: PageCtx, roles: readonly Role[]) {
  return roles.map((r) => ({ value: r, label: ctx.t(`role.${r}`) }));
}

function NewPersonPage({
  ctx,
  scope,
  state,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  state: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('people.addTitle')}>
      <h1>{t('people.addTitle')}</h1>
      <p>{t('people.addIntro')}</p>
      <Form ctx={ctx} action={`/n/${scope.network.slug}/people/new`} state={state}>
        <Field ctx={ctx} name="displayName" label={t('field.displayName')} />
        <Field
          ctx={ctx}
          name="phone"
          label={t('field.phone')}
          hint={t('field.phoneHint')}
          type="tel"
          inputmode="tel"
        />
        <Field
          ctx={ctx}
          name="email"
          label={t('field.emailOptional')}
          type="email"
          inputmode="email"
        />
        <SelectField
          ctx={ctx}
          name="language"
          label={t('field.language')}
          values={{ language: scope.network.defaultLanguage, ...state.values }}
          errors={state.errors}
          options={languageOptions(ctx.lang)}
        />
        <SelectField
          ctx={ctx}
          name="role"
          label={t('field.role')}
          options={roleOptions(ctx, assignableRoles(scope.role))}
        />
        <Submit>{t('people.addSubmit')}</Submit>
      </Form>
    </Layout>
  );
}

function PersonPage({
  ctx,
  scope,
  member,
  notice,
  message,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  member: ShownMember;
  notice?: string | undefined;
  message?: string | null;
}) {
  const { t } = ctx;
  const p = member.person;
  const base = `/n/${scope.network.slug}/people/${p.id}`;
  const roles = assignableRoles(scope.role);
  return (
    <Layout ctx={ctx} title={p.displayName} notice={notice}>
      <h1>{p.displayName}</h1>
      <ErrorSummary ctx={ctx} message={message} />
      <dl>
        <dt>{t('field.role')}</dt>
        <dd>{t(`role.${member.role}`)}</dd>
        <dt>{t('field.email')}</dt>
        <dd>{member.shown.email ?? '—'}</dd>
        <dt>{t('field.phone')}</dt>
        <dd>{member.shown.phone ?? '—'}</dd>
        <dt>{t('people.account')}</dt>
        <dd>{p.hasAccount ? t('people.hasAccount') : t('people.noAccount')}</dd>
        <dt>{t('people.joined')}</dt>
        <dd>
          <When ctx={ctx} iso={member.joinedAt} />
        </dd>
      </dl>
      {scope.role === 'admin' && (
        <>
          <h2>{t('people.changeRole')}</h2>
          <Form ctx={ctx} action={`${base}/role`}>
            <SelectField
              ctx={ctx}
              name="role"
              label={t('field.role')}
              values={{ role: member.role }}
              options={roleOptions(ctx, roles)}
            />
            <Submit>{t('people.changeRoleSubmit')}</Submit>
          </Form>
          <h2>{t('people.remove')}</h2>
          <Form ctx={ctx} action={`${base}/remove`} validate>
            <p>{t('people.removeHelp')}</p>
            <button type="submit" class="button danger">
              {t('people.removeSubmit', { name: p.displayName })}
            </button>
          </Form>
        </>
      )}
    </Layout>
  );
}

export function registerPeoplePages(app: FastifyInstance, deps: Deps): void {
  app.get<ListQuery>('/n/:slug/people', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const role = isRole(req.query.role) ? req.query.role : undefined;
    const q = req.query.q?.trim().slice(0, 100) || undefined;
    const page = Math.max(1, Math.min(10_000, Number.parseInt(req.query.page ?? '1', 10) || 1));
    const { members, total } = await listPeople(deps, { scope, filter: { role, query: q, page } });
    return sendPage(
      reply,
      <PeoplePage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        members={members}
        total={total}
        filter={{ role, q }}
        page={page}
        notice={doneNotice(req.ctx.t, req.query.done)}
      />,
    );
  });

  app.get<ListQuery>('/n/:slug/people/new', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'people.add');
    return sendPage(
      reply,
      <NewPersonPage ctx={pageCtx(req, scopeNav(scope))} scope={scope} state={{}} />,
    );
  });

  app.post<ListQuery>('/n/:slug/people/new', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'people.add');
    return handleForm(req, reply, {
      schema: ContactInput,
      render: (state) => (
        <NewPersonPage ctx={pageCtx(req, scopeNav(scope))} scope={scope} state={state} />
      ),
      run: async (input) => {
        const id = await addPersonWithoutAccount(deps, { actor: req.ctx.actor, scope, input });
        return `/n/${scope.network.slug}/people/${id}?done=added`;
      },
    });
  });

  app.get<PersonParams>('/n/:slug/people/:personId', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const member = await viewPerson(deps, { scope, personId: req.params.personId });
    return sendPage(
      reply,
      <PersonPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        member={member}
        notice={doneNotice(req.ctx.t, req.query.done)}
      />,
    );
  });

  app.post<PersonParams>('/n/:slug/people/:personId/role', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const parsed = parseForm(RoleInput, formValues(req.body));
    try {
      if (!parsed.ok) throw new AppError('VALIDATION_FAILED');
      await changeRole(deps, {
        actor: req.ctx.actor,
        scope,
        personId: req.params.personId,
        role: parsed.value.role,
      });
      return reply.redirect(
        `/n/${scope.network.slug}/people/${req.params.personId}?done=roleChanged`,
        303,
      );
    } catch (e) {
      const { status, state } = formFailure(req, e);
      const member = await viewPerson(deps, { scope, personId: req.params.personId });
      return sendPage(
        reply,
        <PersonPage
          ctx={pageCtx(req, scopeNav(scope))}
          scope={scope}
          member={member}
          message={state.message ?? req.ctx.t('error.validation')}
        />,
        status,
      );
    }
  });

  app.post<PersonParams>('/n/:slug/people/:personId/remove', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    try {
      await removeMember(deps, { actor: req.ctx.actor, scope, personId: req.params.personId });
      return reply.redirect(`/n/${scope.network.slug}/people?done=removed`, 303);
    } catch (e) {
      const { status, state } = formFailure(req, e);
      const member = await viewPerson(deps, { scope, personId: req.params.personId });
      return sendPage(
        reply,
        <PersonPage
          ctx={pageCtx(req, scopeNav(scope))}
          scope={scope}
          member={member}
          message={state.message}
        />,
        status,
      );
    }
  });
}
