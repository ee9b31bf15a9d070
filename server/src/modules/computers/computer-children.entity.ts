import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Computer } from './computer.entity';

/** The inventory children of a computer, each deleted with it. */

@Entity('computer_cpus')
export class ComputerCpu {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_computer_cpus_computer')
  @Column({ type: 'int' })
  computerId: number;

  @ManyToOne(() => Computer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'computer_id' })
  computer?: Computer;

  @Column({ type: 'varchar', length: 255, default: '' })
  manufacturer: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  model: string;

  @Column({ type: 'int', default: 0 })
  speedMhz: number;

  @Column({ type: 'int', default: 0 })
  cores: number;

  @Column({ type: 'int', default: 0 })
  threads: number;

  @Column({ type: 'varchar', length: 32, default: '' })
  arch: string;
}

@Entity('computer_disks')
export class ComputerDisk {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_computer_disks_computer')
  @Column({ type: 'int' })
  computerId: number;

  @ManyToOne(() => Computer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'computer_id' })
  computer?: Computer;

  @Column({ type: 'varchar', length: 255, default: '' })
  mountPoint: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  device: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  fileSystem: string;

  @Column({ type: 'int', default: 0 })
  totalMb: number;

  @Column({ type: 'int', default: 0 })
  freeMb: number;

  @Column({ type: 'varchar', length: 255, default: '' })
  label: string;
}

@Entity('network_interfaces')
@Index('ix_network_interfaces_mac', ['mac'])
@Index('ix_network_interfaces_ipv4', ['ipv4'])
export class NetworkInterface {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_network_interfaces_computer')
  @Column({ type: 'int' })
  computerId: number;

  @ManyToOne(() => Computer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'computer_id' })
  computer?: Computer;

  @Column({ type: 'varchar', length: 255, default: '' })
  name: string;

  /** Lower-case, colon-separated. */
  @Column({ type: 'varchar', length: 17, default: '' })
  mac: string;

  @Column({ type: 'varchar', length: 45, default: '' })
  ipv4: string;

  @Column({ type: 'varchar', length: 45, default: '' })
  ipv4Mask: string;

  @Column({ type: 'varchar', length: 45, default: '' })
  ipv4Gateway: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  ipv6: string;

  @Column({ type: 'varchar', length: 16, default: '' })
  status: string;

  @Column({ type: 'varchar', length: 32, default: '' })
  type: string;

  @Column({ default: false })
  virtual: boolean;
}

/** Logged-in users seen by the agent. */
@Entity('computer_users')
export class ComputerUser {
  @PrimaryColumn({ type: 'int' })
  computerId: number;

  @ManyToOne(() => Computer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'computer_id' })
  computer?: Computer;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  login: string;
}
