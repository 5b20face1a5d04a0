import type { StoredEvidence } from '@xuanlian/contracts';
import { api } from './client.ts';

/** Uploads one photo or document as evidence; attach the returned hash to a record. */
export function uploadEvidence(file: File): Promise<StoredEvidence> {
  const body = new FormData();
  body.append('file', file);
  return api.post<StoredEvidence>('/evidence', body);
}
