import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAccountPages } from './account/account.pages.tsx';
import { registerAnnouncementPages } from './announcements/announcement.pages.tsx';
import { registerBoardPages } from './announcements/board.pages.tsx';
import { registerDigestPages } from './announcements/digest.pages.tsx';
import { registerApiDocs } from './api/api-docs.pages.tsx';
import { actorFromApiToken } from './api-tokens/api-token.service.ts';
import { registerAuditPages } from './audit/audit.pages.tsx';
import { registerAuthPages } from './auth/auth.pages.tsx';
import { actorFromSessionToken } from './auth/auth.service.ts';
import { registerSignupPages } from './auth/signup.pages.tsx';
import type { Deps } from './core/deps.ts';
import { registerDecisionPages } from './decisions/decision.pages.tsx';
import { registerAllocationPages } from './goods/allocation.pages.tsx';
import { registerDistributionPages } from './goods/distribution.pages.tsx';
import { registerGoodsRoutes } from './goods/goods.routes.ts';
import { registerHouseholdPages } from './goods/household.pages.tsx';
import { registerReportPages } from './goods/report.pages.tsx';
import { registerStockPages } from './goods/stock.pages.tsx';
import { registerHealthRoutes } from './health/health.routes.ts';
import { registerCompression } from './http/compression.ts';
import { registerRequestContext } from './http/context.ts';
import { clientErrorHandler, frameworkErrorHandler } from './http/early-errors.tsx';
import { registerErrorHandler } from './http/error-handler.tsx';
import { registerInputCharacters } from './http/input-characters.ts';
import { registerSecurityHeaders } from './http/security.ts';
import { compileChecked, createAjv } from './http/validation.ts';
import { registerImpactPages } from './impact/impact.pages.tsx';
import { registerInvitationPages } from './invitations/invitation.pages.tsx';
import { registerMapRoutes } from './maps/maps.routes.ts';
import { registerMoneyPages } from './money/money.pages.tsx';
import { registerNetworkPages } from './networks/network.pages.tsx';
import { registerNetworkRoutes } from './networks/network.routes.ts';
import { registerNotificationPages } from './notifications/notification.pages.tsx';
import { registerOfferPages } from './offers/offer.pages.tsx';
import { registerOfferRoutes } from './offers/offer.routes.ts';
import { registerOutboxPages } from './outbox/outbox.pages.tsx';
import { registerOverviewPages } from './overview/overview.pages.tsx';
import { errorPages } from './pages/error-page.tsx';
import { registerStaticAssets } from './pages/static-assets.ts';
import { registerHsdsRoutes } from './partners/hsds.routes.ts';
import { registerPartnerPages } from './partners/partner.pages.tsx';
import { registerPeoplePages } from './people/people.pages.tsx';
import { registerPeopleRoutes } from './people/people.routes.ts';
import { registerPlaybookPages } from './playbook/playbook.pages.tsx';
import { registerPrintablePages } from './printables/printables.pages.tsx';
import { registerReplicationPages } from './replication/replication.pages.tsx';
import { registerRequestPages } from './requests/request.pages.tsx';
import { registerRequestRoutes } from './requests/request.routes.ts';
import { registerMatchingPages } from './requests/request-matching.pages.tsx';
import { registerRequestQueuePages } from './requests/request-queue.pages.tsx';
import { registerTaskPages } from './requests/task.pages.tsx';
import { registerSetupPages } from './setup/setup.pages.tsx';
import { registerSmsRoutes } from './sms/sms.routes.ts';
import { registerSurveyPages } from './surveys/survey.pages.tsx';
import { registerSurveyAnswerPages } from './surveys/survey-answer.pages.tsx';
import { registerSurveyResultsPages } from './surveys/survey-results.pages.tsx';
import { registerTimebankPages } from './timebank/timebank.pages.tsx';
import { registerVolunteeringPages } from './volunteering/volunteering.pages.tsx';
import { registerVolunteeringRoutes } from './volunteering/volunteering.routes.ts';

/** Paths that carry a one-time secret: logged without it. */
const SECRET_PATH = /\/(reset|invite|setup|confirm)\/[^/?#]+/g;
export function redactUrl(url: string): string {
  return url.replace(SECRET_PATH, '/$1/[redacted]');
}

/** 16 KB of request headers: a session, language and CSRF cookie take well under 1 KB. */
const MAX_HEADER_SIZE = 16 * 1024;

/** 100 KB of JSON: the largest API body (an area polygon) is 20 KB; nothing uploads files yet. */
const BODY_LIMIT = 100 * 1024;
/**
 * 2 MB of form: no field takes more than 20 KB, but a form is refused at its fields (and comes
 * back with what was typed) only once it is read; past this limit it is a bare 413 page.
 * A page of a megabyte pasted into a box is a mistake to be shown, not a reason to lose it.
 */
const FORM_BODY_LIMIT = 2 * 1024 * 1024;

export type App = FastifyInstance;

/** `log: false` silences the log (tests); `log.stream` sends the real log somewhere else. */
export async function buildApp(
  deps: Deps,
  opts: { log?: false | { stream: NodeJS.WritableStream } } = {},
): Promise<App> {
  const app = Fastify({
    trustProxy: deps.config.trustProxy,
    bodyLimit: BODY_LIMIT,
    // Errors before routing answer like every other (http/early-errors.tsx).
    frameworkErrors: frameworkErrorHandler(deps.config, errorPages),
    clientErrorHandler: clientErrorHandler(deps.config, errorPages),
    // Node's default, said out loud: past 16 KB of headers the answer is a 431 in our format.
    http: { maxHeaderSize: MAX_HEADER_SIZE },
    logger:
      opts.log === false
        ? false
        : {
            level: deps.config.logLevel,
            ...(opts.log?.stream ? { stream: opts.log.stream } : {}),
            // Cookies, tokens and bodies never reach the log.
            redact: [
              'req.headers.cookie',
              'req.headers.authorization',
              'res.headers["set-cookie"]',
            ],
            serializers: {
              req: (req: { method: string; url: string; ip?: string }) => ({
                method: req.method,
                url: redactUrl(req.url),
              }),
            },
          },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // One Ajv for every route (validation.ts): it also refuses numbers that are not finite.
  const ajv = createAjv({
    removeAdditional: false,
    coerceTypes: 'array',
    useDefaults: true,
    allErrors: true,
    addUsedSchema: false,
  });
  app.setValidatorCompiler(({ schema }) => compileChecked(ajv, schema));

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Mutua API',
        version: '1',
        description:
          'The JSON API of a Mutua deployment. Authenticate with a personal API token: `Authorization: Bearer mutua_…`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: ({ schema, url }) => ({
      schema:
        url.startsWith('/api/v1') || url === '/healthz'
          ? schema
          : { ...(schema ?? {}), hide: true },
      url,
    }),
  });

  registerRequestContext(app, deps, {
    fromBearerToken: (token) => actorFromApiToken(deps, token),
    fromSessionToken: (token) => actorFromSessionToken(deps, token),
  });
  registerSecurityHeaders(app, deps.config);
  registerCompression(app);
  registerErrorHandler(app, errorPages);
  registerInputCharacters(app);
  registerStaticAssets(app);
  registerHealthRoutes(app, deps);

  registerSmsRoutes(app, deps);
  registerAuthPages(app, deps);
  registerSignupPages(app, deps);
  registerSetupPages(app, deps);
  registerAccountPages(app, deps);
  registerNotificationPages(app, deps);
  registerOutboxPages(app, deps);
  registerNetworkPages(app, deps);
  registerOverviewPages(app, deps);
  registerPeoplePages(app, deps);
  registerInvitationPages(app, deps);
  registerAuditPages(app, deps);
  registerOfferPages(app, deps);
  registerOfferRoutes(app, deps);
  registerRequestPages(app, deps);
  registerRequestQueuePages(app, deps);
  registerMatchingPages(app, deps);
  registerTaskPages(app, deps);
  registerPrintablePages(app, deps);
  registerRequestRoutes(app, deps);
  registerStockPages(app, deps);
  registerDistributionPages(app, deps);
  registerHouseholdPages(app, deps);
  registerAllocationPages(app, deps);
  registerReportPages(app, deps);
  registerGoodsRoutes(app, deps);
  registerVolunteeringPages(app, deps);
  registerVolunteeringRoutes(app, deps);
  registerMapRoutes(app, deps);
  registerAnnouncementPages(app, deps);
  registerSurveyPages(app, deps);
  registerSurveyAnswerPages(app, deps);
  registerSurveyResultsPages(app, deps);
  registerDigestPages(app, deps);
  registerBoardPages(app, deps);
  registerHsdsRoutes(app, deps);
  registerTimebankPages(app, deps);
  registerMoneyPages(app, deps);
  registerPartnerPages(app, deps);
  registerDecisionPages(app, deps);
  registerImpactPages(app, deps);
  registerPlaybookPages(app, deps);
  registerReplicationPages(app, deps);

  registerNetworkRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerApiDocs(app);
  return app;
}
