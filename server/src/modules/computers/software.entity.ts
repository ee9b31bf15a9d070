import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Computer } from './computer.entity';

/**
 * Normalized software: one row per (name, publisher), shared by every computer. `keyHash` (SHA-1 of the exact
 * text) is the identity: MariaDB's default collation would otherwise fold "Foo" and "foo" into one row.
 */
@Entity('software')
export class Software {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_software_key', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  keyHash: string;

  @Index('ix_software_name')
  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  publisher: string;
}

@Entity('software_versions')
export class SoftwareVersion {
  @PrimaryGeneratedColumn()
  id: number;

  /** SHA-1 of software id and exact version text. */
  @Index('uq_software_versions_key', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  keyHash: string;

  @Index('ix_software_versions_software')
  @Column({ type: 'int' })
  softwareId: number;

  @ManyToOne(() => Software, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'software_id' })
  software?: Software;

  @Column({ type: 'varchar', length: 128, default: '' })
  version: string;
}

/**
 * What is installed where: the largest table (about 150 rows per computer). Kept narrow: two integers, and the
 * reverse index answers "which computers have this software" for searches and groups.
 */
@Entity('computer_software')
@Index('ix_computer_software_version', ['softwareVersionId', 'computerId'])
export class ComputerSoftware {
  @PrimaryColumn({ type: 'int' })
  computerId: number;

  @ManyToOne(() => Computer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'computer_id' })
  computer?: Computer;

  @PrimaryColumn({ type: 'int' })
  softwareVersionId: number;
}
