import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { registerGoodsOfferPages } from './goods-offer.pages.tsx';
import { registerVolunteeringPages } from './volunteering.pages.tsx';
import { registerVolunteersPages } from './volunteers.pages.tsx';

/**
 * The pages of offers (M1): /n/:slug/volunteering (my volunteer profile and break switch),
 * /n/:slug/volunteers (coordinators), /n/:slug/offers (goods), /n/:slug/offers/new.
 */
export function registerOfferPages(app: FastifyInstance, deps: Deps): void {
  registerVolunteeringPages(app, deps);
  registerVolunteersPages(app, deps);
  registerGoodsOfferPages(app, deps);
}
