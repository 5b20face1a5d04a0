import type { OutletLevel, OutletType } from '@xuanlian/contracts';

/**
 * The outlets the seed documents name (002 篇4: 新华社、央视、《人民日报》《中国教育报》《中国教师报》
 * 《人民教育》; 篇1 学习强国 上稿率; 篇4 红网) plus a provincial, city and county set for the demo
 * city 江城市 (its province is the demo's 江南省). Loaded once; editors add the rest in 媒体库.
 */
export const STANDARD_OUTLETS: ReadonlyArray<{ name: string; level: OutletLevel; type: OutletType; region: string }> = [
  { name: '人民日报', level: 'central', type: 'newspaper', region: '全国' },
  { name: '新华社', level: 'central', type: 'website', region: '全国' },
  { name: '中央广播电视总台（央视）', level: 'central', type: 'tv', region: '全国' },
  { name: '光明日报', level: 'central', type: 'newspaper', region: '全国' },
  { name: '中国教育报', level: 'central', type: 'newspaper', region: '全国' },
  { name: '中国教师报', level: 'central', type: 'newspaper', region: '全国' },
  { name: '人民教育', level: 'central', type: 'newspaper', region: '全国' },
  { name: '人民网', level: 'central', type: 'website', region: '全国' },
  { name: '学习强国', level: 'central', type: 'new_media', region: '全国' },
  { name: '红网', level: 'province', type: 'website', region: '湖南' },
  { name: '江南日报', level: 'province', type: 'newspaper', region: '江南省' },
  { name: '江南广播电视台', level: 'province', type: 'tv', region: '江南省' },
  { name: '江南教育', level: 'province', type: 'newspaper', region: '江南省' },
  { name: '江南新闻网', level: 'province', type: 'website', region: '江南省' },
  { name: '江城日报', level: 'city', type: 'newspaper', region: '江城市' },
  { name: '江城广播电视台', level: 'city', type: 'tv', region: '江城市' },
  { name: '江城人民广播电台', level: 'city', type: 'radio', region: '江城市' },
  { name: '江城新闻网', level: 'city', type: 'website', region: '江城市' },
  { name: '江城发布', level: 'city', type: 'new_media', region: '江城市' },
  { name: '江城手机报', level: 'city', type: 'new_media', region: '江城市' },
  { name: '城关区融媒体中心', level: 'county', type: 'new_media', region: '城关区' },
  { name: '江城市人民政府网', level: 'own', type: 'website', region: '江城市' },
];
