/**
 * Repeat complainants and escalation, per unit: a customer (客户编号, else 联系电话) who complains
 * again within `withinDays` of an earlier complaint — the first one was not settled — and work
 * orders escalated (越级, 升级). The repeat counts the later complaint in the period, so a customer
 * who called in March and again on 2 April counts in April's warning.
 */

export interface RepeatComplaint {
  unit: string;
  /** The customer number, else the telephone number; null: neither is known. */
  customer: string | null;
  /** Day index of acceptance. */
  day: number;
}

export interface UnitRepeats {
  unit: string;
  /** Customers with a complaint in the period within `withinDays` of their previous one. */
  customers: number;
  /** Those complaints. */
  complaints: number;
}

/**
 * Per unit, the customers who complained again within `withinDays` — the later complaint in
 * [from, to] (day indexes), the earlier one at most `withinDays` before it, in any unit (a customer
 * whose complaint moved to another unit is the later unit's repeat).
 */
export function repeatsWithin(
  complaints: readonly RepeatComplaint[],
  withinDays: number,
  from: number,
  to: number,
): UnitRepeats[] {
  const byCustomer = new Map<string, RepeatComplaint[]>();
  for (const c of complaints) {
    if (c.customer === null) continue;
    const list = byCustomer.get(c.customer);
    if (list) list.push(c);
    else byCustomer.set(c.customer, [c]);
  }
  const units = new Map<string, { customers: Set<string>; complaints: number }>();
  for (const [customer, list] of byCustomer) {
    list.sort((a, b) => a.day - b.day);
    for (let i = 1; i < list.length; i++) {
      const c = list[i]!;
      if (c.day < from || c.day > to || c.day - list[i - 1]!.day > withinDays) continue;
      const u = units.get(c.unit) ?? { customers: new Set<string>(), complaints: 0 };
      u.customers.add(customer);
      u.complaints++;
      units.set(c.unit, u);
    }
  }
  return [...units.entries()]
    .map(([unit, u]) => ({ unit, customers: u.customers.size, complaints: u.complaints }))
    .sort((a, b) => b.complaints - a.complaints || (a.unit < b.unit ? -1 : 1));
}
