/**
 * Builds an `Automaton` from folded patterns.
 *
 * Written as a generator that yields every few thousand units of work, so the same code runs
 * synchronously (`runSync`) or in time slices that leave the event loop free while a
 * dictionary is reloaded (`runSliced`).
 */
import { getNoiseTable, NOISE_PAIR_HEAD, NOISE_UNIT } from '../normalize/fold-table.ts';
import { type Automaton, CLASS_NOISE, CLASS_NOISE_PAIR, MAX_CLASS } from './automaton.ts';

const WORK_PER_YIELD = 4096;

export interface BuildInput {
  /** Folded, noise-free patterns (one code unit per element). Must be non-empty strings. */
  readonly patterns: readonly string[];
  /** Fold table used for the patterns (from `getFoldTable`). */
  readonly fold: Uint16Array;
  readonly skipNoise: boolean;
}

function growInt32(array: Int32Array, minLength: number, fill: number): Int32Array {
  if (array.length >= minLength) return array;
  let size = array.length * 2;
  while (size < minLength) size *= 2;
  const next = new Int32Array(size).fill(fill);
  next.set(array);
  return next;
}

export function* buildAutomaton(input: BuildInput): Generator<void, Automaton> {
  const { patterns, fold, skipNoise } = input;

  // 1. Alphabet: one class per distinct folded unit that occurs in a pattern, numbered by
  //    descending frequency. Frequent characters are the children of crowded nodes, so small
  //    close-together class numbers keep those nodes easy to place in the double array.
  const unitCount = new Int32Array(65536);
  let totalUnits = 0;
  let maxLen = 0;
  for (let p = 0; p < patterns.length; p++) {
    const word = patterns[p] as string;
    totalUnits += word.length;
    if (word.length > maxLen) maxLen = word.length;
    for (let i = 0; i < word.length; i++) {
      const unit = word.charCodeAt(i);
      unitCount[unit] = (unitCount[unit] as number) + 1;
    }
    if ((p & (WORK_PER_YIELD - 1)) === 0) yield;
  }
  const units: number[] = [];
  for (let unit = 0; unit < 65536; unit++) if ((unitCount[unit] as number) > 0) units.push(unit);
  if (units.length > MAX_CLASS) throw new Error('词典包含的不同字符过多，无法建立匹配器');
  units.sort((x, y) => (unitCount[y] as number) - (unitCount[x] as number) || x - y);
  const classMap = new Int32Array(65536);
  for (let k = 0; k < units.length; k++) classMap[units[k] as number] = k + 1;
  const classCount = units.length;

  // 2. Trie with first-child/next-sibling lists; the root's children get a direct table
  //    because the root is the one node with thousands of children.
  const nodeCap = totalUnits + 1;
  const nodeClass = new Int32Array(nodeCap);
  const firstChild = new Int32Array(nodeCap).fill(-1);
  const nextSibling = new Int32Array(nodeCap).fill(-1);
  const nodePat = new Int32Array(nodeCap).fill(-1);
  const rootChild = new Int32Array(classCount + 1).fill(-1);
  const patNext = new Int32Array(patterns.length).fill(-1);
  const patLen = new Int32Array(patterns.length);
  let nodeCount = 1;
  const childOf = (node: number, cls: number): number => {
    if (node === 0) return rootChild[cls] as number;
    for (let k = firstChild[node] as number; k >= 0; k = nextSibling[k] as number) {
      if (nodeClass[k] === cls) return k;
    }
    return -1;
  };
  // Insert in reverse so each node's pattern list ends up in input order.
  for (let p = patterns.length - 1; p >= 0; p--) {
    const word = patterns[p] as string;
    patLen[p] = word.length;
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const cls = classMap[word.charCodeAt(i)] as number;
      let child = childOf(node, cls);
      if (child < 0) {
        child = nodeCount++;
        nodeClass[child] = cls;
        if (node === 0) {
          rootChild[cls] = child;
        } else {
          nextSibling[child] = firstChild[node] as number;
          firstChild[node] = child;
        }
      }
      node = child;
    }
    patNext[p] = nodePat[node] as number;
    nodePat[node] = p;
    if ((p & (WORK_PER_YIELD - 1)) === 0) yield;
  }

  // 3. Breadth-first order of the trie nodes (parents before children).
  const order = new Int32Array(nodeCount);
  let tail = 0;
  order[tail++] = 0;
  for (let cls = 1; cls <= classCount; cls++) {
    const v = rootChild[cls] as number;
    if (v >= 0) order[tail++] = v;
  }
  for (let head = 1; head < tail; head++) {
    for (let v = firstChild[order[head] as number] as number; v >= 0; v = nextSibling[v] as number) {
      order[tail++] = v;
    }
    if ((head & (WORK_PER_YIELD - 1)) === 0) yield;
  }

  // 4. Double-array placement. A node's children occupy slots base + class; the node's own slot
  //    does not matter while placing, so nodes with many children go first (they are the hard
  //    ones to fit) and the single-child majority fills the gaps. Free slots are found through
  //    a union-find "next free slot" array, so no search walks across long runs of used slots.
  const childCount = new Int32Array(nodeCount);
  let maxChildren = 0;
  for (let u = 1; u < nodeCount; u++) {
    let count = 0;
    for (let v = firstChild[u] as number; v >= 0; v = nextSibling[v] as number) count++;
    childCount[u] = count;
    if (count > maxChildren) maxChildren = count;
  }
  // Counting sort of the inner nodes by descending child count.
  const bucketStart = new Int32Array(maxChildren + 2);
  for (let u = 1; u < nodeCount; u++) {
    const k = maxChildren - (childCount[u] as number) + 1;
    bucketStart[k] = (bucketStart[k] as number) + 1;
  }
  for (let k = 1; k < bucketStart.length; k++) bucketStart[k] = (bucketStart[k] as number) + (bucketStart[k - 1] as number);
  const placeOrder = new Int32Array(nodeCount - 1);
  for (let u = 1; u < nodeCount; u++) {
    const k = maxChildren - (childCount[u] as number);
    placeOrder[bucketStart[k] as number] = u;
    bucketStart[k] = (bucketStart[k] as number) + 1;
  }
  yield;

  let capacity = Math.max(1024, 2 * (nodeCount + classCount + 1));
  let owner: Int32Array = new Int32Array(capacity).fill(-1);
  let nextFree = new Int32Array(capacity);
  for (let i = 0; i < capacity; i++) nextFree[i] = i;
  const findFree = (from: number): number => {
    let root = from;
    while (root < capacity && nextFree[root] !== root) root = nextFree[root] as number;
    // Full path compression: later searches from anywhere on this path jump straight here.
    for (let i = from; i < root; ) {
      const next = nextFree[i] as number;
      nextFree[i] = root;
      i = next;
    }
    return root;
  };
  const ensure = (size: number): void => {
    if (size < capacity) return;
    const next = Math.max(capacity * 2, size + 1);
    owner = growInt32(owner, next, -1);
    const free = new Int32Array(next);
    free.set(nextFree);
    for (let i = capacity; i < next; i++) free[i] = i;
    nextFree = free;
    capacity = next;
  };
  const nodeBase = new Int32Array(nodeCount);
  const slotOf = new Int32Array(nodeCount);
  const take = (slot: number, parent: number, child: number): void => {
    owner[slot] = parent;
    nextFree[slot] = slot + 1;
    slotOf[child] = slot;
  };
  // Root first, at base 0, so that a root transition is simply slot = class.
  take(0, -2, 0);
  for (let cls = 1; cls <= classCount; cls++) {
    const v = rootChild[cls] as number;
    if (v >= 0) take(cls, 0, v);
  }
  let resumeFrom = 0;
  for (let idx = 0; idx < placeOrder.length; idx++) {
    const u = placeOrder[idx] as number;
    if (childCount[u] === 0) break; // the rest are leaves
    let minCls = 0x7fffffff;
    let maxCls = 0;
    for (let v = firstChild[u] as number; v >= 0; v = nextSibling[v] as number) {
      const cls = nodeClass[v] as number;
      if (cls < minCls) minCls = cls;
      if (cls > maxCls) maxCls = cls;
    }
    let b = 0;
    // Nodes come in descending fan-out, so a multi-child node would not fit below where the
    // previous one fitted either: resume from there instead of rescanning the crowded start.
    const from = childCount[u] === 1 ? minCls : Math.max(minCls, resumeFrom);
    for (let slot = findFree(from); ; slot = findFree(slot + 1)) {
      ensure(slot + maxCls - minCls + 1);
      const candidate = slot - minCls;
      let fits = true;
      for (let v = firstChild[u] as number; v >= 0; v = nextSibling[v] as number) {
        if (owner[candidate + (nodeClass[v] as number)] !== -1) {
          fits = false;
          break;
        }
      }
      if (fits) {
        b = candidate;
        break;
      }
    }
    nodeBase[u] = b;
    if (childCount[u] !== 1) resumeFrom = b + minCls;
    for (let v = firstChild[u] as number; v >= 0; v = nextSibling[v] as number) {
      take(b + (nodeClass[v] as number), u, v);
    }
    if ((idx & (WORK_PER_YIELD - 1)) === 0) yield;
  }
  let highest = 0;
  for (let u = 0; u < nodeCount; u++) if ((slotOf[u] as number) > highest) highest = slotOf[u] as number;

  // 5. Final arrays, indexed by slot, padded so that base[s] + class never reads out of bounds.
  //    Leaves keep base 0: a lookup from a leaf lands on a root child, whose check (0) differs.
  const slots = highest + 1;
  const finalCheck = new Int32Array(slots + classCount + 1).fill(-1);
  const finalBase = new Int32Array(slots);
  for (let u = 1; u < nodeCount; u++) {
    const slot = slotOf[u] as number;
    finalCheck[slot] = slotOf[owner[slot] as number] as number;
    finalBase[slot] = nodeBase[u] as number;
  }
  const fail = new Int32Array(slots);
  const out = new Int32Array(slots).fill(-1);
  const outNext = new Int32Array(slots).fill(-1);
  const patHead = new Int32Array(slots).fill(-1);
  for (let u = 1; u < nodeCount; u++) patHead[slotOf[u] as number] = nodePat[u] as number;
  // Failure links in breadth-first order, using the finished double array for goto lookups.
  for (let idx = 1; idx < nodeCount; idx++) {
    const u = order[idx] as number;
    const v = slotOf[u] as number;
    const parent = finalCheck[v] as number;
    const cls = nodeClass[u] as number;
    let target = 0;
    if (parent !== 0) {
      let f = fail[parent] as number;
      for (;;) {
        const t = (finalBase[f] as number) + cls;
        if (finalCheck[t] === f) {
          target = t;
          break;
        }
        if (f === 0) break;
        f = fail[f] as number;
      }
    }
    fail[v] = target;
    out[v] = patHead[v] !== -1 ? v : (out[target] as number);
    if (patHead[v] !== -1) outNext[v] = out[target] as number;
    if ((idx & (WORK_PER_YIELD - 1)) === 0) yield;
  }

  // Flatten every state's output chain (its own patterns, then those of its dictionary
  // suffixes) into one contiguous run, so emitting a hit reads two adjacent arrays instead of
  // walking four linked ones. Dense dictionaries emit a hit every few characters.
  const outStart = new Int32Array(slots + 1);
  let total = 0;
  for (let s = 0; s < slots; s++) {
    outStart[s] = total;
    for (let o = out[s] as number; o >= 0; o = outNext[o] as number) {
      for (let p = patHead[o] as number; p >= 0; p = patNext[p] as number) total++;
    }
  }
  outStart[slots] = total;
  const outPattern = new Int32Array(total);
  const outLen = new Int32Array(total);
  for (let s = 0, k = 0; s < slots; s++) {
    for (let o = out[s] as number; o >= 0; o = outNext[o] as number) {
      for (let p = patHead[o] as number; p >= 0; p = patNext[p] as number) {
        outPattern[k] = p;
        outLen[k] = patLen[p] as number;
        k++;
      }
    }
  }
  yield;

  // 6. Code unit → class, with folding and noise folded into the same lookup.
  const classOf = new Uint16Array(65536);
  const noise = getNoiseTable();
  for (let code = 0; code < 65536; code++) {
    const folded = fold[code] as number;
    if (skipNoise) {
      const kind = noise[folded] as number;
      if (kind === NOISE_UNIT) {
        classOf[code] = CLASS_NOISE;
        continue;
      }
      if (kind === NOISE_PAIR_HEAD) {
        classOf[code] = CLASS_NOISE_PAIR;
        continue;
      }
    }
    classOf[code] = classMap[folded] as number;
  }

  return {
    classOf,
    classCount,
    base: finalBase,
    check: finalCheck,
    fail,
    outStart,
    outPattern,
    outLen,
    patternCount: patterns.length,
    maxLen,
    skipNoise,
    stateCount: nodeCount,
  };
}

/** Runs a sliced computation to completion on the current tick. */
export function runSync<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a sliced computation in slices of about `sliceMs`, yielding to the event loop between
 * slices so requests keep being served while a large dictionary is compiled.
 */
export async function runSliced<T>(steps: Generator<void, T>, sliceMs = 8): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
