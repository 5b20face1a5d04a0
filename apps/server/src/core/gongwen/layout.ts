/**
 * GB/T 9704-2012 page geometry, in twips (1/20 pt; 1 mm = 56.69 twips).
 * A4; 天头 37 mm, 地脚 35 mm, 订口 28 mm, 翻口 26 mm; text area 156 × 225 mm holding 22 lines of
 * 28 characters of 3号 (16 pt) type.
 */
const mm = (v: number) => Math.round((v * 1440) / 25.4);

export const PAGE = { width: mm(210), height: mm(297) };
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Half-points, as Word stores run sizes: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28, table: 28 };

const textHeight = PAGE.height - MARGIN.top - MARGIN.bottom;
const textWidth = PAGE.width - MARGIN.left - MARGIN.right;

/** Line pitch: the text height split into 22 lines, rounded down so the 22nd still fits (≈ 28.95 pt). */
export const LINE_PITCH = Math.floor(textHeight / LINES_PER_PAGE);

/**
 * `w:charSpace` is the difference between the wanted character pitch and the default font size,
 * in 1/4096 pt: 28 characters over the text width, against 16 pt.
 */
export const CHAR_SPACE = Math.round((textWidth / CHARS_PER_LINE / 20 - SIZE.body / 2) * 4096);

/** Two 3号 characters of first-line indent. */
export const FIRST_LINE_INDENT = 2 * (SIZE.body / 2) * 20;
