import { Transform } from 'class-transformer';

/** A text field's surrounding blanks are dropped before validation (so a blank answer is an empty one). */
export function Trimmed(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}
