import type { FeedItem } from './feed-server.ts';

/** A negative story about a deputy receiving complaints, and the ways reposting sites change it. */
export const STORY_TITLE = '人大代表收到群众投诉：拆迁补偿款迟迟不到位';
export const STORY_BODY =
  '江城市人大代表王某某近日收到大量群众投诉，反映城关街道拆迁补偿款迟迟不到位，部分居民生活困难，情绪激动。' +
  '群众质疑相关部门推诿扯皮，要求尽快解决问题，给群众一个说法。记者多次联系街道办事处，均未得到答复。';

export function storyReposts(base: string, minutesAgo = 5): FeedItem[] {
  const at = (m: number) => new Date(Date.now() - m * 60_000);
  return [
    { title: STORY_TITLE, link: `${base}/news/1001`, description: STORY_BODY, pubDate: at(minutesAgo + 3) },
    { title: `转载：${STORY_TITLE}`, link: `${base}/bbs/t/88`, description: STORY_BODY, pubDate: at(minutesAgo + 2) },
    { title: STORY_TITLE, link: `${base}/m/a/77?utm_source=wx`, description: `${STORY_BODY}（来源：江城论坛）`, pubDate: at(minutesAgo + 1) },
    { title: STORY_TITLE.replace('：', ' '), link: `${base}/p/5`, description: `${STORY_BODY}责任编辑：李明`, pubDate: at(minutesAgo) },
  ];
}

export function otherNews(base: string): FeedItem[] {
  return [
    { title: '市教育局发布秋季学期收费公示', link: `${base}/news/2001`, description: '市教育局公布各校秋季学期收费项目和标准，接受社会监督，群众纷纷点赞。' },
    { title: '东门社区开展文明城市创建志愿服务', link: `${base}/news/2002`, description: '东门社区组织党员志愿者清理楼道杂物，营造整洁环境。' },
  ];
}
