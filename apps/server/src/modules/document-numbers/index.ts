export { documentNumbersRoutes } from './document-numbers.routes.ts';
export { assignDocumentNumber, type AssignedNumber } from './verbs/assign-number.ts';
export { issuingProfile, writeDocumentRegister, type IssuingProfile } from './verbs/registers.ts';
