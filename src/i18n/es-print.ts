import type { printEn } from './en-print.ts';

/** Spanish for printables (neutral Latin American, "usted"). Same keys and {placeholders}. */
export const printEs: Record<keyof typeof printEn, string> = {
  'nav.print': 'Para imprimir',

  'print.title': 'Para imprimir',
  'print.intro':
    'Papel para tablones de anuncios, visitas puerta a puerta y los días en que fallan los teléfonos o la red. Cada hoja se imprime en el idioma que usted elija.',
  'print.language': 'Idioma de la hoja',
  'print.pdfNote': 'Descarga un PDF para imprimir o guardar.',

  'print.flyer.title': 'Volante: cómo pedir ayuda',
  'print.flyer.help':
    'Un código QR al formulario de solicitud, la dirección web y, si la red tiene un número para mensajes de texto, la palabra que hay que enviar. Una parte por idioma.',
  'print.flyer.noSms':
    'Esta red todavía no tiene un número para mensajes de texto, así que el volante muestra solo el código QR y la dirección web.',
  'print.flyer.languages': 'Idiomas del volante',
  'print.flyer.layout': 'Diseño',
  'print.flyer.layout.sections': 'Todos los idiomas en una página',
  'print.flyer.layout.pages': 'Una página por idioma',
  'print.flyer.download': 'Descargar el volante (PDF)',

  'print.signIn.title': 'Hoja de registro',
  'print.signIn.help':
    'Una hoja en blanco para que las personas se registren en un reparto o un evento, para cuando fallan los teléfonos o la red.',
  'print.signIn.sheetTitle': 'Título',
  'print.signIn.sheetTitleHint': 'Por ejemplo: Reparto de alimentos del sábado.',
  'print.signIn.date': 'Fecha',
  'print.signIn.place': 'Lugar',
  'print.signIn.placeHint': 'Por ejemplo: Salón comunitario, calle Molino 5.',
  'print.signIn.rows': 'Número de líneas',
  'print.signIn.rowsHint': 'De 1 a 200.',
  'print.signIn.download': 'Descargar la hoja de registro (PDF)',

  'print.route.link': 'Imprimir mi hoja de ruta',
  'print.route.title': 'Hoja de ruta',
  'print.route.help':
    'Una copia impresa de sus tareas, con sus direcciones y teléfonos, para un día de recorrido. Contiene datos privados de otras personas: llévela consigo y destrúyala al terminar. Cada impresión queda registrada, como cualquier consulta de estos datos.',
  'print.route.date': 'Día',
  'print.route.download': 'Descargar mi hoja de ruta (PDF)',

  'print.dateHint': 'Como año-mes-día, por ejemplo 2026-12-05.',
  'print.error.language': 'Elija uno de los idiomas ofrecidos.',
  'print.error.languages': 'Elija al menos uno de los idiomas ofrecidos.',
  'print.error.date': 'Escriba una fecha real como año-mes-día, por ejemplo 2026-12-05.',
  'print.error.rows': 'Escriba un número de líneas de 1 a 200.',

  'print.flyer.heading': '¿Necesita ayuda?',
  'print.flyer.lead':
    'Vecinas y vecinos que se ayudan: compras, comidas, medicamentos, traslados, alguien con quien hablar. Pedir es gratis, y usted también puede ofrecer ayuda.',
  'print.flyer.scan': 'Escanee el código con la cámara del teléfono, o abra:',
  'print.flyer.text': '¿Sin internet? Envíe {keyword} al {number}',
  'print.flyer.textHint': 'Le haremos unas pocas preguntas cortas por mensaje de texto.',

  'print.sheet.date': 'Fecha: {date}',
  'print.sheet.place': 'Lugar: {place}',
  'print.sheet.page': 'Página {page} de {pages}',
  'print.route.heading': 'Hoja de ruta de {name}',
  'print.route.private':
    'Privado: esta hoja contiene direcciones y teléfonos de vecinas y vecinos. Llévela consigo y destrúyala después de usarla.',
  'print.route.none': 'Ahora no tiene tareas.',
  'print.route.notThatDay': 'Este día no',
  'print.col.number': 'N.º',
  'print.col.task': 'Tarea',
  'print.col.name': 'Nombre',
  'print.col.address': 'Dirección',
  'print.col.phone': 'Teléfono',
  'print.col.when': 'Cuándo',
  'print.col.notes': 'Notas',
  'print.col.done': 'Hecho',
  'print.col.household': 'Personas en casa',
  'print.col.area': 'Calle o zona',
  'print.col.signature': 'Firma',

  'audit.action.route_sheet.printed': 'Hoja de ruta impresa',
};
