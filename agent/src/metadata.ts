// Reading the dispatch metadata the app sends with each call (the contract, written once for both
// sides, is shared/contracts/agent-dispatch.ts). Parsed once when the job starts: a call the agent
// cannot understand is refused up front rather than half-held.
import { dispatchMetadata, type DispatchMetadata } from '../../shared/contracts/agent-dispatch';

export class InvalidMetadataError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid dispatch metadata: ${issues.join('; ')}`);
    this.name = 'InvalidMetadataError';
  }
}

/** Parses `ctx.job.metadata`; throws an InvalidMetadataError naming every bad or missing key. */
export function parseDispatchMetadata(raw: string | undefined): DispatchMetadata {
  let json: unknown;
  try {
    json = JSON.parse(raw ?? '');
  } catch {
    throw new InvalidMetadataError(['metadata is not JSON']);
  }
  const parsed = dispatchMetadata.safeParse(json);
  if (!parsed.success) {
    throw new InvalidMetadataError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  return parsed.data;
}
