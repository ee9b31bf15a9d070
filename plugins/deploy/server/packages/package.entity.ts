import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PackageDefinition } from '../../shared/definition';

/** A deployment package: a name in an entity; what it does lives in its revisions. */
@Entity('deploy_packages')
@Index('ix_deploy_packages_entity', ['entityId'])
export class DeployPackage {
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
  description: string;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

export type RevisionStatus = 'draft' | 'published' | 'retired';

/**
 * One version of a package's definition. A draft is edited in place; publishing freezes it for good (tasks and
 * agents refer to published revisions, so what ran is always known); editing again starts a new draft from it.
 */
@Entity('deploy_package_revisions')
@Index('ux_deploy_package_revisions_number', ['packageId', 'number'], { unique: true })
export class PackageRevision {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  packageId: number;

  @ManyToOne(() => DeployPackage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'package_id' })
  package?: DeployPackage;

  /** 1, 2, 3… within the package. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 10 })
  status: RevisionStatus;

  @Column({ type: 'simple-json' })
  definition: PackageDefinition;

  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  retiredAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
