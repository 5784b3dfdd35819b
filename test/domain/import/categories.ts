import type { CategoryOption } from '../../../src/domain/import/cells.ts';

/** The default categories as a network has them: the catalogue's labels and a few words. */
export const CATEGORIES: CategoryOption[] = [
  {
    key: 'groceries',
    labels: { en: 'Groceries', es: 'Compras' },
    words: ['food', 'comida', 'shopping'],
  },
  { key: 'meals', labels: { en: 'Cooked meals', es: 'Comidas preparadas' } },
  {
    key: 'medicine',
    labels: { en: 'Medicine pickup', es: 'Medicamentos' },
    words: ['prescription', 'pharmacy', 'farmacia', 'receta'],
  },
  { key: 'ride', labels: { en: 'Rides', es: 'Transporte' }, words: ['ride', 'lift', 'viaje'] },
  { key: 'childcare', labels: { en: 'Looking after children', es: 'Cuidado de niños' } },
  {
    key: 'housing',
    labels: { en: 'A place to stay', es: 'Vivienda' },
    words: ['landlord', 'rent', 'eviction', 'alquiler', 'desahucio'],
  },
  { key: 'cash', labels: { en: 'Money', es: 'Dinero' } },
  {
    key: 'emotional',
    labels: { en: 'Someone to talk to', es: 'Alguien con quien hablar' },
    words: ['acompañamiento', 'company', 'compañía'],
  },
  { key: 'other', labels: { en: 'Something else', es: 'Otra cosa' } },
];
