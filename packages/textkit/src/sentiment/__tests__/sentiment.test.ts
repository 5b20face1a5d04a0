import { describe, expect, it } from 'vitest';
import { createLexiconSentiment, type SentimentClassifier } from '../classifier.ts';
import { evaluateSentiment, loadSentimentEvalSet, parseSentimentSamples } from '../evaluate.ts';

const classifier = createLexiconSentiment();
const label = (text: string): string => classifier.classify(text).label;

describe('createLexiconSentiment', () => {
  it('labels plain praise, complaints and notices', () => {
    expect(label('群众对服务非常满意。')).toBe('positive');
    expect(label('楼下饭店油烟扰民，投诉多次无果。')).toBe('negative');
    expect(label('会议将于周三下午召开。')).toBe('neutral');
    expect(label('')).toBe('neutral');
  });

  it('flips a word after a negator and softens after a weak one', () => {
    const plain = classifier.classify('我们对处理结果满意。').score;
    const negated = classifier.classify('我们对处理结果不满意。').score;
    const weak = classifier.classify('我们对处理结果不太满意。').score;
    expect(plain).toBeGreaterThan(0);
    expect(negated).toBeLessThan(0);
    expect(weak).toBeLessThan(0);
    expect(weak).toBeGreaterThan(negated);
  });

  it('reads a negated disaster as good news', () => {
    expect(label('这次台风中没有发生人员伤亡。')).toBe('positive');
  });

  it('scales with degree adverbs', () => {
    const base = classifier.classify('服务热情。').score;
    const strong = classifier.classify('服务非常热情。').score;
    expect(strong).toBeGreaterThan(base);
  });

  it('lets the clause after a contrast decide', () => {
    expect(label('虽然环境优美，但是停车难问题一直没解决。')).toBe('negative');
    expect(label('虽然遇到了不少困难，但项目最终顺利完工，群众很满意。')).toBe('positive');
  });

  it('turns reduced problems into good news', () => {
    expect(label('整治以后，乱停乱放现象明显减少。')).toBe('positive');
    expect(label('今年以来，企业收入下降。')).toBe('negative');
  });

  it('treats goals and instructions as neutral', () => {
    expect(label('会议要求，要认真做好下一阶段的各项工作。')).toBe('neutral');
  });

  it('hears a rhetorical question as a complaint', () => {
    expect(label('这么大的事，为什么就没有人来管？')).toBe('negative');
    expect(label('请问办理居住证需要什么材料？')).toBe('neutral');
  });

  it('does not read negators inside ordinary words', () => {
    // 个别 contains 别, 不断 contains 不: neither may negate what follows.
    expect(label('个别干部吃拿卡要，损害群众利益。')).toBe('negative');
    expect(label('群众的获得感不断增强。')).toBe('positive');
  });

  it('returns the evidence behind the score', () => {
    const result = classifier.classify('窗口工作人员态度恶劣，我很气愤。');
    expect(result.evidence.map((e) => e.word)).toEqual(['态度恶劣', '气愤']);
    expect(result.evidence.every((e) => e.weight < 0)).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(-1);
  });

  it('accepts domain words and a custom threshold', () => {
    const custom = createLexiconSentiment({ extraWords: { 宣联: 2 } });
    expect(custom.classify('宣联').label).toBe('positive');
    expect(createLexiconSentiment({ threshold: 0.99 }).classify('满意').label).toBe('neutral');
  });
});

describe('evaluateSentiment', () => {
  const samples = loadSentimentEvalSet();

  it('ships at least 300 labelled sentences in every class and three splits', () => {
    expect(samples.length).toBeGreaterThanOrEqual(300);
    for (const l of ['positive', 'neutral', 'negative'] as const) {
      expect(samples.filter((s) => s.label === l).length).toBeGreaterThanOrEqual(100);
    }
    expect(new Set(samples.map((s) => s.split))).toEqual(new Set(['dev', 'holdout1', 'holdout2']));
    expect(new Set(samples.map((s) => s.text)).size).toBe(samples.length);
  });

  it('reaches the accuracy floor on the whole set, with per-class F1', () => {
    const report = evaluateSentiment();
    expect(report.total).toBe(samples.length);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.8);
    for (const metrics of Object.values(report.perClass)) expect(metrics.f1).toBeGreaterThanOrEqual(0.75);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps the blind split above a regression guard', () => {
    // holdout2 was written after the lexicon was frozen and never tuned on; it measured 0.717.
    // This guard catches regressions; it is not a claim of quality.
    const report = evaluateSentiment(
      undefined,
      samples.filter((s) => s.split === 'holdout2'),
    );
    expect(report.accuracy).toBeGreaterThanOrEqual(0.65);
  });

  it('computes metrics correctly for a known classifier', () => {
    const alwaysPositive: SentimentClassifier = { classify: () => ({ label: 'positive', score: 1, evidence: [] }) };
    const mini = parseSentimentSamples('positive\tdev\t甲\nnegative\tdev\t乙\nneutral\tdev\t丙\npositive\tdev\t丁\n');
    const report = evaluateSentiment(alwaysPositive, mini);
    expect(report.accuracy).toBe(0.5);
    expect(report.perClass.positive).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3, support: 2 });
    expect(report.perClass.negative.f1).toBe(0);
    expect(report.confusion.negative.positive).toBe(1);
    expect(report.mistakes).toHaveLength(2);
  });

  it('rejects malformed lines', () => {
    expect(() => parseSentimentSamples('good\tdev\t甲')).toThrow(/第 1 行格式错误/);
  });
});
