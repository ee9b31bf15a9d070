import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A computer and the scalar part of its inventory. Text fields are '' rather than NULL when unknown, so that
 * search criteria compare plain strings. Children (CPUs, disks, interfaces, software, users) live in their own
 * tables and are rewritten only when the agent reports a change.
 */
@Entity('computers')
@Index('ix_computers_entity', ['entityId'])
@Index('ix_computers_name', ['name'])
@Index('ix_computers_serial', ['serial'])
@Index('ix_computers_uuid', ['uuid'])
@Index('ix_computers_os', ['osName'])
@Index('ix_computers_last_inventory', ['lastInventoryAt'])
@Index('ix_computers_last_contact', ['lastContactAt'])
export class Computer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  entityId: number;

  @Column({ type: 'varchar', length: 255, default: '' })
  name: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  serial: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  uuid: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  manufacturer: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  model: string;

  /** Chassis or virtualization: Desktop, Laptop, Virtual Machine, Docker… */
  @Column({ type: 'varchar', length: 64, default: '' })
  type: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  biosManufacturer: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  biosVersion: string;

  @Column({ type: 'varchar', length: 32, default: '' })
  biosDate: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  osName: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  osVersion: string;

  @Column({ type: 'varchar', length: 32, default: '' })
  osArch: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  osKernel: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  cpuModel: string;

  @Column({ type: 'int', default: 0 })
  cpuCount: number;

  @Column({ type: 'int', default: 0 })
  cpuCores: number;

  @Column({ type: 'int', default: 0 })
  memoryMb: number;

  @Column({ type: 'int', default: 0 })
  swapMb: number;

  @Column({ type: 'varchar', length: 255, default: '' })
  workgroup: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  lastLoggedUser: string;

  /** First non-loopback IPv4 address, kept here for lists and CSV. */
  @Column({ type: 'varchar', length: 45, default: '' })
  ip: string;

  @Column({ type: 'int', default: 0 })
  softwareCount: number;

  @Column({ type: 'datetime', nullable: true })
  lastInventoryAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  lastContactAt: Date | null;

  /** Fields an admin set by hand (GLPI's locks): inventories no longer overwrite them. */
  @Column({ type: 'simple-json', nullable: true })
  lockedFields: string[] | null;

  /** Hash of each inventory section as last stored: an unchanged section is not rewritten. */
  @Column({ type: 'simple-json', nullable: true })
  sectionHashes: Record<string, string> | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
