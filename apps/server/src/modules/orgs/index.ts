export { listOrgs, listOrgsJson } from './verbs/list-orgs.ts';
export { createOrg } from './verbs/create-org.ts';
export { updateOrg } from './verbs/update-org.ts';
export { orgsRoutes } from './orgs.routes.ts';
export { findOrgById, findOrgByCode, findOrgsByIds, insertOrg, listOrgsInScope, type OrgRow } from './orgs.repo.ts';
