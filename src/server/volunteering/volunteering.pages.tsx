import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { registerCalendarPages } from './calendar.pages.tsx';
import { registerEventPages } from './event.pages.tsx';
import { registerShiftPages } from './shifts.pages.tsx';
import { registerTrainingPages } from './training.pages.tsx';
import { registerWellbeingPages } from './wellbeing.pages.tsx';

/**
 * The pages of volunteering (M3): /n/:slug/calendar (month, week, list), /n/:slug/events/…
 * (new, one event with its shifts, edit), /n/:slug/shifts (mine, hours, check-in, calendar
 * link), /n/:slug/trainings and /n/:slug/wellbeing (coordinators).
 */
export function registerVolunteeringPages(app: FastifyInstance, deps: Deps): void {
  registerCalendarPages(app, deps);
  registerEventPages(app, deps);
  registerShiftPages(app, deps);
  registerTrainingPages(app, deps);
  registerWellbeingPages(app, deps);
}
