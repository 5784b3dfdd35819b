import type { queueEn } from './en-queue.ts';

/** Spanish for the queue as a working table (neutral Latin American, "usted"). Same keys. */
export const queueEs: Record<keyof typeof queueEn, string> = {
  'queue.search': 'Buscar una solicitud',
  'queue.searchHint': 'Su código, un teléfono (como se lo dictan), un correo o un nombre.',
  'queue.unsearchable':
    'No hay nada que buscar: escriba un código, un teléfono, un correo o un nombre completo.',
  'queue.waited': 'Esperando',
  'queue.justNow': 'ahora mismo',
  'queue.languageColumn': 'Idioma',
  'queue.languageHint': 'Su nombre, por ejemplo «árabe» o «English».',
  'queue.assignee': 'Quién la tiene',
  'queue.anyone': 'Cualquiera o nadie',
  'queue.me': 'Yo',
  'queue.nobody': 'Nadie todavía',
  'queue.volunteerIs': 'voluntario/a: {name}',
  'queue.volunteer': 'Voluntario/a',
  'queue.tickColumn': 'Marcadas',
  'queue.sortedAsc': '(ordenado, de menor a mayor)',
  'queue.sortedDesc': '(ordenado, de mayor a menor)',
  'queue.skipToTable': 'Ir a las solicitudes',
  'queue.export': 'Descargar estas solicitudes (CSV, para una hoja de cálculo)',
  'queue.keysHint':
    'Teclas: j siguiente, k anterior, o abrir, a dar la solicitud a un/a coordinador/a, x marcar.',

  'queue.views.title': 'Vistas guardadas',
  'queue.views.none':
    'Todavía no hay vistas guardadas. Elija filtros y guárdelos aquí con un nombre.',
  'queue.views.name': 'Nombre de esta vista',
  'queue.views.save': 'Guardar esta vista',
  'queue.views.delete': 'Borrar «{name}»',
  'queue.views.tooMany': 'Ya tiene 30 vistas guardadas: borre una primero.',

  'queue.bulk.legend': 'Con las solicitudes marcadas',
  'queue.bulk.action': 'Hacer esto',
  'queue.bulk.choose': 'Elija…',
  'queue.bulk.chooseAction': 'Elija qué hacer con las solicitudes marcadas.',
  'queue.bulk.owner': 'Dar a un/a coordinador/a',
  'queue.bulk.urgency': 'Cambiar la urgencia',
  'queue.bulk.area': 'Cambiar la zona',
  'queue.bulk.closeDuplicate': 'Cerrar: repite otra solicitud',
  'queue.bulk.closeWithdrawn': 'Cerrar: ya no hace falta',
  'queue.bulk.toCoordinator': 'Coordinador/a (para «dar a»)',
  'queue.bulk.toUrgency': 'Urgencia (para «cambiar la urgencia»)',
  'queue.bulk.toArea': 'Zona (para «cambiar la zona»)',
  'queue.bulk.noArea': 'Sin zona',
  'queue.bulk.apply': 'Aplicar a las solicitudes marcadas',
  'queue.bulk.noneTicked': 'Marque antes al menos una solicitud en la tabla.',
  'queue.bulk.done': '{count} solicitudes cambiadas.',
  'queue.bulk.skipped': 'Quedaron como estaban (ya cerradas o avanzadas): {codes}.',

  'event.urgency_set': 'Urgencia cambiada',
  'event.area_set': 'Zona cambiada',
  'event.owner_set': 'Dada a un/a coordinador/a',

  'audit.action.request.urgency_set': 'Urgencia de una solicitud cambiada',
  'audit.action.request.area_set': 'Zona de una solicitud cambiada',
  'audit.action.request.owner_set': 'Solicitud dada a un/a coordinador/a',
  'audit.action.request.queue_exported': 'Solicitudes exportadas (CSV)',
};
