import { ApiError, errorMessage } from '@szpm/api-client';

/**
 * A failed action's message for the toast, or null when the failure ended the session: the api client
 * has then said the session expired and gone to sign in (the draft is kept), and that is not overwritten.
 */
export function actionFailureMessage(error: unknown): string | null {
  return error instanceof ApiError && error.status === 401 ? null : errorMessage(error);
}

/**
 * A 400's field errors (the api's `details`) as the form's own problems, to show next to their
 * fields: `fields` maps the api's field names to the form's (`{ subjectId: 'subject' }`).
 */
export function fieldProblems<F extends string>(error: unknown, fields: Readonly<Record<string, F>>): Partial<Record<F, string>> {
  if (!(error instanceof ApiError)) return {};
  const problems: Partial<Record<F, string>> = {};
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    const own = fields[field];
    if (own !== undefined) problems[own] = message;
  }
  return problems;
}
