/**
 * Words that change the sentiment words around them rather than carrying sentiment.
 */

/** Negators flip the next sentiment word in the same clause. */
export const NEGATORS: readonly string[] = [
  '不',
  '没',
  '没有',
  '未',
  '无',
  '非',
  '别',
  '莫',
  '勿',
  '毫无',
  '并不',
  '并没有',
  '从未',
  '从不',
  '不再',
  '尚未',
  '未能',
  '无法',
  '不能',
  '没能',
  '不会',
  '绝不',
  '决不',
  '毫不',
  '未曾',
  '不曾',
  '无须',
  '不用',
  '并非',
  '得不到',
  '拿不到',
  '不被',
];

/**
 * Weak negators: flip and soften (不太满意 is milder than 不满意). The factor multiplies the
 * word's weight after the flip.
 */
export const WEAK_NEGATORS: Readonly<Record<string, number>> = {
  不太: 0.6,
  不是很: 0.6,
  不怎么: 0.6,
  不大: 0.6,
  不够: 0.7,
  不算: 0.6,
  谈不上: 0.7,
};

/** Degree adverbs multiply the next sentiment word. */
export const DEGREE: Readonly<Record<string, number>> = {
  极其: 2,
  极为: 2,
  极度: 2,
  非常: 1.8,
  十分: 1.8,
  特别: 1.8,
  格外: 1.7,
  相当: 1.5,
  严重: 1.6,
  太: 1.6,
  很: 1.5,
  好几: 1.3,
  多次: 1.4,
  一直: 1.3,
  反复: 1.3,
  屡次: 1.4,
  根本: 1.5,
  实在: 1.5,
  真的: 1.3,
  真: 1.3,
  挺: 1.3,
  更加: 1.3,
  越来越: 1.3,
  明显: 1.3,
  大幅: 1.4,
  显著: 1.4,
  持续: 1.2,
  比较: 1.1,
  较为: 1.1,
  有点: 0.7,
  有些: 0.7,
  稍微: 0.6,
  略微: 0.6,
  略: 0.6,
};

/** After these, the clause that follows weighs more and what came before weighs less. */
export const CONTRAST: readonly string[] = ['但是', '但', '可是', '然而', '却', '不过', '反而'];

/** The clause these open weighs less (the point comes after). */
export const CONCESSIVE: readonly string[] = ['虽然', '尽管', '虽说', '虽', '即使', '哪怕'];

/** In a sentence ending with a question mark, these make it a complaint, not a question. */
export const RHETORICAL: readonly string[] = ['为什么', '凭什么', '难道', '到底', '究竟', '怎么还', '怎么又', '何时才能', '什么时候才能'];

/**
 * Goals and instructions, not outcomes: 要认真做好, 力争提前完工, 预计下月完工. Sentiment words
 * after these, up to the end of the clause, count for little.
 */
export const DIRECTIVE: readonly string[] = ['要', '要求', '务必', '必须', '应当', '应该', '需要', '须', '力争', '争取', '预计', '计划', '拟', '将', '将于', '即将', '希望', '进一步', '着力', '努力'];
export const DIRECTIVE_FACTOR = 0.3;

/**
 * Words that reduce what they refer to. With a negative word in the same clause they turn it
 * around (违规停车现象大大减少 is good news); alone they carry their own weight (收入下降).
 */
export const REDUCERS: Readonly<Record<string, number>> = {
  减少: -0.5,
  下降: -0.5,
  降低: -0.5,
  减弱: -0.5,
  减轻: 0,
  大大减少: 0,
  明显减少: 0,
  有所下降: 0,
  明显下降: 0,
  遏制: 0,
  杜绝: 0,
  消除: 0,
  根治: 0,
  扭转: 0,
  打击: 0,
  整治: 0,
  治理: 0,
  清除: 0,
};
export const REDUCED_NEGATIVE_FACTOR = 0.6;
