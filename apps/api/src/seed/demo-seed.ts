import { DataSource } from 'typeorm';
export async function seedDemoIfEmpty(_: DataSource): Promise<boolean> { return false; }
