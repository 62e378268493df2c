import type { z } from 'zod';

/** The first problem zod found, as "path.to.field: message", for messages about a file a person opened. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
