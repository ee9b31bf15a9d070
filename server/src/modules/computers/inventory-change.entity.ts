import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Computer } from './computer.entity';

/** What one accepted inventory changed on a computer: the computer's history tab. */
@Entity('inventory_changes')
@Index('ix_inventory_changes_computer', ['computerId', 'at'])
export class InventoryChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  computerId: number;

  @ManyToOne(() => Computer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'computer_id' })
  computer?: Computer;

  @Column({ type: 'datetime' })
  at: Date;

  @Column({ type: 'varchar', length: 255, nullable: true })
  agentDeviceId: string | null;

  @Column({ type: 'varchar', length: 10 })
  kind: 'created' | 'updated';

  @Column({ type: 'simple-json' })
  changes: {
    fields: Record<string, [unknown, unknown]>;
    sections: Record<string, { added: string[]; removed: string[]; addedCount: number; removedCount: number }>;
  };
}
