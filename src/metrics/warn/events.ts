/**
 * Events: several complaints about one place, of one class, within a few hours — an outage or a
 * burnt transformer that drew many calls — found so the analyst treats them as one incident, not
 * as a spike of separate failures. A place is a word naming one in the address or the text
 * (…村, …小区, …台区, …路12号): complaints that share such a word, in the same unit and
 * second-level class, within `windowHours` of the first, make an event when there are at least
 * `minComplaints` of them.
 */

export interface EventThresholds {
  windowHours: number;
  minComplaints: number;
}

export const EVENT_DEFAULTS: EventThresholds = { windowHours: 6, minComplaints: 3 };

/** What the detector needs of a complaint. */
export interface EventOrder {
  id: string;
  unit: string;
  /** Minutes since the epoch, local time (only differences matter). */
  at: number;
  /** The second-level class, or null when unclassified (never grouped). */
  className: string | null;
  /** The address column and the complaint text, where the places are found. */
  address: string | null;
  text: string | null;
}

export interface ComplaintEvent {
  unit: string;
  className: string;
  place: string;
  /** The first and last acceptance time (minutes). */
  from: number;
  to: number;
  /** The work orders, in time order. */
  ids: string[];
}

// The words that end a place's name. A complaint names its place in its own words ("汤口镇芳村
//停电", "芳村村民反映"), so every ending of the name before such a word — its last one to four
// characters — is a place word: two complaints about one place share at least the shortest.
const PLACE_END =
  /(?:村委会|居委会|社区|小区|花园|新村|台区|村|组|街道|大道|路|街|巷|镇|乡|号楼|栋)/gu;
/** A character a place's name is made of: a Han character (U+4E00–U+9FA5) or a digit. */
const isHan = (code: number) =>
  (code >= 0x4e00 && code <= 0x9fa5) || (code >= 0x30 && code <= 0x39);
/** Words before a place word that name no place: 该村, 本村, 农村, 全村 … */
const NOT_A_PLACE = new Set([
  '该',
  '本',
  '我',
  '这',
  '那',
  '农',
  '全',
  '每',
  '各',
  '同',
  '此',
  '其',
]);

/** The place words of a complaint's address and text. */
export function placesOf(address: string | null, text: string | null): Set<string> {
  const places = new Set<string>();
  for (const source of [address, text]) {
    if (!source) continue;
    for (const m of source.matchAll(PLACE_END)) {
      // Back from the place word, one to four characters. Each must be a Han character or a
      // digit, one UTF-16 unit each: a surrogate (a character outside the BMP) ends the name.
      for (let n = 1; n <= 4 && m.index - n >= 0; n++) {
        const at = m.index - n;
        const code = source.charCodeAt(at);
        if (!isHan(code) || NOT_A_PLACE.has(source[at]!)) break;
        places.add(source.slice(at, m.index) + m[0]);
      }
    }
  }
  return places;
}

/**
 * The events among complaints: for each unit and class, complaints in time order, a window of
 * `windowHours` from each complaint, and the place shared by the most complaints in it. Overlapping
 * windows of one place make one event (the complaints are each counted once).
 */
export function findEvents(
  orders: readonly EventOrder[],
  t: EventThresholds = EVENT_DEFAULTS,
): ComplaintEvent[] {
  const groups = new Map<string, EventOrder[]>();
  for (const o of orders) {
    if (o.className === null) continue;
    const key = `${o.unit}\u0000${o.className}`;
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  const events: ComplaintEvent[] = [];
  for (const list of groups.values()) events.push(...eventsIn(list, t));
  return events.sort((a, b) => a.from - b.from || a.unit.localeCompare(b.unit));
}

function eventsIn(list: EventOrder[], t: EventThresholds): ComplaintEvent[] {
  list.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const byPlace = new Map<string, EventOrder[]>();
  for (const o of list)
    for (const place of placesOf(o.address, o.text)) {
      const at = byPlace.get(place);
      if (at) at.push(o);
      else byPlace.set(place, [o]);
    }
  const found: ComplaintEvent[] = [];
  const taken = new Set<string>();
  // The places with most complaints first, so a complaint joins its largest event; among
  // equals the longest name (汤口镇芳村 rather than 芳村), the most precise. A place's characters
  // are all in the BMP (placesOf): its length is its number of characters.
  const places = [...byPlace.entries()].sort(
    (a, b) => b[1].length - a[1].length || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1),
  );
  for (const [place, orders] of places) {
    const free = orders.filter((o) => !taken.has(o.id));
    for (const run of runsWithin(free, t.windowHours * 60)) {
      if (run.length < t.minComplaints) continue;
      run.forEach((o) => taken.add(o.id));
      found.push({
        unit: run[0]!.unit,
        className: run[0]!.className!,
        place,
        from: run[0]!.at,
        to: run[run.length - 1]!.at,
        ids: run.map((o) => o.id),
      });
    }
  }
  return found;
}

/** Complaints in time order cut into runs where each is within `minutes` of the run's first. */
function runsWithin(orders: readonly EventOrder[], minutes: number): EventOrder[][] {
  const runs: EventOrder[][] = [];
  let run: EventOrder[] = [];
  for (const o of orders) {
    if (run.length > 0 && o.at - run[0]!.at > minutes) {
      runs.push(run);
      run = [];
    }
    run.push(o);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
