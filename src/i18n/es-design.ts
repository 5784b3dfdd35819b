import type { designEn } from './en-design.ts';

/** Spanish for the grouped navigation (issue 12, design); the keys of en-design.ts. */
export const designEs: Record<keyof typeof designEn, string> = {
  'nav.menu': 'Menú',
  'nav.you': 'Tú',
  'nav.group.work': 'Trabajo',
  'nav.group.goods': 'Bienes',
  'nav.group.volunteering': 'Voluntariado',
  'nav.group.community': 'Comunidad',
  'nav.group.admin': 'Administración',
};
