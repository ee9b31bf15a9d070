import type { GroupKind, GroupMode, SearchCriterion } from '@parc/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Computer } from '../computers/computer.entity';
import type { Profile } from '../profiles/profile.entity';
import type { User } from '../users/user.entity';

/**
 * A group of computers, static or dynamic (design.md §5, Pulse 2's dyngroup). Members of both kinds live in
 * `computer_group_members`: hand-picked for static groups, the materialized evaluation for dynamic ones, so that
 * targeting a group is a join, never a search. (`groups` is a reserved word in MySQL 8.) Users and profiles are
 * named by string in relations: importing them here would close an import cycle between profile entities.
 */
@Entity('computer_groups')
@Index('ix_computer_groups_entity', ['entityId'])
export class ComputerGroup {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  entityId: number;

  /** Visible from the sub-entities too. */
  @Column({ default: false })
  recursive: boolean;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'text' })
  comment: string;

  @Column({ type: 'varchar', length: 8 })
  kind: GroupKind;

  @Column({ type: 'varchar', length: 8, nullable: true })
  mode: GroupMode | null;

  @Column({ type: 'simple-json' })
  criteria: SearchCriterion[];

  @Column({ type: 'varchar', length: 2000, default: '' })
  expression: string;

  /** The creator; a group outlives its owner's account (then only holders of the "every group" right manage it). */
  @Column({ type: 'int', nullable: true })
  ownerId: number | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  /** Shown in the navigation. */
  @Column({ default: false })
  visible: boolean;

  @Column({ type: 'int', default: 0 })
  memberCount: number;

  @Column({ type: 'datetime', nullable: true })
  refreshedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  refreshMs: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

@Entity('computer_group_members')
@Index('ix_computer_group_members_computer', ['computerId'])
export class ComputerGroupMember {
  @PrimaryColumn({ type: 'int' })
  groupId: number;

  @PrimaryColumn({ type: 'int' })
  computerId: number;

  @ManyToOne(() => ComputerGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: ComputerGroup;

  @ManyToOne(() => Computer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'computer_id' })
  computer?: Computer;
}

/** Users and profiles a group is shared with: they may use and edit it, not delete it. */
@Entity('computer_group_shares')
@Index('ix_computer_group_shares_group', ['groupId'])
export class ComputerGroupShare {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  groupId: number;

  @ManyToOne(() => ComputerGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: ComputerGroup;

  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'int', nullable: true })
  profileId: number | null;

  @ManyToOne('Profile', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id' })
  profile?: Profile;
}
