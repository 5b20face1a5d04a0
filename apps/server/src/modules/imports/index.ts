export { importPeople } from './import-people.ts';
export { buildImportTemplate } from './template.ts';
export { importsRoutes } from './imports.routes.ts';
