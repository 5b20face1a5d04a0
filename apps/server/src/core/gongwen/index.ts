export { gwTitle, gwAddressee, gwHeading, gwParagraph, gwRun, gwBlankLine, gwSignature, gwTable, renderGongwen, type GongwenBlock, type GongwenOptions } from './builder.ts';
export { gwMasthead, gwDraftMark, gwColophon, gwBriefHead, formatDocumentNumber, mastheadSize, GONGWEN_RED, type MastheadOptions, type ColophonOptions, type BriefHeadOptions } from './issuing.ts';
export { FONTS as GONGWEN_FONTS, runFont as gongwenRunFont } from './fonts.ts';
export { PAGE, MARGIN, LINE_PITCH, CHAR_SPACE, SIZE as GONGWEN_SIZE, FIRST_LINE_INDENT, LINES_PER_PAGE, CHARS_PER_LINE } from './layout.ts';
