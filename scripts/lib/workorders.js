// Generation of synthetic 95598 work orders (one plain object per work order), shared by the
// fixture generators. Times are wall-clock values {y, mo, d, h, mi, s} with no time zone:
// they are written to files exactly as given, never shifted.

import { COMPLAINT_TYPES, OTHER_TYPES, UNITS, makeAddress, pickShop } from './texts.js';

// ---------------------------------------------------------------------------------------------
// Wall-clock times

export function wall(y, mo, d, h = 0, mi = 0, s = 0) {
  return { y, mo, d, h, mi, s };
}

export function wallToUtcDate(t) {
  return new Date(Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi, t.s));
}

export function utcDateToWall(date) {
  return wall(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
}

export function addMinutes(t, minutes) {
  return utcDateToWall(new Date(wallToUtcDate(t).getTime() + minutes * 60000));
}

export function compareWall(a, b) {
  return wallToUtcDate(a).getTime() - wallToUtcDate(b).getTime();
}

const p2 = (n) => String(n).padStart(2, '0');

export const fmt = {
  /** 2016-05-03 10:22:11 */
  iso: (t) => `${t.y}-${p2(t.mo)}-${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}`,
  /** 2016/5/3 9:05 (what Excel in Chinese Windows writes to CSV) */
  slash: (t) => `${t.y}/${t.mo}/${t.d} ${t.h}:${p2(t.mi)}`,
  /** 20160503 */
  compact: (t) => `${t.y}${p2(t.mo)}${p2(t.d)}`,
  /** 2016年5月3日 */
  cn: (t) => `${t.y}年${t.mo}月${t.d}日`,
  month: (t) => `${t.y}-${p2(t.mo)}`,
};

export function daysInMonth(y, mo) {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A plausible acceptance time: most calls in the daytime, a few at night. */
export function randomTimeInDay(rng, y, mo, d) {
  const h = rng.weighted([
    [rng.int(0, 6), 4],
    [rng.int(7, 11), 40],
    [rng.int(12, 17), 38],
    [rng.int(18, 23), 18],
  ]);
  return wall(y, mo, d, h, rng.int(0, 59), rng.int(0, 59));
}

// ---------------------------------------------------------------------------------------------
// Identifiers

export function createIdFactory(rng) {
  const used = new Set();
  return {
    /** 14-digit work-order number: yyMMdd + 8 digits, unique across all fixtures. */
    workOrder(t) {
      for (;;) {
        const id = `${String(t.y).slice(2)}${p2(t.mo)}${p2(t.d)}${rng.digits(8)}`;
        if (!used.has(id)) {
          used.add(id);
          return id;
        }
      }
    },
    /** 10-digit customer number (户号). */
    customer() {
      for (;;) {
        const id = `05${rng.digits(8)}`;
        if (!used.has(id)) {
          used.add(id);
          return id;
        }
      }
    },
  };
}

function phoneFor(rng) {
  if (rng.next() < 0.25) return `0559-${rng.int(2, 6)}${rng.digits(6)}`;
  return `1${rng.pick(['39', '38', '37', '35', '58', '80', '89', '56', '52', '86'])}${rng.digits(8)}`;
}

// ---------------------------------------------------------------------------------------------
// Work orders

export const BUSINESS_TYPE_WEIGHTS = [
  ['投诉', 55],
  ...Object.entries(OTHER_TYPES).map(([name, spec]) => [name, spec.weight]),
];

export function pickUnit(rng) {
  return rng.weighted(UNITS.map((u) => [u, u.weight]));
}

function fill(template, ctx) {
  return template.replace(/\{(\w+)\}/g, (_, key) => {
    if (!(key in ctx)) throw new Error(`template placeholder {${key}} has no value`);
    return String(ctx[key]);
  });
}

/**
 * Creates a generator of work orders sharing one PRNG and one id factory.
 * `repeaters` maps a unit key to customer numbers that complain more than once.
 */
export function createWorkOrderFactory(rng, ids, { repeaters = {}, exportTime } = {}) {
  const customerPhones = new Map();
  const phoneOf = (customerId) => {
    if (!customerPhones.has(customerId)) customerPhones.set(customerId, phoneFor(rng));
    return customerPhones.get(customerId);
  };

  /**
   * @param {object} o
   * @param {object} o.acceptedAt wall-clock time
   * @param {string} [o.businessType] forced business type
   * @param {object} [o.unit] forced unit (from UNITS)
   * @param {string} [o.level2] forced second-level type for a complaint
   * @param {boolean} [o.useRepeaters] allow repeat complainants
   * @param {object} [o.closeBefore] wall-clock time the order must be closed before
   */
  return function make(o) {
    const acceptedAt = o.acceptedAt;
    const unit = o.unit ?? pickUnit(rng);
    const businessType = o.businessType ?? rng.weighted(BUSINESS_TYPE_WEIGHTS);
    const isComplaint = businessType === '投诉';

    let customerId;
    const pool = repeaters[unit.key];
    if (isComplaint && o.useRepeaters !== false && pool && rng.next() < 0.07) {
      customerId = rng.pick(pool);
    } else {
      customerId = ids.customer();
    }

    const eventDay = addMinutes(acceptedAt, -rng.int(0, 3) * 1440);
    const ctx = {
      addr: makeAddress(rng, unit),
      town: rng.pick(unit.towns),
      hall: rng.pick(unit.hall),
      shop: pickShop(rng),
      short: unit.short,
      md: `${eventDay.mo}月${eventDay.d}日`,
      m: eventDay.mo,
      pm: eventDay.mo === 1 ? 12 : eventDay.mo - 1,
      n: rng.int(3, 12),
      amt: rng.int(3, 60) * 10,
      big: rng.int(45, 150) * 10,
      cust: customerId,
    };

    let level1 = '';
    let level2 = '';
    let level3 = '';
    let content;
    let substantiated = '';
    let appealResult = '';
    let department;
    if (isComplaint) {
      const type = o.level2
        ? COMPLAINT_TYPES.find((t) => t.level2 === o.level2)
        : rng.weighted(COMPLAINT_TYPES.map((t) => [t, t.weight]));
      if (!type) throw new Error(`unknown level2 ${o.level2}`);
      const [item, text] = rng.pick(type.templates);
      level1 = type.level1;
      level2 = type.level2;
      level3 = item;
      content = fill(text, ctx);
      substantiated = rng.weighted([
        ['属实', 55],
        ['不属实', 30],
        ['部分属实', 15],
      ]);
      if (substantiated === '不属实') {
        appealResult = rng.weighted([
          ['申诉成功', 70],
          ['申诉失败', 10],
          ['未申诉', 20],
        ]);
      } else if (substantiated === '部分属实') {
        appealResult = rng.weighted([
          ['申诉成功', 35],
          ['申诉失败', 25],
          ['未申诉', 40],
        ]);
      } else {
        appealResult = rng.weighted([
          ['未申诉', 88],
          ['申诉失败', 8],
          ['申诉成功', 4],
        ]);
      }
      department = ['服务投诉', '营业投诉'].includes(level1) ? '营销部' : '运维检修部';
    } else {
      const spec = OTHER_TYPES[businessType];
      content = fill(rng.pick(spec.templates), ctx);
      if (spec.level1) level1 = rng.pick(spec.level1);
      department = businessType === '故障报修' ? '配网抢修指挥中心' : '客户服务中心';
    }

    // Closing time: repairs within hours, complaints within days.
    let minutes;
    if (businessType === '故障报修') minutes = rng.int(40, 360);
    else if (isComplaint) minutes = rng.int(6 * 60, 8 * 1440);
    else minutes = rng.int(10, 2 * 1440);
    let closedAt = addMinutes(acceptedAt, minutes);
    if (o.closeBefore && compareWall(closedAt, o.closeBefore) >= 0) {
      const span = Math.floor(
        (wallToUtcDate(o.closeBefore).getTime() - wallToUtcDate(acceptedAt).getTime()) / 60000,
      );
      closedAt = addMinutes(acceptedAt, Math.max(20, Math.floor(span * (0.3 + 0.6 * rng.next()))));
    }
    if (exportTime && compareWall(closedAt, exportTime) >= 0) closedAt = null;

    let satisfaction = '';
    if (closedAt) {
      satisfaction = isComplaint
        ? rng.weighted([
            ['满意', 45],
            ['基本满意', 25],
            ['不满意', 18],
            ['', 12],
          ])
        : rng.weighted([
            ['满意', 75],
            ['基本满意', 10],
            ['', 15],
          ]);
    }

    return {
      id: ids.workOrder(acceptedAt),
      acceptedAt,
      unit, // the UNITS entry; the written name is chosen by each file
      businessType,
      content,
      level1,
      level2,
      level3,
      customerId,
      phone: phoneOf(customerId),
      substantiated,
      appealResult,
      closedAt,
      satisfaction,
      department,
    };
  };
}
