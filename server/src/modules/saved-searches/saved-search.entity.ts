import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { User } from '../users/user.entity';

/** A list's search kept under a name: private to its owner, or shared with everyone who sees its entity. */
@Entity('saved_searches')
@Index('ix_saved_searches_owner', ['ownerId', 'itemType'])
@Index('ix_saved_searches_shared', ['itemType', 'shared'])
export class SavedSearch {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  ownerId: number;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  @Column({ type: 'varchar', length: 50 })
  itemType: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** The list's query parameters, as the list sends them. */
  @Column({ type: 'simple-json' })
  query: Record<string, string>;

  @Column({ default: false })
  shared: boolean;

  /** The active entity when it was saved: shared searches are visible where that entity is. */
  @Column({ type: 'int' })
  entityId: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
