import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { UserInteractionDefinition } from '../../shared/definition';

/**
 * A reusable way of asking users (Windows agents): icon, buttons, timeout and what each answer does. Messages of
 * package drafts refer to it; publishing copies its settings into the revision, which then never changes.
 */
@Entity('deploy_interaction_templates')
@Index('ix_deploy_interaction_templates_entity', ['entityId'])
export class InteractionTemplate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  entityId: number;

  @Column({ default: true })
  recursive: boolean;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  icon: UserInteractionDefinition['icon'];

  @Column({ type: 'varchar', length: 30 })
  buttons: UserInteractionDefinition['buttons'];

  @Column({ type: 'int' })
  timeout: number;

  @Column({ type: 'simple-json' })
  behaviours: UserInteractionDefinition['behaviours'];

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
