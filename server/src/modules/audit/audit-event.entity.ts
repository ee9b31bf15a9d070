import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction } from '@parc/contracts';

/** Who created, changed or deleted which object, with the changed values before and after. Append-only. */
@Entity('audit_events')
@Index('ix_audit_events_item', ['itemType', 'itemId'])
export class AuditEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_audit_events_at')
  @Column({ type: 'datetime' })
  at: Date;

  @Column({ type: 'int', nullable: true })
  userId: number | null;

  /** Kept as text so the trail survives the user's deletion; `system` for background work. */
  @Column({ length: 100 })
  userLogin: string;

  @Column({ type: 'varchar', length: 10 })
  action: AuditAction;

  @Column({ length: 100 })
  itemType: string;

  @Column({ type: 'int' })
  itemId: number;

  /** Entity of the object, for scoping; null for global objects such as profiles. */
  @Index('ix_audit_events_entity')
  @Column({ type: 'int', nullable: true })
  entityId: number | null;

  @Column({ type: 'simple-json', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'simple-json', nullable: true })
  after: Record<string, unknown> | null;
}
