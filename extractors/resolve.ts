import type { AgencyRecord, DocumentRecord } from '../graph/model.js';

/** Cross-document resolution stage: runs after every document of a run is extracted. */
export function resolveRun(_documents: DocumentRecord[]): { agencies: AgencyRecord[] } {
  return { agencies: [] };
}
