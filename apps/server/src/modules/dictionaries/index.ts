export { dictionariesRoutes } from './dictionaries.routes.ts';
export { wordingCheckFor, type WordingCheck, type WordingHit } from './wording.ts';
export { listCategoriesFor } from './verbs/categories.ts';
// The manuscripts module resolves a manuscript's category, and the demo seed fills the dictionaries.
export { findCategory, listCategories, insertCategory, insertWord, insertLeader, type CategoryRow } from './dictionaries.repo.ts';
