import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';

/** A login session. Only the SHA-256 of the bearer token is stored, so a database leak yields no usable token. */
@Entity('sessions')
export class Session {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_sessions_token_hash', { unique: true })
  @Column({ length: 64 })
  tokenHash: string;

  @Index('ix_sessions_user')
  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index('ix_sessions_expires')
  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime' })
  lastUsedAt: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  address: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
