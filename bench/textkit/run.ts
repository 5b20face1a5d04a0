/**
 * textkit benchmark: matcher vs npm peers, topic rules, SimHash, segmentation overhead.
 *
 *   npx tsx bench/textkit/run.ts           print the results as Markdown
 *   npx tsx bench/textkit/run.ts --write   also replace the `## textkit` section of BENCHMARKS.md
 *
 * Every measurement runs in a fresh Node process (worker.ts) so one library's JIT state and
 * garbage never affect another's numbers.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBenchData, utf8Bytes } from './corpus.ts';
import { evaluateSentiment, loadSentimentEvalSet, type SentimentReport } from '../../packages/textkit/src/index.ts';
import { CONTENDERS } from './matchers.ts';
import { median } from './timing.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

type Result = Record<string, number | string>;

function runWorker(args: string[]): Result {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'worker.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (child.status !== 0 || !line) {
    throw new Error(`worker ${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
  }
  process.stderr.write(`  done: ${args.join(' ')}\n`);
  return JSON.parse(line.slice('RESULT '.length)) as Result;
}

const num = (r: Result, key: string): number => Number(r[key]);

/** Field-wise median of repeated runs; hit counts must not differ between runs. */
function medianResult(runs: Result[]): Result {
  const first = runs[0] as Result;
  if (runs.some((r) => r.matches !== first.matches)) throw new Error(`${first.name}: hit counts differ between runs`);
  const out: Result = { ...first, processes: runs.length };
  for (const [key, value] of Object.entries(first)) {
    if (typeof value === 'number' && key !== 'matches') out[key] = median(runs.map((r) => num(r, key)));
  }
  return out;
}
const f0 = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
const f1 = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

function matcherTable(results: Result[], dict: string, bareReference: number): { table: string; ours: Result; bestPeer: Result } {
  const rows = results.filter((r) => r.dict === dict);
  const ours = rows.find((r) => r.name === 'textkit (exact)') as Result;
  const peers = rows.filter((r) => !String(r.name).startsWith('textkit'));
  // CPU-time MB/s are comparable across processes (other tenants' load is not in them), so
  // peers are compared on MB/s, and every row against one bare-loop reference for the run.
  const bestPeer = peers.reduce((a, b) => (num(b, 'mbs') > num(a, 'mbs') ? b : a));
  const lines = [`| ${dict} (20,000 words) | MB/s | % of bare loop | vs fastest peer | build cold / warm ms | heap MB | matches |`, '|---|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    const agree = num(r, 'matches') === num(ours, 'matches');
    // The count-only row is context for the automaton's own speed, not a contender.
    const note = agree ? '' : ` ≠ (${r.name === 'textkit (default)' ? 'folding + noise skipping' : 'misses hits'})`;
    lines.push(
      `| ${r.name} | ${f1(num(r, 'mbs'))} | ${pct(num(r, 'mbs') / bareReference)} | ${(num(r, 'mbs') / num(bestPeer, 'mbs')).toFixed(2)}× | ` +
        `${f0(num(r, 'coldBuildMs'))} / ${f0(num(r, 'warmBuildMs'))} | ${f1(num(r, 'heapMB'))} | ${f0(num(r, 'matches'))}${note} |`,
    );
  }
  return { table: lines.join('\n'), ours, bestPeer };
}

function main(): void {
  const write = process.argv.includes('--write');
  const started = Date.now();
  const loadBefore = loadavg()[0] ?? 0;
  const data = loadBenchData();
  const bytes = utf8Bytes(data.docs);
  const chars = data.docs.reduce((n, d) => n + d.length, 0);
  process.stderr.write(`corpus: ${data.docs.length} docs, ${f0(chars)} chars, ${f0(bytes)} UTF-8 bytes\n`);

  // Ours and the fastest peer run in three processes each and are reported as medians, so one
  // unlucky process (JIT decisions, a noisy neighbour on the memory bus) cannot decide a goal.
  const REPEATS: Record<string, number> = {
    'textkit (exact)': 3,
    'textkit (exact, count only)': 3,
    'textkit (default)': 3,
    '@monyone/aho-corasick/fast': 3,
  };
  const matcherResults: Result[] = [];
  for (const dict of ['sparse', 'dense']) {
    for (const contender of CONTENDERS) {
      const runs = Array.from({ length: REPEATS[contender.name] ?? 1 }, () => runWorker(['matcher', contender.name, dict]));
      matcherResults.push(medianResult(runs));
    }
  }
  const topics = runWorker(['topics']);
  const sim = runWorker(['simhash']);
  const seg = runWorker(['segment']);
  const samples = loadSentimentEvalSet();
  const sentimentRows: Array<[string, SentimentReport]> = [
    ['all', evaluateSentiment(undefined, samples)],
    [
      'dev (seen while writing the lexicon)',
      evaluateSentiment(
        undefined,
        samples.filter((x) => x.split === 'dev'),
      ),
    ],
    [
      'holdout1 (seen after the first freeze)',
      evaluateSentiment(
        undefined,
        samples.filter((x) => x.split === 'holdout1'),
      ),
    ],
    [
      'holdout2 (blind)',
      evaluateSentiment(
        undefined,
        samples.filter((x) => x.split === 'holdout2'),
      ),
    ],
  ];
  const elapsed = (Date.now() - started) / 1000;
  const loadAfter = loadavg()[0] ?? 0;

  // One reference for the whole run: the median of every process's best bare-loop round.
  const bares = matcherResults.map((r) => num(r, 'bareMbs')).sort((a, b) => a - b);
  const bareReference = median(bares);
  const sparse = matcherTable(matcherResults, 'sparse', bareReference);
  const dense = matcherTable(matcherResults, 'dense', bareReference);
  const goal = (ok: boolean): string => (ok ? '**met**' : '**not met**');
  const sparseVsPeer = num(sparse.ours, 'mbs') / num(sparse.bestPeer, 'mbs');
  const denseVsPeer = num(dense.ours, 'mbs') / num(dense.bestPeer, 'mbs');
  const sparseOfBare = num(sparse.ours, 'mbs') / bareReference;
  const denseOfBare = num(dense.ours, 'mbs') / bareReference;
  const segMax = Math.max(num(seg, 'cutOverhead'), num(seg, 'forIndexOverhead'), num(seg, 'forQueryOverhead'));

  const md = `Command: \`npm run bench:textkit\` (= \`npx tsx bench/textkit/run.ts\`; \`-- --write\` updates this
section). Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, shared with
other work, so times are **CPU time** of the measuring process (wall-clock time mostly measured
the other tenants), each measurement runs in a fresh process and keeps the best of several
rounds, and every ratio uses one bare-loop reference. This run: ${f0(elapsed)} s wall clock with a
1-minute load average of ${loadBefore.toFixed(1)} at the start and ${loadAfter.toFixed(1)} at the end (2 = both cores busy);
on a quiet machine the whole run takes about 90 s.

Corpus: ${data.docs.length} documents of ~2,000 characters shuffled (seeded) from the sentences of the five
seed work plans: ${f0(chars)} characters, ${f1(bytes / 1e6)} MB UTF-8 (MB/s = 10⁶ UTF-8 bytes per second).
Dictionaries from jieba's word list: *sparse* = 20,000 uniform CJK words (long, rare, few hits);
*dense* = the 5,000 most frequent + 15,000 uniform (short, common, a hit every few characters).
Every contender returns all hits, overlapping ones included; each scans document by document.

### Multi-pattern matching

${sparse.table}

${dense.table}

Bare loop (reading every UTF-16 unit once, the limit): ${f0(bareReference)} MB/s, the median of the best
round of all ${bares.length} matcher processes (range ${f0(bares[0] as number)}–${f0(bares[bares.length - 1] as number)}: V8 compiles this loop into one of two
versions, ~1.2 or ~2.4 GB/s, differently from process to process; the median is the fast one,
so the percentages below are against the stricter limit).

- Goal ≥ 4× the fastest peer: sparse ${sparseVsPeer.toFixed(1)}× (${sparse.bestPeer.name}) ${goal(sparseVsPeer >= 4)};
  dense ${denseVsPeer.toFixed(1)}× (${dense.bestPeer.name}) ${goal(denseVsPeer >= 4)}.
- Goal ≥ 15 % of the bare loop on sparse: ${pct(sparseOfBare)} ${goal(sparseOfBare >= 0.15)};
  ≥ 10 % on dense: ${pct(denseOfBare)} ${goal(denseOfBare >= 0.1)}.
- Match counts: all exact implementations agree except mint-filter, which never follows
  dictionary-suffix links and so misses words that end inside a longer candidate (our
  regression test: 中华人民共和国 + 人民 on 中华人民万岁). *textkit (default)* finds more because it
  folds width/case/繁→简 and skips noise between characters (a word split by punctuation counts).
- *count only* is not a contender (the peers all build hit objects); it shows how much of
  the dense time goes into the hit objects rather than the automaton.
- textkit and @monyone/aho-corasick/fast: median of 3 processes (best of 15 rounds each; slow peers best of 3–7);
  the other peers: 1 process. Build "cold" is the first build in a fresh process (start-up);
  "warm" is the best of four more (a reload). Heap is the growth from one more instance kept alive.

### Topic rules (one matcher pass, then every rule)

| topics | distinct keywords | compile | texts/s, rules only (\`matchIds\`) | texts/s with evidence (\`match\`) | texts/s, the scan alone | topics matched per text |
|---:|---:|---:|---:|---:|---:|---:|
| ${f0(num(topics, 'topics'))} | ${f0(num(topics, 'terms'))} | ${f0(num(topics, 'compileMs'))} ms | ${f0(num(topics, 'textsPerSec'))} (${f1(num(topics, 'mbs'))} MB/s) | ${f0(num(topics, 'evidenceTextsPerSec'))} | ${f0(num(topics, 'scanOnlyTextsPerSec'))} | ${f1(num(topics, 'matchesPerText'))} |

Texts are the corpus documents (~${f0(num(topics, 'avgDocChars'))} characters each). Rules are generated in five shapes (\`(a | b) & (c | d) & !e\`, \`a near/20 b\`, \`"a" & (b | c)\`,
\`(a | b | c) & !d\`, \`a b\`) over the dense dictionary's words, so some fire on most texts.
Only topics with a keyword present are evaluated, plus those true on an empty text.

### SimHash (64-bit, word unigrams + bigrams)

| fingerprints/s (tokens given, ~${f0(num(sim, 'avgFeatures'))} features) | fingerprints/s incl. jieba | index inserts/s | lookups/s, misses | lookups/s, near-duplicates (≤ 3 bits) | recall | index heap |
|---:|---:|---:|---:|---:|---:|---:|
| ${f0(num(sim, 'fingerprintsPerSec'))} | ${f0(num(sim, 'endToEndPerSec'))} | ${f0(num(sim, 'insertPerSec'))} | ${f0(num(sim, 'missLookupsPerSec'))} | ${f0(num(sim, 'nearLookupsPerSec'))} | ${pct(num(sim, 'recall'))} | ${f0(num(sim, 'heapMB'))} MB |

Index of ${f0(num(sim, 'indexSize'))} random fingerprints, k = 3 (four 16-bit bands). Distances on the corpus:
a repost with a source header and editor footer is median ${num(sim, 'repostMedian')} / p95 ${num(sim, 'repostP95')} / max ${num(sim, 'repostMax')} bits
from its original; with one sentence cut as well, median ${num(sim, 'editedMedian')} / p95 ${num(sim, 'editedP95')}; unrelated documents
are at least ${num(sim, 'unrelatedMin')} bits apart (median ${num(sim, 'unrelatedMedian')}). Hence \`clusterBySimHash\` defaults to 6.

### Sentiment (lexicon classifier on the shipped evaluation set; quality, not speed)

| split | sentences | accuracy | macro F1 | F1 正面 | F1 中性 | F1 负面 |
|---|---:|---:|---:|---:|---:|---:|
${sentimentRows
  .map(
    ([name, r]) =>
      `| ${name} | ${r.total} | ${r.accuracy.toFixed(3)} | ${r.macroF1.toFixed(3)} | ${r.perClass.positive.f1.toFixed(2)} | ${r.perClass.neutral.f1.toFixed(2)} | ${r.perClass.negative.f1.toFixed(2)} |`,
  )
  .join('\n')}

holdout1 scored 0.667 when it was still blind (at the first freeze); holdout2 scored 0.717 at the
second freeze and 0.700 after one later structural change made for a unit test. The blind split
is the honest estimate for new text; the test suite asserts ≥ 0.8 on the whole set.

### Segmentation wrapper vs @node-rs/jieba directly

| | jieba direct MB/s | wrapper MB/s | overhead |
|---|---:|---:|---:|
| \`cut\` | ${f1(num(seg, 'cutDirectMbs'))} | ${f1(num(seg, 'cutWrapperMbs'))} | ${pct(num(seg, 'cutOverhead'))} |
| \`forIndex\` vs \`cutForSearch().join(' ')\` | ${f1(num(seg, 'forIndexDirectMbs'))} | ${f1(num(seg, 'forIndexWrapperMbs'))} | ${pct(num(seg, 'forIndexOverhead'))} |
| \`forQuery\` vs \`cut().join(' ')\` | ${f1(num(seg, 'forQueryDirectMbs'))} | ${f1(num(seg, 'forQueryWrapperMbs'))} | ${pct(num(seg, 'forQueryOverhead'))} |

Goal overhead ≤ 10 %: worst ${pct(segMax)} ${goal(segMax <= 0.1)}${
    Math.abs(num(seg, 'cutOverhead')) > 0.05
      ? ` — but \`cut\` is a plain pass-through to the same jieba call, so its ${pct(num(seg, 'cutOverhead'))} is this run's noise floor, and differences of that size cannot be told apart from it`
      : ''
  }. The wrapper's extra work is width/case/繁→简 folding before cutting and dropping punctuation (and
stopwords for queries) after.
`;
  process.stdout.write(`${md}\n`);
  if (write) {
    const file = join(root, 'BENCHMARKS.md');
    const current = readFileSync(file, 'utf8');
    const start = current.indexOf('## textkit');
    if (start < 0) throw new Error('BENCHMARKS.md has no "## textkit" section');
    const next = current.indexOf('\n## ', start + 1);
    const updated = `${current.slice(0, start)}## textkit\n\n${md}${next < 0 ? '' : current.slice(next)}`;
    writeFileSync(file, updated);
    process.stderr.write('BENCHMARKS.md updated\n');
  }
}

main();
