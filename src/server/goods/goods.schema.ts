import { Type } from 'typebox';
import { MOVEMENT_KINDS } from '../../domain/goods/stock.ts';
import { literals } from '../http/api-schema.ts';
import {
  DONOR_MAX,
  GOODS_CATEGORIES,
  HOUSEHOLD_SIZE_MAX,
  ISO_DATE,
  LIMIT_DAYS_MAX,
  NAME_MAX,
  QUANTITY_MAX,
  REASON_MAX,
  UNIT_MAX,
  WHOLE,
} from './goods.rules.ts';

const Id = Type.String({ maxLength: 40 });
const Whole = (error: string) => Type.String({ pattern: WHOLE, 'x-error': error });
const IsoDate = Type.String({ pattern: ISO_DATE, 'x-error': 'goods.dateInvalid' });

// ---- HTML forms: strings as typed ----

export const ItemForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: NAME_MAX }),
  category: literals(GOODS_CATEGORIES),
  unit: Type.String({ minLength: 1, maxLength: UNIT_MAX }),
  lowStock: Type.Optional(Whole('goods.wholeNumber')),
  limitQuantity: Type.Optional(Whole('goods.wholeNumber')),
  limitDays: Type.Optional(Whole('goods.limitDaysInvalid')),
  limitHard: Type.Optional(Type.String({ maxLength: 5 })),
  tracksExpiry: Type.Optional(Type.String({ maxLength: 5 })),
});

export const SiteForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: NAME_MAX }),
  areaId: Type.Optional(Id),
});

export const MovementForm = Type.Object({
  kind: literals(MOVEMENT_KINDS),
  itemId: Id,
  quantity: Type.String({ pattern: '^[-+]?[0-9]{1,6}$', 'x-error': 'goods.quantityInvalid' }),
  fromSiteId: Type.Optional(Id),
  toSiteId: Type.Optional(Id),
  reason: Type.Optional(Type.String({ maxLength: REASON_MAX })),
  donorName: Type.Optional(Type.String({ maxLength: DONOR_MAX })),
  expiresOn: Type.Optional(IsoDate),
});

export const ReceiveOfferForm = Type.Object({
  itemId: Id,
  toSiteId: Id,
  quantity: Whole('goods.quantityInvalid'),
  expiresOn: Type.Optional(IsoDate),
});

export const HouseholdForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: NAME_MAX }),
  phone: Type.Optional(Type.String({ maxLength: 30 })),
  size: Type.String({ pattern: '^[0-9]{1,2}$', 'x-error': 'goods.sizeInvalid' }),
  language: Type.String({ pattern: '^[a-z]{2,3}$', 'x-error': 'field.choose' }),
  areaId: Type.Optional(Id),
  requestCode: Type.Optional(Type.String({ maxLength: 12 })),
  notes: Type.Optional(Type.String({ maxLength: 500 })),
});

export const WantForm = Type.Object({ itemId: Id, quantity: Whole('goods.quantityInvalid') });
export const LinkForm = Type.Object({ requestCode: Type.String({ minLength: 1, maxLength: 12 }) });
export const RoundForm = Type.Object({ itemId: Id, siteId: Id });
export const DayStatusForm = Type.Object({
  status: literals(['planned', 'open', 'closed'] as const),
});

/** Forms whose fields depend on the network's items (a quantity per item): checked in code. */
export const OpenForm = Type.Object({}, { additionalProperties: Type.String({ maxLength: 200 }) });

export function whole(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return /^[-+]?\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

// ---- JSON API ----

export const ItemBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: NAME_MAX }),
    category: literals(GOODS_CATEGORIES),
    unit: Type.String({ minLength: 1, maxLength: UNIT_MAX }),
    tracksExpiry: Type.Optional(Type.Boolean()),
    lowStock: Type.Optional(Type.Integer({ minimum: 0, maximum: QUANTITY_MAX })),
    limit: Type.Optional(
      Type.Object({
        quantity: Type.Integer({ minimum: 1, maximum: QUANTITY_MAX }),
        days: Type.Integer({ minimum: 1, maximum: LIMIT_DAYS_MAX }),
        hard: Type.Boolean(),
      }),
    ),
  },
  { additionalProperties: false },
);

export const ItemOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  category: Type.String(),
  unit: Type.String(),
  tracksExpiry: Type.Boolean(),
  lowStock: Type.Integer(),
  limit: Type.Union([
    Type.Object({ quantity: Type.Integer(), days: Type.Integer(), hard: Type.Boolean() }),
    Type.Null(),
  ]),
});

export const SiteBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: NAME_MAX }), areaId: Type.Optional(Id) },
  { additionalProperties: false },
);
export const SiteOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  areaId: Type.Union([Type.String(), Type.Null()]),
});

export const MovementBody = Type.Object(
  {
    kind: literals(MOVEMENT_KINDS),
    itemId: Id,
    quantity: Type.Integer({ minimum: -QUANTITY_MAX, maximum: QUANTITY_MAX }),
    fromSiteId: Type.Optional(Id),
    toSiteId: Type.Optional(Id),
    reason: Type.Optional(Type.String({ maxLength: REASON_MAX })),
    donorName: Type.Optional(Type.String({ maxLength: DONOR_MAX })),
    expiresOn: Type.Optional(Type.String({ pattern: ISO_DATE })),
  },
  { additionalProperties: false },
);

export const StockOut = Type.Object({
  siteId: Type.String(),
  siteName: Type.String(),
  itemId: Type.String(),
  itemName: Type.String(),
  unit: Type.String(),
  quantity: Type.Integer(),
  low: Type.Boolean(),
});

export const HouseholdBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: NAME_MAX }),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
    size: Type.Integer({ minimum: 1, maximum: HOUSEHOLD_SIZE_MAX }),
    language: Type.String({ pattern: '^[a-z]{2,3}$' }),
    areaId: Type.Optional(Id),
    requestCode: Type.Optional(Type.String({ maxLength: 12 })),
  },
  { additionalProperties: false },
);
export const HouseholdOut = Type.Object({
  id: Type.String(),
  code: Type.String(),
  size: Type.Integer(),
  language: Type.String(),
  areaId: Type.Union([Type.String(), Type.Null()]),
});

export const CheckInBody = Type.Object(
  {
    householdId: Id,
    items: Type.Array(
      Type.Object({ itemId: Id, quantity: Type.Integer({ minimum: 0, maximum: QUANTITY_MAX }) }),
      {
        maxItems: 100,
      },
    ),
    confirmOverLimit: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ReportQuery = Type.Object({
  from: Type.Optional(Type.String({ pattern: ISO_DATE })),
  to: Type.Optional(Type.String({ pattern: ISO_DATE })),
});
