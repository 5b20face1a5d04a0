import { systemCtx, type Services } from '../core/context.ts';
import { createAlertRule } from '../modules/alerts/verbs/rules.ts';
import { createIncident } from '../modules/incidents/index.ts';
import { ingestItems, type RawItem } from '../modules/opinion-pipeline/index.ts';
import { findOrgByCode } from '../modules/orgs/index.ts';
import { createSource } from '../modules/sources/index.ts';
import { createTopic } from '../modules/topics/index.ts';
import { findUserByUsername } from '../modules/users/index.ts';

const ago = (minutes: number): Date => new Date(Date.now() - minutes * 60_000);

/** What the demo monitor finds on first login: a few days of items, one spreading complaint. */
function demoItems(): RawItem[] {
  const body = '江城市人大代表近日收到多名群众投诉，反映城关街道部分拆迁户补偿款迟迟不到位，生活困难。群众质疑有关部门推诿扯皮，希望尽快给个说法。';
  const title = '人大代表收到群众投诉：拆迁补偿款迟迟不到位';
  return [
    { title, content: body, url: 'https://bbs.jiangcheng.example/thread/1001', author: '江城网友', publishedAt: ago(90) },
    { title: `转载：${title}`, content: `${body}（来源：江城论坛）`, url: 'https://news.example.cn/a/2001', author: null, publishedAt: ago(70) },
    { title, content: `${body}责任编辑：李明`, url: 'https://m.example.cn/p/3001', author: null, publishedAt: ago(40) },
    {
      title: '家长反映江城一中收取“资料费”',
      content: '有家长在论坛反映江城市第一中学向学生收取资料费，质疑教育收费不规范，希望教育局核查。',
      url: 'https://bbs.jiangcheng.example/thread/1002',
      author: '家长',
      publishedAt: ago(300),
    },
    {
      title: '市教育局公开秋季学期收费标准',
      content: '市教育局公开各校秋季学期教育收费项目和标准，接受社会监督，家长纷纷点赞。',
      url: 'https://www.jiangcheng.example/jyj/1',
      author: null,
      publishedAt: ago(1500),
    },
    {
      title: '城关街道召开拆迁安置工作推进会',
      content: '城关街道召开拆迁安置工作推进会，要求依法依规、公开透明做好补偿安置，切实维护群众合法权益。',
      url: 'https://www.jiangcheng.example/cg/1',
      author: null,
      publishedAt: ago(2000),
    },
    { title: '东门社区志愿者清理楼道杂物', content: '东门社区组织党员志愿者清理楼道杂物，居民表示满意。', url: 'https://www.jiangcheng.example/dm/1', author: null, publishedAt: ago(2600) },
    {
      title: '市人大代表视察河湾村道路硬化工程',
      content: '市人大代表一行视察河湾村道路硬化工程，听取村民意见建议。',
      url: 'https://www.jiangcheng.example/rd/1',
      author: null,
      publishedAt: ago(3000),
    },
  ];
}

/**
 * The opinion part of the demo city: topics of the publicity department routed to the demo
 * monitor, alert rules, a manual source with items run through the real pipeline (no network),
 * a disabled RSS example, and one incident. Runs after the city exists, each step its own
 * transaction.
 */
export async function seedDemoOpinion(services: Services): Promise<void> {
  const ctx = systemCtx(services, 'seed');
  const xcb = await findOrgByCode(services.db, 'JC-XCB');
  const monitor = await findUserByUsername(services.db, 'monitor');
  if (!xcb || !monitor) throw new Error('demo seed: 市委宣传部 or the monitor account is missing');
  const topic = (name: string, rule: string) =>
    createTopic({ ctx, input: { orgId: xcb.id, name, rule, sourceIds: [], regions: [], enabled: true, recipientIds: [monitor.id], quietHours: { start: '22:00', end: '07:00' } } });
  const deputies = await topic('人大代表+投诉', '(人大代表 | 代表) & (投诉 | 质疑)');
  const fees = await topic('教育+收费', '(教育 | 学校 | 一中) & (收费 | 资料费)');
  await topic('城关街道+拆迁', '城关街道 & (拆迁 | 征收)');
  await createAlertRule({ ctx, input: { topicId: deputies.id, kind: 'negative_spike', threshold: 3, windowMinutes: 180, sourceIds: [], keywords: [], severity: 'serious', enabled: true } });
  await createAlertRule({ ctx, input: { topicId: fees.id, kind: 'title_keyword', keywords: ['乱收费', '资料费'], sourceIds: [], severity: 'general', enabled: true } });
  await createSource({
    ctx,
    input: { orgId: xcb.id, name: '示例：RSSHub 订阅（未启用）', kind: 'feed', url: 'https://rsshub.example/jiangcheng/news', intervalMinutes: 30, enabled: false },
  });
  const manual = await createSource({ ctx, input: { orgId: xcb.id, name: '网信办转办线索（人工录入）', kind: 'manual', region: '江城市', intervalMinutes: 30, enabled: true } });
  const source = { id: manual.id, orgId: xcb.id, orgPath: xcb.path, shared: false, region: manual.region };
  const items = demoItems();
  // The spreading complaint first, so the incident can be opened from its first appearance.
  const story = await ingestItems(ctx, source, items.slice(0, 3));
  await ingestItems(ctx, source, items.slice(3));
  const first = story.mentionIds[0];
  if (first) await createIncident({ ctx, input: { orgId: xcb.id, mentionId: first, grade: 'serious', note: '演示：由舆情信息立案' } });
}
