/**
 * What can be imported, field by field: for each kind (volunteers, requests, households,
 * items, partners) the fields a column can be mapped to, the type each cell is read as, and
 * the header words in English and Spanish that suggest it (Google Forms, Excel lists and the
 * sheets groups keep by hand). `personal` fields hold personal data: the service seals them
 * as they are read and never writes them to logs or the job's progress. Pure data.
 */

import {
  AREA_HEADERS,
  EMAIL_HEADERS,
  GOODS_CATEGORY,
  LANGUAGE_HEADERS,
  NAME_HEADERS,
  NOTES_HEADERS,
  PARTNER_KIND,
  PHONE_HEADERS,
  TRANSPORT,
  URGENCY,
  w,
} from './vocabulary.ts';

export const IMPORT_KINDS = ['volunteers', 'requests', 'households', 'items', 'partners'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type FieldType =
  | 'text'
  | 'phone'
  | 'email'
  | 'url'
  | 'date'
  | 'datetime'
  | 'integer'
  | 'decimal'
  | 'boolean'
  | 'category'
  | 'categories'
  | 'language'
  | 'languages'
  | 'availability'
  | 'area'
  | 'site'
  | 'choice';

export interface FieldDef {
  key: string;
  type: FieldType;
  required?: boolean;
  personal?: boolean;
  /** Text: most characters; numbers: the range. */
  max?: number;
  min?: number;
  /** For 'choice': the values and the words that mean each (folded, both languages). */
  choices?: Record<string, readonly string[]>;
  /** Header words that suggest this field, English then Spanish. */
  headers: readonly string[];
}

export const FIELDS: Record<ImportKind, readonly FieldDef[]> = {
  volunteers: [
    { key: 'name', type: 'text', required: true, personal: true, max: 100, headers: NAME_HEADERS },
    { key: 'email', type: 'email', personal: true, max: 254, headers: EMAIL_HEADERS },
    { key: 'phone', type: 'phone', personal: true, headers: PHONE_HEADERS },
    { key: 'languages', type: 'languages', headers: LANGUAGE_HEADERS },
    {
      key: 'categories',
      type: 'categories',
      headers: w(
        'what can you help with|how can you help|help with|offers|en que puedes ayudar|como puedes ayudar|puedo ayudar con',
      ),
    },
    {
      key: 'skills',
      type: 'text',
      max: 500,
      headers: w('skills|special skills|experience|habilidades|experiencia|conocimientos'),
    },
    {
      key: 'transport',
      type: 'choice',
      choices: TRANSPORT,
      headers: w('transport|how do you get around|transportation|transporte|como te desplazas'),
    },
    {
      key: 'hasCar',
      type: 'boolean',
      headers: w(
        'car|has a car|do you have a car|own car|coche|tienes coche|tiene carro|vehiculo propio',
      ),
    },
    { key: 'area', type: 'area', headers: AREA_HEADERS },
    {
      key: 'radiusKm',
      type: 'decimal',
      min: 0.5,
      max: 100,
      headers: w('radius|distance|how far|km|radio|distancia|hasta donde'),
    },
    {
      key: 'weeklyHourCap',
      type: 'integer',
      min: 1,
      max: 60,
      headers: w('hours per week|weekly hours|hours a week|horas por semana|horas semanales'),
    },
    {
      key: 'availability',
      type: 'availability',
      headers: w(
        'availability|when are you available|available|disponibilidad|cuando estas disponible|horario',
      ),
    },
    { key: 'notes', type: 'text', personal: true, max: 1000, headers: NOTES_HEADERS },
  ],
  requests: [
    {
      key: 'createdAt',
      type: 'datetime',
      headers: w(
        'timestamp|date|submitted|submitted at|created|marca temporal|fecha|fecha de envio|marca de tiempo',
      ),
    },
    { key: 'name', type: 'text', required: true, personal: true, max: 100, headers: NAME_HEADERS },
    { key: 'phone', type: 'phone', personal: true, headers: PHONE_HEADERS },
    { key: 'email', type: 'email', personal: true, max: 254, headers: EMAIL_HEADERS },
    {
      key: 'address',
      type: 'text',
      personal: true,
      max: 200,
      headers: w(
        'address|street address|where are you located|location|cross streets|direccion|domicilio|donde vives|ubicacion',
      ),
    },
    { key: 'area', type: 'area', headers: AREA_HEADERS },
    {
      key: 'category',
      type: 'category',
      required: true,
      headers: w(
        'what do you need help with|type of help|help needed|category|need|request type|con que necesitas ayuda|que necesitas|tipo de ayuda|categoria|necesidad',
      ),
    },
    {
      key: 'details',
      type: 'text',
      personal: true,
      max: 1000,
      headers: w(
        'details|tell us more|describe your need|anything else we should know|description|more information|detalles|cuentanos mas|descripcion|algo mas que debamos saber',
      ),
    },
    {
      key: 'urgency',
      type: 'choice',
      choices: URGENCY,
      headers: w(
        'urgency|how urgent|how urgent is this|when do you need it|urgencia|que tan urgente|para cuando',
      ),
    },
    {
      key: 'householdSize',
      type: 'integer',
      min: 1,
      max: 20,
      headers: w(
        'household size|how many people|people in household|number of people|how many people live with you|personas en el hogar|cuantas personas|numero de personas|tamano del hogar',
      ),
    },
    { key: 'language', type: 'language', headers: LANGUAGE_HEADERS },
    {
      key: 'accessibility',
      type: 'text',
      personal: true,
      max: 300,
      headers: w(
        'accessibility|access needs|accessibility needs|disability|accesibilidad|necesidades de accesibilidad',
      ),
    },
    {
      key: 'needsCar',
      type: 'boolean',
      headers: w('needs a car|car needed|need a ride|necesita coche|requiere vehiculo'),
    },
    {
      key: 'consent',
      type: 'boolean',
      headers: w(
        'consent|i agree|do you agree|may we contact you|permission|consentimiento|acepto|podemos contactarte|autorizo',
      ),
    },
  ],
  households: [
    { key: 'name', type: 'text', required: true, personal: true, max: 100, headers: NAME_HEADERS },
    { key: 'phone', type: 'phone', personal: true, headers: PHONE_HEADERS },
    {
      key: 'size',
      type: 'integer',
      required: true,
      min: 1,
      max: 30,
      headers: w(
        'household size|size|people|number of people|members|tamano|personas|miembros|numero de personas',
      ),
    },
    {
      key: 'under14',
      type: 'integer',
      min: 0,
      max: 30,
      headers: w('children|kids|under 14|children under 14|ninos|menores|menores de 14'),
    },
    { key: 'language', type: 'language', headers: LANGUAGE_HEADERS },
    { key: 'area', type: 'area', headers: AREA_HEADERS },
    {
      key: 'dietary',
      type: 'text',
      personal: true,
      max: 300,
      headers: w('dietary|diet|allergies|dietary needs|dieta|alergias|restricciones alimentarias'),
    },
    { key: 'notes', type: 'text', personal: true, max: 1000, headers: NOTES_HEADERS },
  ],
  items: [
    {
      key: 'name',
      type: 'text',
      required: true,
      max: 80,
      headers: w('item|name|product|description|articulo|nombre|producto'),
    },
    {
      key: 'category',
      type: 'choice',
      choices: GOODS_CATEGORY,
      headers: w('category|type|categoria|tipo'),
    },
    { key: 'unit', type: 'text', max: 20, headers: w('unit|units|measure|unidad|medida') },
    {
      key: 'quantity',
      type: 'integer',
      min: 0,
      max: 100_000,
      headers: w('quantity|qty|stock|on hand|count|cantidad|existencias|inventario'),
    },
    {
      key: 'site',
      type: 'site',
      headers: w('site|location|pantry|storage|sitio|ubicacion|almacen|despensa'),
    },
    {
      key: 'lowStock',
      type: 'integer',
      min: 0,
      max: 100_000,
      headers: w('low stock|reorder at|minimum|stock minimo|minimo|reponer en'),
    },
    {
      key: 'limitQuantity',
      type: 'integer',
      min: 1,
      max: 100_000,
      headers: w('limit|per household|max per household|limite|por hogar|maximo por hogar'),
    },
    {
      key: 'limitDays',
      type: 'integer',
      min: 1,
      max: 366,
      headers: w('limit days|every days|period|dias del limite|cada dias|periodo'),
    },
    { key: 'limitHard', type: 'boolean', headers: w('hard limit|strict|limite estricto|estricto') },
    {
      key: 'tracksExpiry',
      type: 'boolean',
      headers: w('expires|perishable|tracks expiry|caduca|perecedero|fecha de caducidad'),
    },
  ],
  partners: [
    {
      key: 'name',
      type: 'text',
      required: true,
      max: 120,
      headers: w('organisation|organization|name|partner|organizacion|nombre|entidad'),
    },
    {
      key: 'kind',
      type: 'choice',
      choices: PARTNER_KIND,
      headers: w('type|kind|sector|tipo|clase'),
    },
    {
      key: 'categories',
      type: 'categories',
      headers: w('services|what they offer|help offered|servicios|que ofrecen'),
    },
    {
      key: 'contactName',
      type: 'text',
      personal: true,
      max: 100,
      headers: w('contact|contact person|contact name|contacto|persona de contacto'),
    },
    { key: 'phone', type: 'phone', headers: PHONE_HEADERS },
    { key: 'email', type: 'email', max: 254, headers: EMAIL_HEADERS },
    {
      key: 'website',
      type: 'url',
      max: 300,
      headers: w('website|web|url|site|pagina web|sitio web'),
    },
    { key: 'address', type: 'text', max: 200, headers: w('address|direccion') },
    { key: 'area', type: 'area', headers: AREA_HEADERS },
    { key: 'languages', type: 'languages', headers: LANGUAGE_HEADERS },
    { key: 'notes', type: 'text', max: 1000, headers: NOTES_HEADERS },
  ],
};

export function fieldsOf(kind: ImportKind): readonly FieldDef[] {
  return FIELDS[kind];
}

export function fieldOf(kind: ImportKind, key: string): FieldDef | undefined {
  return FIELDS[kind].find((f) => f.key === key);
}

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}
