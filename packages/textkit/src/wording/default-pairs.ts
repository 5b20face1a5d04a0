/**
 * A small default list of known wrong forms and their corrections (错敏词): typos that have
 * appeared on government sites, mixed-up political formulations, and wrong titles. Offices add
 * their own; this list only has to be right, not complete.
 */

export type WordingKind = 'typo' | 'formulation' | 'title';

export interface WordingPair {
  /** The wrong form as it appears in drafts. Spaces and punctuation inside are ignored when matching. */
  wrong: string;
  correct: string;
  kind: WordingKind;
  /** Why, in Chinese, shown to the writer. */
  note?: string;
  /** Longer phrases in which `wrong` is fine (人大委员长 contains 人大委员). */
  except?: readonly string[];
}

const TWO_ESTABLISHES = '“两个确立”讲的是深刻领悟其决定性意义，“两个维护”讲的是坚决做到';
const FOUR = '规范表述为增强“四个意识”、坚定“四个自信”、做到“两个维护”';

export const DEFAULT_WORDING_PAIRS: readonly WordingPair[] = [
  { wrong: '中华人民共合国', correct: '中华人民共和国', kind: 'typo' },
  { wrong: '社会注意', correct: '社会主义', kind: 'typo', note: '如“中国特色社会主义”' },
  { wrong: '扫黑险恶', correct: '扫黑除恶', kind: 'typo', note: '曾在上百个政府网站出现的错别字' },
  { wrong: '两学一作', correct: '两学一做', kind: 'typo' },
  { wrong: '三严三食', correct: '三严三实', kind: 'typo' },
  { wrong: '坏境', correct: '环境', kind: 'typo', note: '如“营商环境”“生态环境”' },
  { wrong: '贯切落实', correct: '贯彻落实', kind: 'typo' },
  { wrong: '党风廉正建设', correct: '党风廉政建设', kind: 'typo' },
  { wrong: '从严制党', correct: '从严治党', kind: 'typo' },
  { wrong: '新资生产力', correct: '新质生产力', kind: 'typo' },
  { wrong: '新值生产力', correct: '新质生产力', kind: 'typo' },
  { wrong: '再接再励', correct: '再接再厉', kind: 'typo' },
  { wrong: '按步就班', correct: '按部就班', kind: 'typo' },
  { wrong: '迫不急待', correct: '迫不及待', kind: 'typo' },
  { wrong: '一愁莫展', correct: '一筹莫展', kind: 'typo' },
  { wrong: '变本加利', correct: '变本加厉', kind: 'typo' },
  { wrong: '既往不究', correct: '既往不咎', kind: 'typo' },
  { wrong: '默守成规', correct: '墨守成规', kind: 'typo' },
  { wrong: '走头无路', correct: '走投无路', kind: 'typo' },
  { wrong: '出奇不意', correct: '出其不意', kind: 'typo' },
  { wrong: '竭泽而鱼', correct: '竭泽而渔', kind: 'typo' },
  { wrong: '世外桃园', correct: '世外桃源', kind: 'typo' },
  { wrong: '不忘初心、方得始终', correct: '不忘初心、牢记使命', kind: 'formulation', note: '主题教育的规范表述是“不忘初心、牢记使命”' },
  { wrong: '做到两个确立', correct: '做到两个维护', kind: 'formulation', note: TWO_ESTABLISHES },
  { wrong: '领悟两个维护', correct: '领悟两个确立', kind: 'formulation', note: TWO_ESTABLISHES },
  { wrong: '两个维护的决定性意义', correct: '两个确立的决定性意义', kind: 'formulation', note: TWO_ESTABLISHES },
  { wrong: '增强四个自信', correct: '坚定四个自信', kind: 'formulation', note: FOUR },
  { wrong: '坚定四个意识', correct: '增强四个意识', kind: 'formulation', note: FOUR },
  { wrong: '两个一百周年', correct: '两个一百年', kind: 'formulation' },
  { wrong: '一路一带', correct: '一带一路', kind: 'formulation' },
  { wrong: '党的第二十大', correct: '党的二十大', kind: 'formulation' },
  { wrong: '二十大三中全会', correct: '二十届三中全会', kind: 'formulation', note: '全会按“届”计，不按“大”计' },
  { wrong: '二十大二中全会', correct: '二十届二中全会', kind: 'formulation', note: '全会按“届”计，不按“大”计' },
  { wrong: '中央八条规定', correct: '中央八项规定', kind: 'formulation' },
  { wrong: '台湾总统', correct: '台湾地区领导人', kind: 'formulation', note: '涉台规范表述' },
  { wrong: '台湾政府', correct: '台湾当局', kind: 'formulation', note: '涉台规范表述' },
  { wrong: '大陆和香港', correct: '内地和香港', kind: 'formulation', note: '涉港规范表述' },
  { wrong: '残废人', correct: '残疾人', kind: 'formulation' },
  { wrong: '国家总理', correct: '国务院总理', kind: 'title' },
  { wrong: '党中央总书记', correct: '中共中央总书记', kind: 'title' },
  { wrong: '人大委员', correct: '人大代表', kind: 'title', note: '人大是“代表”，政协是“委员”', except: ['人大委员长', '人大委员会'] },
  { wrong: '政协代表', correct: '政协委员', kind: 'title', note: '人大是“代表”，政协是“委员”', except: ['政协代表团'] },
];
