import type { requestEditEn } from './en-request-edit.ts';

/** Spanish for editing a request and saying who has it (see en-request-edit.ts). */
export const requestEditEs: Record<keyof typeof requestEditEn, string> = {
  'requestEdit.owner': 'Coordinadora o coordinador',
  'requestEdit.takeIt': 'Me la quedo',
  'requestEdit.giveTo': 'Dársela a',
  'requestEdit.giveSubmit': 'Dársela',
  'requestEdit.link': 'Editar esta solicitud',
  'requestEdit.title': 'Editar la solicitud {code}',
  'requestEdit.intro':
    'Cambie lo que se dijo al recibirla. Los valores anteriores quedan en el historial.',
  'requestEdit.submit': 'Guardar los cambios',
  'requestEdit.back': 'Volver a la solicitud',
  'requestEdit.conflict':
    'Alguien cambió esta solicitud mientras usted tenía el formulario abierto. Revise los valores y vuelva a guardar.',
  'requestEdit.nothing': 'No se cambió nada.',
  'requestEdit.saved': 'Cambios guardados.',
  'requestEdit.field.name': 'Nombre',
  'requestEdit.field.phone': 'Teléfono',
  'requestEdit.field.email': 'Correo',
  'requestEdit.field.address': 'Dirección',
  'requestEdit.field.details': 'Lo que necesita',
  'requestEdit.field.accessibility': 'Necesidades de accesibilidad',
  'requestEdit.field.category': 'Tipo de ayuda',
  'requestEdit.field.urgency': 'Urgencia',
  'requestEdit.field.householdSize': 'Personas en el hogar',
  'requestEdit.field.areaId': 'Zona',
  'requestEdit.field.language': 'Idioma',
  'notify.cancelled.title': 'La tarea {code} ya no hace falta',
  'notify.cancelled.text':
    'La persona que la pidió canceló la solicitud {code}. No hace falta que vaya; gracias.',
  'notify.cancelled.link': 'Sus tareas',
  'requestEdit.notes': 'Notas entre coordinadores',
  'requestEdit.notesHint':
    'Solo las ven los coordinadores: nunca el voluntario ni la persona que la pidió.',
  'requestEdit.noteLabel': 'Deje una nota para los demás coordinadores',
  'requestEdit.noteSubmit': 'Agregar la nota',
  'event.internal_note': 'Nota entre coordinadores',
  'audit.action.request.internal_note': 'Nota entre coordinadores',
  'event.fields_edited': 'Editada',
  'audit.action.request.fields_edited': 'Solicitud editada',
};
