export { journalsRoutes } from './journals.routes.ts';
// The scoring engine counts published inclusions as adoptions at the journal owner's level.
export { journalInclusionsFor, type JournalInclusion } from './inclusions.ts';
export { createJournal } from './verbs/journals.ts';
export { createIssue, saveIssue, publishIssue } from './verbs/issues.ts';
// The annual summary counts the issues a unit's journals put out in the year.
export { publishedIssueCount } from './journals.repo.ts';
export { journalAdoptions } from './adoption-source.ts';
