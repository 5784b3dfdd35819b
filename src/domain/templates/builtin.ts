/**
 * The three templates a network can start from, offered when a network is created: a
 * community food pantry, neighbourhood pods, and a disaster response. Each is a template file
 * like any exported one (under builtin/, checked by the same validator in the tests), so
 * improving one is editing JSON, and a network's own export can become a fourth.
 */
import disasterResponse from './builtin/disaster-response.json' with { type: 'json' };
import foodPantry from './builtin/food-pantry.json' with { type: 'json' };
import neighbourhoodPods from './builtin/neighbourhood-pods.json' with { type: 'json' };
import type { NetworkTemplate } from './schema.ts';

export const BUILTIN_TEMPLATE_KEYS = [
  'food-pantry',
  'neighbourhood-pods',
  'disaster-response',
] as const;
export type BuiltinTemplateKey = (typeof BUILTIN_TEMPLATE_KEYS)[number];

const BUILTINS: Record<BuiltinTemplateKey, unknown> = {
  'food-pantry': foodPantry,
  'neighbourhood-pods': neighbourhoodPods,
  'disaster-response': disasterResponse,
};

export function isBuiltinTemplateKey(value: unknown): value is BuiltinTemplateKey {
  return typeof value === 'string' && (BUILTIN_TEMPLATE_KEYS as readonly string[]).includes(value);
}

/**
 * A built-in template, as a fresh copy (the caller may change it before import). Typed
 * without a second check here: every built-in passes `checkTemplate` in the tests.
 */
export function builtinTemplate(key: BuiltinTemplateKey): NetworkTemplate {
  return structuredClone(BUILTINS[key]) as NetworkTemplate;
}
