// TEMPORARY interface, replaced by the seed helper's implementation
import { DataSource } from 'typeorm';
export async function seedDemo(_: DataSource): Promise<void> {}
export async function seedDemoIfEmpty(_: DataSource): Promise<boolean> { return false; }
