/**
 * What the deploy API sends and takes, as the web part sees it. The definition itself (its types and vocabularies)
 * is shared with the server: plugins/deploy/shared/definition.ts.
 */
import type { Behaviours, InteractionButtons, InteractionIcon, PackageDefinition } from '../shared/definition';

export * from '../shared/definition';

export type RevisionStatus = 'draft' | 'published' | 'retired';

export interface RevisionSummary {
  number: number;
  status: RevisionStatus;
  publishedAt: string | null;
  retiredAt: string | null;
  updatedAt: string;
}

export interface RevisionView extends RevisionSummary {
  packageId: number;
  definition: PackageDefinition;
}

export interface PackageView {
  id: number;
  name: string;
  description: string;
  entityId: number;
  recursive: boolean;
  /** Newest first. */
  revisions: RevisionSummary[];
  createdAt: string;
  updatedAt: string;
}

export interface PackageInput {
  name: string;
  description: string;
  entityId: number;
  recursive: boolean;
}

export interface DiffChange {
  /** `actions[1].exec` */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface RevisionDiff {
  from: number;
  to: number;
  changes: DiffChange[];
}

/** A file of the content-addressed repository (identified by the SHA-512 of its content). */
export interface FileView {
  sha512: string;
  name: string;
  size: number;
  partCount: number;
  /** Package revisions using it. */
  references: number;
  createdAt: string;
  unreferencedSince: string | null;
}

export interface UploadView {
  id: string;
  name: string;
  size: number;
  /** Bytes the server holds. */
  offset: number;
  chunkSize: number;
  status: 'open' | 'complete';
  file: FileView | null;
  expiresAt: string;
}

export interface MirrorView {
  id: number;
  entityId: number;
  entityName: string;
  recursive: boolean;
  name: string;
  url: string;
  /** CIDRs; empty: any location. */
  networks: string[];
  active: boolean;
  position: number;
}

export type MirrorInput = Omit<MirrorView, 'id' | 'entityName'>;

export interface TemplateView {
  id: number;
  entityId: number;
  entityName: string;
  recursive: boolean;
  name: string;
  icon: InteractionIcon;
  buttons: InteractionButtons;
  timeout: number;
  behaviours: Behaviours;
}

export type TemplateInput = Omit<TemplateView, 'id' | 'entityName'>;

/** Right names of the deploy plugin (plugins/deploy/server/deploy.plugin.ts). */
export const PACKAGE_RIGHT = 'deploy.package';
export const MIRROR_RIGHT = 'deploy.mirror';
