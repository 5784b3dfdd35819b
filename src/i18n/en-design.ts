/**
 * English for the grouped navigation (issue 12, design): the group names and the "Menu"
 * that holds them on a phone. Spread into `en` (en.ts); es-design.ts has the same keys.
 */
export const designEn = {
  'nav.menu': 'Menu',
  'nav.you': 'You',
  'nav.group.work': 'Work',
  'nav.group.goods': 'Goods',
  'nav.group.volunteering': 'Volunteering',
  'nav.group.community': 'Community',
  'nav.group.admin': 'Admin',
} as const;
