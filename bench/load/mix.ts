/**
 * What one user does next, weighted like a working day: everybody polls the unread count and
 * opens lists; reporters write drafts; editors look at reviews, statistics and the assessment;
 * leaders open the dashboard (the heaviest reads: whole-city reports).
 */
export interface Action {
  route: string;
  path: string;
  init?: RequestInit;
}

const year = new Date().getFullYear();
const BODY = '<p>东门社区组织志愿者开展邻里互助活动，为辖区独居老人上门送餐、打扫卫生、检查用电安全，受到居民好评。</p>';

type Pick = [weight: number, make: (i: number, categoryId: string | undefined) => Action];

const get = (path: string, route = `GET ${path.split('?')[0]}`): Action => ({ route, path });

const common: Pick[] = [
  [25, () => get('/api/notifications/unread-count')],
  [8, () => get('/api/me')],
  [6, () => get('/api/orgs')],
  [6, () => get('/api/notifications')],
];

const MIX: Record<'reporter' | 'editor' | 'leader', Pick[]> = {
  reporter: [
    ...common,
    [20, () => get('/api/manuscripts?view=mine')],
    [
      8,
      (i, categoryId) => ({
        route: 'POST /api/manuscripts',
        path: '/api/manuscripts',
        init: { method: 'POST', body: JSON.stringify({ title: `压测稿件：邻里互助志愿服务${i}`, bodyHtml: BODY, categoryId, authors: [{ name: '张晓华', share: 100 }] }) },
      }),
    ],
    [5, () => get(`/api/statistics?grain=year&period=${year}&by=user`)],
    [4, () => get('/api/tasks')],
  ],
  editor: [
    ...common,
    [12, () => get('/api/manuscripts?view=all')],
    [10, () => get('/api/adoptions')],
    [8, () => get(`/api/statistics?grain=year&period=${year}&by=org`)],
    [4, () => get(`/api/statistics/trend?year=${year}`)],
    [3, () => get(`/api/assessments?year=${year}`)],
  ],
  leader: [...common, [15, () => get(`/api/dashboard?grain=year&period=${year}`)], [6, () => get(`/api/statistics?grain=year&period=${year}&by=org`)], [3, () => get(`/api/assessments?year=${year}`)]],
};

export function pickAction(role: 'reporter' | 'editor' | 'leader', i: number, categoryId: string | undefined): Action {
  const picks = MIX[role];
  const total = picks.reduce((s, [w]) => s + w, 0);
  let r = Math.random() * total;
  for (const [w, make] of picks) {
    r -= w;
    if (r <= 0) return make(i, categoryId);
  }
  const last = picks[picks.length - 1];
  if (!last) throw new Error('empty mix');
  return last[1](i, categoryId);
}
