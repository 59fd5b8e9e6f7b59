import { z } from 'zod';
import { invalidPayload } from './errors';
import { fieldLabel, frenchIssue } from './protocol/messages';

// Every message in plain French from one map (server/protocol/messages.ts), never zod's own wording.
z.config({ customError: (issue) => frenchIssue(issue) });

/** Parses untrusted input; a bad payload becomes `invalid_payload` with one French message per field. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  const message = first ? (first[0] === '_' ? first[1] : `${fieldLabel(first[0])} : ${first[1]}`) : 'Données invalides.';
  throw invalidPayload(message, { fields });
}
