/**
 * A template is shared: posted on a forum, mailed to another town, committed to a repo. It
 * must hold no one's personal data, and the export never puts any in; this check is for the
 * file someone edited by hand ("I'll just add our coordinators' phones") before importing
 * it or sharing it. Fields named like personal data are refused wherever they appear,
 * extension slots included; email addresses and phone numbers inside text (a playbook page
 * saying "call Ana at 555 0102") are warned about, since a public hotline may belong there
 * but a neighbour's number may not, and only a person can tell. Pure.
 */

export interface PersonalDataFinding {
  /** JSON pointer of the field or text: "/settings/coordinatorPhone". */
  path: string;
  kind: 'field' | 'email' | 'phone';
  severity: 'error' | 'warning';
  key: 'template.personal.field' | 'template.personal.email' | 'template.personal.phone';
}

/** Field names, lower case without separators, that only personal data goes under. */
const PERSONAL_FIELDS = new Set(
  [
    'firstname lastname fullname surname givenname familyname displayname personname',
    'contactname nombrecompleto apellido apellidos nombreyapellidos',
    'phone phones phonenumber telephone mobile cellphone whatsapp telefono movil celular',
    'email emails emailaddress mail correo correoelectronico',
    'address streetaddress homeaddress direccion domicilio postcode postalcode zipcode',
    'birthdate dateofbirth dob fechadenacimiento fechanacimiento age',
    'password passwordhash ssn dni nie passport pasaporte',
    'person people persons member members volunteer volunteers household households',
    'requester requesters contact contacts donor donors neighbour neighbours',
    'personid requesterid volunteerid householdid memberid userid',
  ]
    .join(' ')
    .split(' '),
);

/** Parts that make any field name personal: "coordinatorPhone", "contact_email", "homeAddress". */
const PERSONAL_PARTS =
  /phone|email|e-?mail|telefono|celular|whatsapp|correo|address|direccion|domicilio|birth|nacimiento|password|firstname|lastname|surname|fullname|apellido/;

function fieldIsPersonal(key: string): boolean {
  const k = key
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  // Sealed columns of the database ("name_enc", "phoneEnc") have no place in a template.
  if (/(_enc|Enc)$/.test(key)) return true;
  return PERSONAL_FIELDS.has(k) || PERSONAL_PARTS.test(k);
}

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi;
/** Seven or more digits with the separators phone numbers are written with. */
const PHONE = /\+?\(?\d[\d\s().-]{5,}\d/g;

function digitsOf(s: string): number {
  return s.replace(/\D/g, '').length;
}

function scanText(text: string, path: string, out: PersonalDataFinding[]): void {
  if (EMAIL.test(text))
    out.push({ path, kind: 'email', severity: 'warning', key: 'template.personal.email' });
  EMAIL.lastIndex = 0;
  for (const m of text.matchAll(PHONE)) {
    const s = m[0].trim();
    // Dates and times ("2024-03-14", "09:00-12:00") are digits with separators too.
    if (/^\d{4}-\d{2}-\d{2}$/.test(s) || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(s)) continue;
    if (digitsOf(s) >= 7 && digitsOf(s) <= 15) {
      out.push({ path, kind: 'phone', severity: 'warning', key: 'template.personal.phone' });
      break;
    }
  }
}

const pointer = (path: string, key: string | number) =>
  `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** Every personal-data field (error) and every email or phone in text (warning). */
export function findPersonalData(doc: unknown): PersonalDataFinding[] {
  const out: PersonalDataFinding[] = [];
  const walk = (value: unknown, path: string, depth: number) => {
    if (depth > 64) return;
    if (typeof value === 'string') scanText(value, path || '/', out);
    else if (Array.isArray(value))
      value.forEach((v, i) => {
        walk(v, pointer(path, i), depth + 1);
      });
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        const p = pointer(path, k);
        if (fieldIsPersonal(k))
          out.push({ path: p, kind: 'field', severity: 'error', key: 'template.personal.field' });
        else walk(v, p, depth + 1);
      }
  };
  walk(doc, '', 0);
  return out;
}
