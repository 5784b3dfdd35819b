import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Static, TSchema } from 'typebox';
import type { FieldErrors } from '../../shared/app-error.ts';
import { formValues, parseForm } from '../http/forms.ts';
import { type FormState, formFailure } from './form-state.ts';
import { sendPage } from './page-context.ts';

/** What a successful form does next: go to a page (303), or show one (e.g. a new token). */
export type FormOutcome = string | { page: VNode; status: number };

/**
 * The life of every HTML form post, written once: parse the body with the schema; on a
 * mistake show the same form again (422) with the mistake at its field and all that was
 * typed; else run the service, whose own refusals (a taken email, a rate limit) come back
 * the same way. Authorisation to see the form is checked by the caller first.
 */
export async function handleForm<S extends TSchema>(
  req: FastifyRequest,
  reply: FastifyReply,
  form: {
    schema: S;
    render: (state: FormState) => VNode | Promise<VNode>;
    run: (input: Static<S>) => Promise<FormOutcome>;
    /** See parseForm: for answers that are not one string per field. */
    shape?: (data: Record<string, unknown>) => Record<string, unknown>;
    /**
     * The service's own field checks that need no write (a choice the network does not offer,
     * a phone or an email missing), run with the schema's so every mistake comes back in one
     * round. The service checks again.
     */
    check?: (values: Record<string, string>) => FieldErrors;
  },
): Promise<FastifyReply> {
  const values = formValues(req.body);
  const parsed = parseForm(form.schema, values, form.shape);
  const extra = form.check?.(values) ?? {};
  if (!parsed.ok || Object.keys(extra).length > 0) {
    const errors = { ...extra, ...(parsed.ok ? {} : parsed.errors) };
    return sendPage(reply, await form.render({ values, errors }), 422);
  }
  try {
    const outcome = await form.run(parsed.value);
    if (typeof outcome === 'string') return reply.redirect(outcome, 303);
    return sendPage(reply, outcome.page, outcome.status);
  } catch (e) {
    const { status, state } = formFailure(req, e);
    let page: VNode;
    try {
      page = await form.render({ values, ...state });
    } catch (renderError) {
      // The page itself cannot be drawn (the database gone): the error page, with the cause.
      if (status >= 500) throw e;
      throw renderError;
    }
    return sendPage(reply, page, status);
  }
}
