import type { FileHolder } from '../../core/files/index.ts';
import { hasPermission, scopeFor, unionScopes } from '../../core/scope.ts';
import { readableShas } from './files.repo.ts';
import { READ_PERMISSIONS } from './manuscripts.policy.ts';

/** Files (body images, attachments) of manuscripts the actor may read, by the manuscripts' own read rule. */
export const manuscriptFiles: FileHolder = async (db, actor, shas) => {
  const held = READ_PERMISSIONS.filter((p) => hasPermission(actor, p));
  if (held.length === 0) return [];
  return readableShas(db, { userId: actor.userId, scope: unionScopes(held.map((p) => scopeFor(actor, p))) }, shas);
};
