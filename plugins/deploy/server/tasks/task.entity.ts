import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PackageRevision } from '../packages/package.entity';

export type TaskState = 'draft' | 'active' | 'paused' | 'completed';

/**
 * A deployment task: ordered jobs, each carrying a published package revision. This is the task's core; its
 * targets, schedule and runs are added by the tasks work that follows (docs/design.md, tasks).
 */
@Entity('deploy_tasks')
@Index('ix_deploy_tasks_entity', ['entityId'])
export class DeployTask {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  entityId: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  state: TaskState;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

/**
 * One job of a task. Jobs at the same position run side by side; a later position runs on a computer once the
 * earlier ones succeeded there. The revision cannot be deleted while a job carries it (the package's deletion is
 * refused first, naming the tasks).
 */
@Entity('deploy_task_jobs')
@Index('ix_deploy_task_jobs_task', ['taskId', 'position'])
@Index('ix_deploy_task_jobs_revision', ['revisionId'])
export class DeployTaskJob {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  taskId: number;

  @ManyToOne(() => DeployTask, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: DeployTask;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'int' })
  revisionId: number;

  @ManyToOne(() => PackageRevision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revision_id' })
  revision?: PackageRevision;
}
