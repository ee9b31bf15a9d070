import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PackageRevision } from '../packages/package.entity';

/** MariaDB returns BIGINT as a string; sizes stay far below 2^53. */
const bigintAsNumber = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

/** A file of the repository, identified by the SHA-512 of its content (what agents check after reassembly). */
@Entity('deploy_files')
@Index('ux_deploy_files_sha512', ['sha512'], { unique: true })
export class DeployFile {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 128 })
  sha512: string;

  /** The name it was first uploaded with; each package names it as it likes. */
  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  size: number;

  @Column({ type: 'int' })
  partCount: number;

  @CreateDateColumn()
  createdAt: Date;

  /** Since when no revision refers to it; garbage-collected once this is older than the grace period. */
  @Column({ type: 'datetime', nullable: true })
  unreferencedSince: Date | null;
}

/** The manifest of a file: its parts in order, each named by the SHA-512 of the part's bytes. */
@Entity('deploy_file_parts')
@Index('ix_deploy_file_parts_sha512', ['sha512'])
export class DeployFilePart {
  @PrimaryColumn({ type: 'int' })
  fileId: number;

  @ManyToOne(() => DeployFile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id' })
  file?: DeployFile;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 128 })
  sha512: string;

  @Column({ type: 'int' })
  size: number;
}

/**
 * Who may see and use a file without a package: the entities it was uploaded (or uploaded again) from. Files used
 * by a package are visible wherever the package is.
 */
@Entity('deploy_file_grants')
export class DeployFileGrant {
  @PrimaryColumn({ type: 'int' })
  fileId: number;

  @ManyToOne(() => DeployFile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id' })
  file?: DeployFile;

  @PrimaryColumn({ type: 'int' })
  entityId: number;
}

/** Which revisions use which files: the reference count that keeps a file from garbage collection. */
@Entity('deploy_revision_files')
@Index('ix_deploy_revision_files_file', ['fileId'])
export class RevisionFile {
  @PrimaryColumn({ type: 'int' })
  revisionId: number;

  @ManyToOne(() => PackageRevision, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'revision_id' })
  revision?: PackageRevision;

  @PrimaryColumn({ type: 'int' })
  fileId: number;

  @ManyToOne(() => DeployFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id' })
  file?: DeployFile;
}

export type UploadStatus = 'open' | 'complete';

/** A resumable upload: chunks arrive in order; `received` is what the server holds, to resume after a cut. */
@Entity('deploy_uploads')
@Index('ix_deploy_uploads_expires', ['expiresAt'])
export class DeployUpload {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'int' })
  userId: number;

  /** The active entity when it started: the finished file is granted to it. */
  @Column({ type: 'int' })
  entityId: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  size: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  received: number;

  /** The SHA-512 the client announced, checked at the end. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  expectedSha512: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: UploadStatus;

  @Column({ type: 'int', nullable: true })
  fileId: number | null;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

/** Parts written so far by an upload, in order; they become the file's manifest when the upload completes. */
@Entity('deploy_upload_parts')
@Index('ix_deploy_upload_parts_sha512', ['sha512'])
export class DeployUploadPart {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  uploadId: string;

  @ManyToOne(() => DeployUpload, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'upload_id' })
  upload?: DeployUpload;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 128 })
  sha512: string;

  @Column({ type: 'int' })
  size: number;
}
