import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One execution of a periodic job: the visible scheduler state admins of GLPI's cron never had. */
@Entity('job_runs')
@Index('ix_job_runs_name_started', ['name', 'startedAt'])
export class JobRun {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 100 })
  name: string;

  /** Identifies the scheduled occurrence, so two workers running the same tick would show as a duplicate. */
  @Column({ length: 150 })
  tick: string;

  @Column({ type: 'datetime' })
  startedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'varchar', length: 10 })
  status: 'running' | 'ok' | 'failed';

  @Column({ type: 'text', nullable: true })
  message: string | null;

  /** host:pid of the process that ran it */
  @Column({ length: 150 })
  worker: string;
}
