// The dictionaries feature's surface: manuscripts pick categories with these.
export { useCategories, useDictionary } from './api.ts';
export { WordsTab } from './WordsTab.tsx';
export { LeadersTab } from './LeadersTab.tsx';
export { CategoriesTab } from './CategoriesTab.tsx';
