/**
 * One benchmark in one fresh process (so JIT state and heap of one library never leak into
 * another's numbers). Prints a single line: RESULT <json>.
 *
 *   node --expose-gc --import tsx bench/textkit/worker.ts matcher <contender> <sparse|dense>
 *   node --expose-gc --import tsx bench/textkit/worker.ts topics | simhash | segment
 */
import { loadBenchData, utf8Bytes } from './corpus.ts';
import { CONTENDERS } from './matchers.ts';
import { runSegmentBench, runSimhashBench, runTopicsBench } from './suites.ts';
import { alternate, heapBytes, timeMs } from './timing.ts';

function report(result: unknown): void {
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

function runMatcher(name: string, dictName: 'sparse' | 'dense'): void {
  const contender = CONTENDERS.find((c) => c.name === name);
  if (!contender) throw new Error(`unknown contender ${name}`);
  const data = loadBenchData();
  const words = data[dictName];
  const bytes = utf8Bytes(data.docs);
  // The first build runs on cold code (what a server sees at start-up); later builds show the
  // warmed-up cost (what a reload sees). Heap is the growth from one more instance kept alive,
  // so compiled code and lazily built shared tables of the first build are not counted.
  const first = timeMs(() => contender.build(words));
  const count = first.result as (doc: string) => number;
  const builds: number[] = [];
  for (let k = 0; k < 4; k++) builds.push(timeMs(() => contender.build(words)).ms);
  const before = heapBytes();
  const second = contender.build(words);
  const heap = heapBytes() - before;
  if (second('') !== 0) throw new Error('empty text must have no hits');
  let matches = 0;
  const pass = (): number => {
    let n = 0;
    for (const doc of data.docs) n += count(doc);
    matches = n;
    return n;
  };
  const probe = timeMs(pass).ms;
  const rounds = probe > 300 ? 3 : probe > 100 ? 7 : 15;
  const timing = alternate(data.docs, bytes, rounds, pass);
  report({ name, dict: dictName, coldBuildMs: first.ms, warmBuildMs: Math.min(...builds), heapMB: heap / 1e6, matches, ...timing });
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'matcher') runMatcher(args[0] ?? '', (args[1] ?? 'sparse') as 'sparse' | 'dense');
else if (mode === 'topics') report(runTopicsBench());
else if (mode === 'simhash') report(runSimhashBench());
else if (mode === 'segment') report(runSegmentBench());
else throw new Error(`unknown mode ${mode}`);
