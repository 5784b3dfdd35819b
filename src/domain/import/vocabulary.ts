/**
 * The words of spreadsheets: header names shared by several kinds, and the values of choice
 * fields with the words people write for them, in English and Spanish, folded (no accents,
 * lower case), as `fold` makes them. Pure data.
 */

/** Synonyms are written as one "a|b|c" string: short to read, easy to extend. */
export function w(list: string): readonly string[] {
  return list.split('|');
}

export const NAME_HEADERS = w(
  'name|full name|your name|contact name|first and last name|nombre|nombre completo|nombre y apellidos|tu nombre|su nombre',
);
export const PHONE_HEADERS = w(
  'phone|phone number|telephone|mobile|cell|cell phone|whatsapp|best number to reach you|telefono|numero de telefono|movil|celular|numero de celular',
);
export const EMAIL_HEADERS = w(
  'email|email address|e-mail|mail|correo|correo electronico|email de contacto',
);
export const AREA_HEADERS = w(
  'area|neighbourhood|neighborhood|zone|district|barrio|zona|colonia|distrito',
);
export const LANGUAGE_HEADERS = w(
  'language|preferred language|languages|languages spoken|idioma|idiomas|idioma preferido|lengua',
);
export const NOTES_HEADERS = w('notes|comments|notas|comentarios|observaciones');

export const TRANSPORT: Record<string, readonly string[]> = {
  walk: w('walk|walking|on foot|a pie|caminando|andando'),
  bike: w('bike|bicycle|cycling|bici|bicicleta'),
  public: w('bus|public transport|transit|metro|subway|transporte publico|autobus|colectivo'),
  car: w('car|drive|driving|coche|carro|auto|automovil'),
};

export const URGENCY: Record<string, readonly string[]> = {
  low: w('low|not urgent|whenever|no rush|baja|no es urgente|sin prisa'),
  normal: w('normal|medium|this week|soon|media|esta semana|pronto'),
  high: w('high|urgent|today|asap|alta|urgente|hoy'),
  critical: w('critical|emergency|right now|critica|emergencia|ahora mismo'),
};

export const GOODS_CATEGORY: Record<string, readonly string[]> = {
  food: w('food|dry goods|pantry|canned|comida|alimentos|despensa|conservas'),
  fresh: w('fresh|produce|fruit|vegetables|dairy|fresco|frescos|fruta|verdura'),
  hygiene: w('hygiene|toiletries|personal care|higiene|aseo'),
  baby: w('baby|diapers|nappies|infant|bebe|panales'),
  clothing: w('clothing|clothes|ropa|vestimenta'),
  medical: w('medical|first aid|medicine|medico|botiquin|medicinas'),
  household: w('household|cleaning|home|hogar|limpieza|casa'),
  other: w('other|misc|otro|otros|varios'),
};

export const PARTNER_KIND: Record<string, readonly string[]> = {
  food_bank: w('food bank|pantry|banco de alimentos|despensa'),
  clinic: w('clinic|health|hospital|clinica|salud|centro de salud'),
  legal_aid: w('legal|legal aid|lawyer|asesoria legal|abogado|juridico'),
  shelter: w('shelter|housing|refugio|albergue|vivienda'),
  school: w('school|college|escuela|colegio|instituto'),
  faith: w('church|mosque|temple|synagogue|faith|iglesia|mezquita|parroquia'),
  government: w('city|council|government|public service|ayuntamiento|gobierno|servicios sociales'),
  other: w('other|otro|otra'),
};
