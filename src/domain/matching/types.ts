/**
 * What matching works on and what it answers. Pure data: the server maps its rows to these,
 * and pages translate the structured reasons (`Reason`, `UnmatchedReason`) into words.
 */
import type { LatLng } from '../geo/geo.ts';
import type { Urgency } from '../requests/categories.ts';
import type { SlotMask } from '../time/weekly-slots.ts';

/** A neighbour's open request for help. */
export interface MatchRequest {
  id: string;
  location: LatLng;
  category: string;
  urgency: Urgency;
  /** The language the neighbour speaks (BCP 47 code), if they said. */
  language: string | null;
  /** True when the helper must speak `language` (else it only counts in their favour). */
  languageRequired: boolean;
  /** When help is wanted; `ALL_WEEK` if any time. */
  slots: SlotMask;
  /** Estimated hours of the task. */
  hours: number;
  needsCar: boolean;
  /** Training ids the work needs (volunteering trainings); none when absent. */
  requiredTrainings?: readonly string[];
  /** Epoch ms, for first-come. */
  createdAt: number;
}

/** A volunteer as matching sees them: where, what, when, and how much room they have. */
export interface MatchVolunteer {
  id: string;
  home: LatLng;
  radiusKm: number;
  categories: string[];
  languages: string[];
  hasCar: boolean;
  slots: SlotMask;
  /** Open tasks they may hold at once (1..3 typical). */
  capacity: number;
  openTasks: number;
  weeklyHourCap: number;
  hoursThisWeek: number;
  onBreak: boolean;
  /** Unexpired training ids the volunteer holds. */
  trainings?: readonly string[];
}

/**
 * How a coordinator wants pairs weighed. The weight of an eligible pair is
 *   w = urgencyWeight × URGENCY_WEIGHT[urgency] − distanceWeight × km
 *       + languageBonus (when the volunteer speaks the request's language, required or not)
 *       − loadPenalty × k,
 * k being the tasks the volunteer already holds, counting those given earlier in the same batch.
 */
export interface Objective {
  urgencyWeight: number;
  distanceWeight: number;
  loadPenalty: number;
  languageBonus: number;
}

/** Why a volunteer is suggested; pages put these into words in the reader's language. */
export type Reason =
  | { kind: 'distance'; km: number }
  | { kind: 'speaks'; language: string }
  | { kind: 'car' }
  | { kind: 'hours'; used: number; cap: number }
  | { kind: 'load'; open: number; capacity: number };

export interface Suggestion {
  volunteerId: string;
  weight: number;
  km: number;
  reasons: Reason[];
}

/**
 * Why a request is left without a volunteer: the constraint that removed the last candidates,
 * checked in this order: reach (each volunteer's own radius), category, language (when
 * required), time, training, car, break, room (open tasks and weekly hours). `withinKm` is the longest
 * travel radius among the volunteers who reach the request. `weekdays` is true when the request
 * asks only for weekday slots, so the words can say "free on weekdays".
 */
export type UnmatchedReason =
  /** No volunteer's travel radius reaches the request; `nearestKm`: the closest home, if any. */
  | { kind: 'nobody-in-range'; nearestKm: number | null }
  | { kind: 'nobody-in-category'; category: string; withinKm: number }
  /** Without `weekdays`: nobody within reach speaks it; with it: speakers exist, none free then. */
  | { kind: 'nobody-speaks'; language: string; withinKm: number; weekdays?: boolean }
  | { kind: 'no-time-overlap'; withinKm: number; weekdays: boolean }
  /** Within reach and free, but nobody holds the training this work needs. */
  | { kind: 'nobody-trained'; withinKm: number }
  | { kind: 'needs-car'; withinKm: number }
  | { kind: 'all-on-break'; withinKm: number; candidates: number }
  /** Everyone left holds all the tasks they allow (`atCapacity`) or lacks the weekly hours. */
  | { kind: 'all-at-capacity'; withinKm: number; atCapacity: number; outOfHours: number }
  /** Eligible volunteers exist, but in this batch all went to requests that weighed more. */
  | { kind: 'outbid'; candidates: number }
  /** Eligible volunteers exist, but under this objective every pairing weighs 0 or less. */
  | { kind: 'not-worth'; candidates: number };

export interface Assignment {
  requestId: string;
  volunteerId: string;
  /** The pair's weight, its load penalty counting the volunteer's more valuable tasks first. */
  weight: number;
}

export interface DispatchResult {
  assignments: Assignment[];
  /** Sum of the assignments' weights: what the dispatch maximises. */
  objectiveValue: number;
  unmatched: { requestId: string; reason: UnmatchedReason }[];
  /**
   * No assignment can score more than this (a dual bound of the auction's prices; it relaxes
   * only the weekly-hours coupling between one volunteer's tasks). Infinity if not computed.
   */
  upperBound: number;
}
