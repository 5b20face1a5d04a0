// One China calendar for the whole server: days, the wall clock, and dates as documents write them.
export { CHINA_OFFSET_MS, addDays, chinaDate, chinaMidnight, daysBetween, mondayOf } from './calendar.ts';
export { chinaMinuteOfDay, quietUntil } from './clock.ts';
export { chineseDate, chineseDateTime } from './written.ts';
