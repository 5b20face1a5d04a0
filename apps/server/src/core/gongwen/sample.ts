import { gwHeading, gwParagraph, gwRun, gwSignature, gwTable, gwTitle, renderGongwen } from './builder.ts';
import { gwColophon, gwMasthead } from './issuing.ts';

/**
 * A sample 通报 laid out by the builder: what the bulletins workflow will produce, used by the
 * layout test and handy to open in WPS / Word when checking the geometry by eye.
 */
export function sampleBulletin(): Promise<Buffer> {
  return renderGongwen(
    [
      ...gwMasthead({ masthead: '中共江城市委宣传部文件', number: '江宣〔2026〕5号' }),
      ...gwTitle(['关于2026年第一季度', '信息报送工作情况的通报']),
      gwParagraph('各街道、各部门：'),
      gwParagraph('现将2026年第一季度全市信息报送和用稿情况通报如下。'),
      gwHeading(1, '一、总体情况'),
      gwParagraph([gwRun('一季度全市共报送信息 '), gwRun('326', { bold: true }), gwRun(' 篇，被各级媒体采用 '), gwRun('87', { bold: true }), gwRun(' 篇。')]),
      gwHeading(2, '（一）表扬单位'),
      gwParagraph('东门街道、市教育局报送及时、质量较高，予以表扬。'),
      gwHeading(3, '1. 排名情况'),
      gwTable([
        ['排名', '单位', '报送', '采用', '积分'],
        ['1', '东门街道', '42', '15', '86.5'],
        ['2', '市教育局', '37', '12', '71.0'],
      ]),
      ...gwSignature('中共江城市委宣传部', '2026-04-08'),
      ...gwColophon({ copyTo: '市委办公室，市人大常委会办公室，市政府办公室', printedBy: '中共江城市委宣传部办公室', printedOn: '2026-04-08' }),
    ],
    { title: '关于2026年第一季度信息报送工作情况的通报' },
  );
}
