import type { Session } from './server.ts';

const TITLE = '东门社区开展邻里互助志愿服务活动';
const BODY = '<p>3月24日，东门社区组织志愿者走访辖区独居老人，帮助清理房前屋后卫生，检查水电燃气安全，并登记老人的生活需求，下一步将建立结对帮扶台账，定期上门服务。</p>';

/** The write every scenario repeats: a reporter creating a manuscript draft (the commonest write). */
export async function manuscriptWrite(session: Session, runId: string): Promise<{ path: string; body: (n: number) => Record<string, unknown> }> {
  const res = await session.call('/api/dictionaries/categories');
  const categories = (await res.json()) as { items: Array<{ id: string; name: string }> };
  const categoryId = categories.items.find((c) => c.name === '工作动态')?.id ?? categories.items[0]?.id;
  return {
    path: '/api/manuscripts',
    body: (n) => ({ title: `${TITLE}（${runId}-${n}）`, bodyHtml: BODY, categoryId, authors: [{ name: '张晓华', share: 100 }] }),
  };
}

/** After the run: each acknowledged id answers with its own title, and no key made two rows. */
export async function checkManuscripts(session: Session, acked: Array<{ id?: string; body: Record<string, unknown> }>): Promise<string[]> {
  const problems: string[] = [];
  for (const op of acked) {
    if (!op.id) continue; // answer lost after the commit: the exactly-once count below covers it
    const res = await session.call(`/api/manuscripts/${op.id}`);
    if (res.status !== 200) {
      problems.push(`已确认的稿件 ${op.id} 读取为 ${res.status}`);
      continue;
    }
    const m = (await res.json()) as { title: string };
    if (m.title !== op.body.title) problems.push(`稿件 ${op.id} 的标题变成了 ${m.title}`);
  }
  return problems;
}
