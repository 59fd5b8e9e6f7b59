import { z } from 'zod';
import { invalidPayload } from './errors';

z.config(z.locales.fr());

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
  const message = first ? `Champ « ${first[0]} » : ${first[1]}` : 'Données invalides.';
  throw invalidPayload(message, { fields });
}
