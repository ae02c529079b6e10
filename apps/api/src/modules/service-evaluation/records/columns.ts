import { FindOptionsSelect } from 'typeorm';

/** A find() select of the named columns only (TypeORM 1 takes an object, not a list). */
export function columns<T>(names: Array<keyof T & string>): FindOptionsSelect<T> {
  return Object.fromEntries(names.map((name) => [name, true])) as FindOptionsSelect<T>;
}
