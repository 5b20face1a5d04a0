/**
 * The generated world of the manuscripts benchmark: an org tree of a few thousand units
 * (市 → 区/局 → 街道/科室 → 社区/村/学校), reporters in every unit, a unit head (reviewer) in
 * every 街道 and 区, a 分管领导 and a 副书记 at each 区, and a pool of Chinese manuscript texts
 * built from the sentences of the seed work plans, segmented by the product's own searchTextOf.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchTextOf } from '../../apps/server/src/modules/manuscripts/search.ts';

export { prng } from '../opinion/data.ts';

const SEEDS = join(import.meta.dirname, '../../test-support/seeds');

/** Sentences of the seed documents: mostly Chinese, 12–90 characters, page furniture left out. */
export function seedSentences(): string[] {
  const out = new Set<string>();
  for (const f of readdirSync(SEEDS).filter((n) => n.endsWith('.txt'))) {
    for (const line of readFileSync(join(SEEDS, f), 'utf8').split('\n')) {
      if (/docx|页|上传|下载|文档编号/.test(line)) continue;
      for (const s of line.split(/(?<=[。；！？])/)) {
        const t = s.trim();
        const han = (t.match(/\p{Script=Han}/gu) ?? []).length;
        if (t.length >= 12 && t.length <= 90 && han / t.length > 0.7) out.add(t);
      }
    }
  }
  return [...out];
}

export interface OrgSpec {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  name: string;
  kind: string;
  code: string;
}

export interface UserSpec {
  id: string;
  username: string;
  name: string;
  title: string | null;
  orgId: string;
  role: 'reporter' | 'reviewer' | 'editor';
}

export interface World {
  orgs: OrgSpec[];
  users: UserSpec[];
  /** Units a manuscript can come from, with the reviewers its chain resolves to. */
  units: Array<{ orgId: string; reporters: string[]; head: string; leader: string; deputy: string }>;
  editor: UserSpec;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志强海波春梅晓东宏伟';
const DISTRICT = ['东城区', '西城区', '南湖区', '北山区', '新区', '高新区', '经开区', '滨江区', '河西区', '城关区'];
const BUREAUS = [
  '教育局',
  '卫健委',
  '民政局',
  '文旅局',
  '交通局',
  '水利局',
  '农业农村局',
  '住建局',
  '生态环境局',
  '市场监管局',
  '人社局',
  '财政局',
  '司法局',
  '应急管理局',
  '统计局',
  '科技局',
  '商务局',
  '林业局',
  '审计局',
  '医保局',
];

/**
 * `districts` second-level units (区 and 局), each with `streets` 街道/科室, each with `leaves`
 * 社区/村/学校; `reportersPerUnit` reporters in every 街道 and leaf.
 */
export function buildWorld(opts: { districts: number; streets: number; leaves: number; reportersPerUnit: number }, rand: () => number): World {
  const orgs: OrgSpec[] = [];
  const users: UserSpec[] = [];
  let code = 0;
  let uname = 0;
  const person = (orgId: string, role: UserSpec['role'], title: string | null): UserSpec => {
    const name = `${SURNAMES[Math.floor(rand() * SURNAMES.length)]}${GIVEN[Math.floor(rand() * GIVEN.length)]}${rand() < 0.6 ? (GIVEN[Math.floor(rand() * GIVEN.length)] ?? '') : ''}`;
    const u = { id: randomUUID(), username: `bench${++uname}`, name, title, orgId, role };
    users.push(u);
    return u;
  };
  const org = (parent: OrgSpec | null, name: string, kind: string): OrgSpec => {
    const id = randomUUID();
    const o = { id, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0, name, kind, code: `B${++code}` };
    orgs.push(o);
    return o;
  };
  const root = org(null, '某市委宣传部（基准）', 'party');
  const editor = person(root.id, 'editor', '宣传办干事');
  const units: World['units'] = [];
  for (let d = 0; d < opts.districts; d++) {
    const isDistrict = d % 3 === 0;
    const dname = isDistrict ? `${DISTRICT[d % DISTRICT.length]}${Math.floor(d / DISTRICT.length) || ''}` : `${BUREAUS[d % BUREAUS.length]}${Math.floor(d / BUREAUS.length) || ''}`;
    const dist = org(root, dname, isDistrict ? 'government' : 'section');
    const leader = person(dist.id, 'reviewer', isDistrict ? '分管宣传副区长' : '分管副局长');
    const deputy = person(dist.id, 'reviewer', '副书记');
    for (let s = 0; s < opts.streets; s++) {
      const street = org(dist, isDistrict ? `${dname}第${s + 1}街道` : `${dname}第${s + 1}科室`, isDistrict ? 'street' : 'section');
      const head = person(street.id, 'reviewer', isDistrict ? '街道党工委书记' : '科室负责人');
      const unitOf = (o: OrgSpec) =>
        units.push({ orgId: o.id, reporters: Array.from({ length: opts.reportersPerUnit }, () => person(o.id, 'reporter', '信息员').id), head: head.id, leader: leader.id, deputy: deputy.id });
      unitOf(street);
      for (let l = 0; l < opts.leaves; l++) {
        const kind = isDistrict ? (l % 3 === 2 ? 'school' : 'community') : 'school';
        unitOf(org(street, `${street.name}${kind === 'school' ? `第${l + 1}学校` : `第${l + 1}社区`}`, kind));
      }
    }
  }
  return { orgs, users, units, editor };
}

export interface TextSpec {
  title: string;
  bodyHtml: string;
  searchText: string;
}

/** `count` distinct manuscripts of 6–16 seed sentences in 2–5 paragraphs, indexed as the product indexes them. */
export function buildTexts(count: number, sentences: string[], rand: () => number): TextSpec[] {
  const pick = () => sentences[Math.floor(rand() * sentences.length)] ?? '';
  const out: TextSpec[] = [];
  for (let i = 0; i < count; i++) {
    const title = pick()
      .replace(/[。；！？，、：]+$/u, '')
      .slice(0, 30);
    const n = 6 + Math.floor(rand() * 11);
    const paras: string[] = [];
    let para: string[] = [];
    for (let k = 0; k < n; k++) {
      para.push(pick());
      if (para.length >= 2 + Math.floor(rand() * 3)) {
        paras.push(`<p>${para.join('')}</p>`);
        para = [];
      }
    }
    if (para.length) paras.push(`<p>${para.join('')}</p>`);
    const bodyHtml = paras.join('');
    out.push({ title, bodyHtml, searchText: searchTextOf({ title, bodyHtml, authors: [] }) });
  }
  return out;
}

/** The segmented name of each reporter, appended to the text's words as searchTextOf does with authors. */
export function nameWords(names: string[]): string[] {
  return names.map((name) => searchTextOf({ title: '', bodyHtml: '', authors: [{ name, userId: null, orgId: null, orgName: null, share: 100 }] }));
}
