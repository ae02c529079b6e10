import { FormStartOptions } from '../dto/forms.dto';

/** A start request's body is the form content plus the engine's options; this separates them. */
export function splitStart<T extends FormStartOptions>(body: T): { payload: Omit<T, keyof FormStartOptions>; options: FormStartOptions } {
  const { attachmentIds, submit, opinion, remark, ...payload } = body;
  return { payload, options: { attachmentIds, submit, opinion, remark } };
}
