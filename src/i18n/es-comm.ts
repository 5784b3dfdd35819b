import type { commEn } from './en-comm.ts';

/** Spanish for communication; the same keys and {placeholders} as en-comm.ts. */
export const commEs: Record<keyof typeof commEn, string> = {
  'mail.footer':
    'Recibe esto de Mutua por su participación en una red de ayuda mutua. Elija cómo y cuándo le contactamos: {link}',
  'field.timeZone': 'Zona horaria',
  'field.timeZoneHint':
    'Para las horas de silencio, los recordatorios y los horarios de eventos, por ejemplo America/Mexico_City.',
  'field.timeZoneInvalid':
    'Escriba el nombre de una zona horaria, por ejemplo America/Mexico_City o Europe/Madrid.',
  'field.smsNumber': 'Número de SMS de esta red',
  'field.smsNumberHint':
    'Solo si la red tiene su propio número en la pasarela de SMS; si no, se usa el compartido.',
  'audit.action.sms.opted_out': 'Un número dejó de recibir SMS (STOP)',
  'audit.action.outbox.retried': 'Mensaje fallido enviado de nuevo',
  'audit.action.announcement.sent': 'Anuncio enviado',

  'sms.need':
    '{network}: ¿qué necesita? Responda con un número: {options}. Guardamos sus respuestas solo para organizar la ayuda. Envíe PARAR para no recibir más.',
  'sms.notUnderstood': 'Perdón, no entendimos.',
  'sms.where': '¿Dónde está? Responda con su zona ({areas}) o las calles más cercanas.',
  'sms.whereStreets': '¿Dónde está? Responda con las calles más cercanas.',
  'sms.created':
    'Gracias. Su solicitud es {code}. Un vecino se pondrá en contacto. Envíe ESTADO {code} para seguirla.',
  'sms.failed': 'Perdón, algo salió mal. Inténtelo de nuevo o llámenos.',
  'sms.status': 'Solicitud {code}: {status}.',
  'sms.status.new': 'recibida, esperando a un voluntario',
  'sms.status.triaged': 'revisada, buscamos un voluntario',
  'sms.status.assigned': 'un voluntario va a ayudar',
  'sms.status.in_progress': 'un voluntario va en camino',
  'sms.status.fulfilled': 'hecha',
  'sms.status.closed': 'cerrada',
  'sms.unknownCode': 'No encontramos {code}. Revise el código e inténtelo de nuevo.',
  'sms.unknownCodeAny':
    'No encontramos ninguna solicitud con ese código. Revise el código e inténtelo de nuevo.',
  'sms.tooManyLookups':
    'Se probaron demasiados códigos desde este teléfono. Espere {minutes} minutos o llámenos.',
  'sms.joinConfirm': 'Para terminar de unirse a {network}, abra antes de 24 horas: {link}',
  'sms.joinAttempt':
    'Alguien intentó unirse a {network} con este número. Ya tiene una cuenta: inicie sesión para unirse, {link}. ¿No fue usted? Ignore este mensaje.',
  'sms.unknown': 'Envíe AYUDA para pedir ayuda, o ESTADO y su código para seguir una solicitud.',
  'sms.start': 'Volverá a recibir SMS de {network}. Envíe AYUDA para pedir ayuda.',
  'sms.noNetwork': 'Este número todavía no está vinculado a una red.',
  'sms.pickNetwork': '¿Qué red? Envíe {keyword} y una de: {names}',
  'sms.notVolunteer':
    'Este número no es de un voluntario de {network}. Añádalo a su cuenta para tomar tareas por SMS.',
  'sms.taken': 'Otra persona tomó la tarea {code} hace un momento. ¡Gracias por ofrecerse!',
  'sms.claimed': '¡Gracias! La tarea {code} es suya: {category} {area}. Detalles: {link}',
  'sms.doneHours':
    '¿Cuántas horas tomó la tarea {code}? Responda {keyword} {code} y las horas, por ejemplo {keyword} {code} 1,5',
  'sms.doneThanks': '¡Gracias! La tarea {code} quedó registrada como hecha, {hours} h.',
  'sms.doneAlready': 'La tarea {code} ya estaba registrada como hecha. ¡Gracias!',
  'sms.doneNotYours':
    'La tarea {code} no es suya, así que no se puede marcar como hecha desde este teléfono.',

  'notify.open': 'Abrir en Mutua',
  'notify.received.title': '{network} recibió su solicitud',
  'notify.received.text':
    'Gracias por pedirlo. El código de su solicitud es {code}. Un vecino se pondrá en contacto; puede seguirla en el enlace de abajo.',
  'notify.received.link': 'Ver cómo va',
  'notify.onTheWay.title': 'Un voluntario va en camino',
  'notify.onTheWay.text': '{name} va en camino por su solicitud {code}.',
  'notify.urgent.title': 'Solicitud {code}: {urgency}',
  'notify.urgent.text': '{category} en {area}. Necesita a alguien pronto.',
  'notify.reminder.title': 'La tarea {code} le espera',
  'notify.reminder.text':
    'Tomó esta tarea ({category}) hace un día. Iníciela cuando vaya, o devuélvala para que otra persona pueda ayudar.',
  'notify.offered.title': 'Una tarea cerca de usted',
  'notify.offered.text': '{category} en {area}. Responda SI {code} para tomarla.',

  'nav.notifications': 'Avisos',
  'notifications.title': 'Avisos',
  'notifications.none':
    'Nada todavía. Aquí aparecerán los mensajes sobre sus solicitudes, tareas y redes.',
  'notifications.new': 'Nuevo',
  'notifications.markRead': 'Marcar todo como leído',
  'notifications.prefsLink': 'Elija cómo y cuándo le contactamos',
  'notifications.prefsTitle': 'Cómo le contactamos',
  'notifications.prefsIntro':
    'Todo aparece también en sus avisos aquí. Elija adónde más se envía y las horas de silencio.',
  'notifications.channels': 'Enviarme mensajes',
  'notifications.byEmail': 'Por correo electrónico, a {email}',
  'notifications.byEmailNone': 'Por correo electrónico (primero añada un correo a su cuenta)',
  'notifications.bySms': 'Por SMS, al {phone}',
  'notifications.bySmsNone': 'Por SMS (primero añada un teléfono a su cuenta)',
  'notifications.quiet': 'Horas de silencio',
  'notifications.quietHint':
    'No llega nada entre estas horas (reloj de 24 horas, por ejemplo 22:00 y 07:00), salvo una emergencia. Deje las dos vacías si no quiere horas de silencio.',
  'notifications.quietFrom': 'Desde',
  'notifications.quietTo': 'Hasta',
  'notifications.clockInvalid': 'Escriba una hora como 22:00.',
  'notifications.quietBoth': 'Escriba las dos horas, o deje las dos vacías.',

  'nav.messages': 'Mensajes',
  'messages.title': 'Mensajes enviados por la red',
  'messages.intro':
    'Cada correo y SMS sale desde aquí, y se reintenta si falla. Lo que no se pudo entregar aparece abajo, para que pueda contactar a la persona de otra forma o enviarlo de nuevo. Las direcciones y los textos siguen sellados.',
  'messages.status.sent': 'Enviados',
  'messages.status.pending': 'En espera',
  'messages.status.sending': 'Enviándose',
  'messages.status.failed': 'Fallidos',
  'messages.status.cancelled': 'Cancelados (STOP)',
  'messages.undelivered': 'Aún sin entregar',
  'messages.allDelivered': 'Todo se ha entregado.',
  'messages.col.what': 'Mensaje',
  'messages.col.to': 'Para',
  'messages.col.status': 'Estado',
  'messages.col.why': 'Motivo',
  'messages.col.action': 'Acción',
  'messages.channel.email': 'Correo',
  'messages.channel.sms': 'SMS',
  'messages.toRequester': 'Una persona que pidió ayuda',
  'messages.nextTry': 'Próximo intento:',
  'messages.attempts': 'Intentos: {count}',
  'messages.retry': 'Enviar de nuevo',

  'audit.action.request.offered': 'Tarea ofrecida por SMS',
  'match.offerByText': 'Ofrecer a {name} por SMS',
  'match.offered':
    'La oferta va en camino por SMS. La primera persona que responda SI se queda con la tarea.',
  'match.offerNoPhone':
    'Esta persona voluntaria no tiene teléfono, así que no se puede ofrecer por SMS.',
  'match.offerStopped':
    'Esta persona voluntaria pidió no recibir SMS (STOP), así que no se envió nada.',
  'event.offered': 'Ofrecida por SMS',
};
