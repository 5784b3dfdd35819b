/**
 * Kinds of goods an item belongs to. The same list as `GOODS_CATEGORIES` of
 * src/server/goods/goods.rules.ts, here in the domain so that templates and the spreadsheet
 * import can check against it without importing the server; the server's copy should import
 * this one once the goods feature moves into the new layout (a test holds them equal).
 */
export const GOODS_CATEGORY_KEYS = [
  'food',
  'fresh',
  'hygiene',
  'baby',
  'clothing',
  'medical',
  'household',
  'other',
] as const;
