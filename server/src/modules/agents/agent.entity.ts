import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgentKind } from '@parc/contracts';
import { Computer } from '../computers/computer.entity';

/**
 * An agent installation, known by the device id it sends. Work is bound to computers, not agents: a reinstalled
 * agent (new device id) finds its computer again through the matching rules and inherits what was pending.
 */
@Entity('agents')
@Index('ix_agents_entity', ['entityId'])
@Index('ix_agents_last_contact', ['lastContactAt'])
export class Agent {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_agents_device_id', { unique: true })
  @Column({ type: 'varchar', length: 255 })
  deviceId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: AgentKind;

  @Column({ type: 'varchar', length: 50, default: '' })
  version: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  userAgent: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  remoteAddress: string;

  @Column({ type: 'int', nullable: true })
  httpPort: number | null;

  @Column({ type: 'varchar', length: 255, default: '' })
  tag: string;

  @Column({ type: 'int' })
  entityId: number;

  @Index('ix_agents_computer')
  @Column({ type: 'int', nullable: true })
  computerId: number | null;

  @ManyToOne(() => Computer, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'computer_id' })
  computer?: Computer;

  @Column({ type: 'datetime', nullable: true })
  lastContactAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
