/**
 * The typed arrays' buffers of a partial aggregate (plain data: objects, arrays, maps of them):
 * moved to the main thread by a worker, and let go by the merge once copied.
 */

/** The distinct buffers of the typed arrays in `value`. */
export function transferables(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    // Lists of strings or numbers (names, rows) hold no buffers: their first item tells.
    if (value.length > 0 && typeof value[0] === 'object')
      for (const item of value) transferables(item, found);
  } else if (value instanceof Map) {
    for (const item of value.values()) if (typeof item === 'object') transferables(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value))
      if (typeof item === 'object') transferables(item, found);
  }
  return [...found];
}

/**
 * Frees the memory of the typed arrays in `value` now, which must not be read again (they are
 * left empty). A long-lived buffer is freed only by a full collection, which V8 starts once
 * 64 MiB more is held outside its heap: after merging the 1M-row CSV's second range, its
 * partial (34 MiB) and the arrays it had grown waited for one beside the analysis and the hot
 * words' dictionary. Transferred, each buffer's memory moves to a new one nothing holds, which
 * the next minor collection frees.
 */
export function release(value: unknown): void {
  // A small buffer may be the pool of Node's small Buffers (8 KiB), which others share.
  const buffers = transferables(value).filter((buffer) => buffer.byteLength >= 64 * 1024);
  if (buffers.length > 0) structuredClone(buffers, { transfer: buffers });
}
