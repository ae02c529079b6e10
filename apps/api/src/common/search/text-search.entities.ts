import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A distinct text of a searchable column (e.g. the subject names of bad records), per domain. */
@Entity('text_search_entries')
@Index('UQ_text_search_entry', ['domain', 'text'], { unique: true })
export class TextSearchEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  domain: string;

  @Column({ type: 'varchar', length: 255 })
  text: string;
}

/** One character or character pair of an entry's text (lower case): the n-gram index. */
@Entity('text_search_grams')
export class TextSearchGram {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  domain: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  gram: string;

  @PrimaryColumn({ type: 'int' })
  entryId: number;
}

export const TEXT_SEARCH_ENTITIES = [TextSearchEntry, TextSearchGram];
