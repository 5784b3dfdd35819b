import type { FastifyInstance, FastifyRequest, RouteGenericInterface } from 'fastify';
import type { VNode } from 'preact';
import type { Static, TSchema } from 'typebox';
import type { Action } from '../../domain/access/roles.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { type FormOutcome, handleForm } from './form-route.ts';
import type { FormState } from './form-state.ts';
import { sendPage } from './page-context.ts';
import { scopeOf } from './scope-page.ts';

/**
 * Every network page and form starts the same way: the network scope, then the action the
 * viewer must be allowed. These register a page (GET) or a form (POST through handleForm)
 * with that done once.
 */
export function pageRoute<T extends RouteGenericInterface & { Params: { slug: string } }>(
  app: FastifyInstance,
  deps: Deps,
  path: string,
  action: Action,
  render: (req: FastifyRequest<T>, scope: NetworkScope) => Promise<VNode>,
): void {
  app.get(path, async (raw, reply) => {
    const req = raw as unknown as FastifyRequest<T>;
    const scope = await scopeOf(deps, raw as FastifyRequest<{ Params: { slug: string } }>);
    authorize(scope, action);
    return sendPage(reply, await render(req, scope));
  });
}

export function formRoute<T extends RouteGenericInterface & { Params: { slug: string } }>(
  app: FastifyInstance,
  deps: Deps,
  path: string,
  action: Action,
) {
  return <S extends TSchema>(form: {
    schema: S;
    render: (
      req: FastifyRequest<T>,
      scope: NetworkScope,
      state: FormState,
    ) => VNode | Promise<VNode>;
    run: (req: FastifyRequest<T>, scope: NetworkScope, input: Static<S>) => Promise<FormOutcome>;
    /** See parseForm: for answers that are not one string per field. */
    shape?: (data: Record<string, unknown>) => Record<string, unknown>;
  }): void => {
    app.post(path, async (raw, reply) => {
      const req = raw as unknown as FastifyRequest<T>;
      const scope = await scopeOf(deps, raw as FastifyRequest<{ Params: { slug: string } }>);
      authorize(scope, action);
      return handleForm(req, reply, {
        schema: form.schema,
        render: (state) => form.render(req, scope, state),
        run: (input) => form.run(req, scope, input),
        ...(form.shape ? { shape: form.shape } : {}),
      });
    });
  };
}
