import type { neighboursEn } from './en-neighbours.ts';

/** Spanish for a neighbour's path (issue 12); the same keys as en-neighbours.ts. */
export const neighboursEs: Record<keyof typeof neighboursEn, string> = {
  'ask.emergencyNow':
    'Si la salud o la seguridad de alguien corre peligro ahora mismo, llame primero al {number}. Nadie mira este formulario a cada minuto.',
  'ask.emergencyOthers': 'Policía {police}, ambulancia {ambulance}, bomberos {fire}.',
  'ask.sentBefore':
    'Este formulario ya se envió. Esta es la solicitud que creó; no se ha registrado otra.',
  'ask.reachNetwork': 'Para hablar con {network}',
  'ask.callNetwork': 'Llame al {phone}',
  'ask.smsNetwork': 'O envíe un SMS con la palabra {keyword} al {number}.',
  'ask.emergencyReminder': 'En una emergencia, llame al {number}.',
  'ask.otherLanguageByName': 'Otro idioma (opcional)',
  'ask.otherLanguageByNameHint': 'Su nombre, por ejemplo tigriña o darí.',
  'field.languageUnknown':
    'No conocemos un idioma con ese nombre. Pruebe con su nombre en inglés o su código, por ejemplo ti.',
  'ask.prefilled': 'Rellenamos su nombre, su contacto y su idioma con los de su perfil.',
  'ask.myRequests': 'Sus solicitudes',
  'ask.myRequestsNone': 'Todavía no ha pedido ayuda.',
  'ask.myRequestsCode': 'Código',
  'ask.myRequestsWhat': 'Qué',
  'ask.myRequestsSince': 'Pedida',
  'ask.myRequestsStatus': 'Cómo va',

  'steps.title': 'Pasos',
  'steps.received': 'Recibida',
  'steps.looking': 'En revisión',
  'steps.onTheWay': 'Alguien va en camino',
  'steps.done': 'Hecho',
  'steps.cancelled': 'Cancelada por usted',
  'steps.closed': 'Cerrada',
  'steps.doneMark': 'hecho',
  'steps.currentMark': 'ahora',
  'steps.notYet': 'todavía no',
  'cancel.title': '¿Ya no la necesita?',
  'cancel.hint':
    'Si encontró ayuda por otro lado, díganoslo, para que ningún voluntario salga en vano.',
  'cancel.submit': 'Cancelar mi solicitud',
  'audit.action.request.cancelled_by_requester': 'Solicitud cancelada por quien la pidió',
  'cancel.done': 'Su solicitud está cancelada. Gracias por avisarnos.',
  'error.requestNotCancellable':
    'Esta solicitud ya no se puede cancelar aquí. Por favor, llame a la red.',

  'field.country': 'País',
  'field.countryHint': 'Define el número de emergencias por defecto.',
  'field.countryNone': 'Sin definir (se muestra el 112)',
  'field.emergencyNumber': 'Número de emergencias',
  'field.emergencyNumberHint':
    'Se muestra a quien dice «ahora mismo: peligra la salud o la seguridad». Vacío: el del país, ahora {number}. Es un valor por defecto, no una garantía: compruébelo.',
  'field.emergencyNumberInvalid': 'Escriba el número corto: de 2 a 8 cifras, como 112.',

  'calendar.freePlaces': '{n} de {max} plazas libres',
  'calendar.full': 'Completo',
  'calendar.subscribeTitle': 'En su propio calendario',
  'calendar.subscribeLink': 'Suscribirse desde su aplicación de calendario',
  'calendar.subscribeAddress': 'O copie esta dirección en su aplicación de calendario:',
  'calendar.copy': 'Copiar la dirección',
  'calendar.copied': 'Copiada.',

  'availability.none': 'sin indicar',
  'availability.anyTime': 'a cualquier hora',
  'availability.everyDay': 'todos los días',
  'availability.weekdays': 'entre semana',
  'availability.weekends': 'fines de semana',
  'availability.range': 'de {from} a {to}',
  'availability.group': '{days}: {parts}',
  'availability.separator': '; ',
  'availability.day.mon': 'lunes',
  'availability.day.tue': 'martes',
  'availability.day.wed': 'miércoles',
  'availability.day.thu': 'jueves',
  'availability.day.fri': 'viernes',
  'availability.day.sat': 'sábado',
  'availability.day.sun': 'domingo',
  'availability.part.morning': 'por la mañana',
  'availability.part.afternoon': 'por la tarde',
  'availability.part.evening': 'por la noche',
};
