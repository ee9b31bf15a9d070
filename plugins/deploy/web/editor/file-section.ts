import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { type FormArray, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { I18n, Icon, IconButton, Notifier, TPipe } from '@parc/web-sdk';
import { DeployApi } from '../deploy.api';
import type { FileView } from '../deploy.model';
import { FilePickerDialog } from '../files/file-picker-dialog';
import { type PendingUpload, PendingUploads, ResumableUpload, UploadInterrupted, type UploadPhase, isSameFile, percentOf } from '../files/resumable-upload';
import { uploadTransport } from '../files/upload-transport';
import { type FileForm, fileForm, newFile } from '../packages/definition-form';
import { DeployErrorPipe } from '../shared/deploy-error.pipe';
import { FileSizePipe } from '../shared/file-size.pipe';

/** An upload of this page. */
interface UploadRow {
  key: number;
  file: File;
  name: string;
  size: number;
  sent: number;
  phase: UploadPhase;
  problem: string | null;
  upload: ResumableUpload;
}

/** An upload left unfinished (page reloaded, connection lost): resumed when the user picks the same file. */
interface InterruptedRow {
  pending: PendingUpload;
  /** From the server's offset; null until it answered. */
  percent: number | null;
  problem: string | null;
}

let nextKey = 1;

/**
 * The files of a definition: added by upload (always resumable, whatever the size) or picked from the
 * repository; each with its name in the work directory, P2P sharing and retention, uncompress, and what the
 * repository says of it (size, how many revisions use it). Uploads interrupted earlier, even before a reload,
 * are listed to be resumed.
 */
@Component({
  selector: 'parc-deploy-file-section',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, Icon, IconButton, TPipe, DeployErrorPipe, FileSizePipe],
  templateUrl: './file-section.html',
  styleUrl: './file-section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileSection {
  private readonly api = inject(DeployApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly pending = new PendingUploads();
  private readonly transport = uploadTransport(this.api);

  readonly files = input.required<FormArray<FileForm>>();
  readonly readOnly = input(false);
  /** Re-renders on any change of the form: form events do not mark OnPush views (zoneless). */
  readonly formVersion = input(0);
  /** Bumped after each save: reference counts are asked again (the revision now uses its files). */
  readonly savedVersion = input(0);

  protected readonly uploads = signal<readonly UploadRow[]>([]);
  protected readonly interrupted = signal<readonly InterruptedRow[]>([]);
  /** What the repository says of each file of the list; null: not in the repository (any more). */
  protected readonly info = signal<ReadonlyMap<string, FileView | null>>(new Map());
  private readonly shas = computed(() => {
    this.formVersion();
    return this.files().controls.map((file) => file.controls.sha512.value);
  });
  protected readonly percentOf = percentOf;

  constructor() {
    effect(() => {
      const shas = this.shas();
      untracked(() => shas.filter((sha) => !this.info().has(sha)).forEach((sha) => this.lookUp(sha)));
    });
    effect(() => {
      if (this.savedVersion() > 0) untracked(() => this.shas().forEach((sha) => this.lookUp(sha)));
    });
    effect(() => {
      if (!this.readOnly()) untracked(() => this.loadInterrupted());
    });
    // Leaving the page stops the uploads; what was sent stays, to be resumed.
    inject(DestroyRef).onDestroy(() => this.uploads().forEach((row) => row.upload.stop()));
  }

  protected upload(files: FileList | null, input: HTMLInputElement): void {
    for (const file of Array.from(files ?? [])) this.start(file);
    // The same file can be picked again (after a cancel).
    input.value = '';
  }

  protected resume(row: InterruptedRow, files: FileList | null, input: HTMLInputElement): void {
    const file = files?.item(0);
    input.value = '';
    if (!file) return;
    if (!isSameFile(row.pending, file)) {
      this.setInterrupted(row.pending.uploadId, { problem: this.i18n.t('deploy.files.notSameFile', { name: row.pending.name }) });
      return;
    }
    this.interrupted.update((rows) => rows.filter((r) => r.pending.uploadId !== row.pending.uploadId));
    this.start(file, row.pending.uploadId);
  }

  protected discard(row: InterruptedRow): void {
    this.pending.remove(row.pending.uploadId);
    this.interrupted.update((rows) => rows.filter((r) => r.pending.uploadId !== row.pending.uploadId));
    this.api.cancelUpload(row.pending.uploadId).subscribe({ error: () => undefined });
  }

  protected cancel(row: UploadRow): void {
    void row.upload.cancel();
    this.uploads.update((rows) => rows.filter((r) => r.key !== row.key));
  }

  /** Goes on from what the server holds, with the file still at hand. */
  protected retry(row: UploadRow): void {
    this.uploads.update((rows) => rows.filter((r) => r.key !== row.key));
    this.start(row.file, row.upload.id ?? undefined);
  }

  protected pick(): void {
    this.dialog
      .open<FilePickerDialog, void, FileView>(FilePickerDialog, { width: '760px', maxWidth: '96vw' })
      .afterClosed()
      .subscribe((file) => {
        if (file) this.add(file, file.name);
      });
  }

  protected remove(index: number): void {
    this.files().removeAt(index);
    this.files().markAsDirty();
  }

  private start(file: File, resumeId?: string): void {
    const key = nextKey++;
    const update = (changes: Partial<UploadRow>) => this.uploads.update((rows) => rows.map((r) => (r.key === key ? { ...r, ...changes } : r)));
    const upload = new ResumableUpload(file, this.transport, this.pending, { sent: (sent) => update({ sent }), phase: (phase) => update({ phase }) });
    this.uploads.update((rows) => [...rows, { key, file, name: file.name, size: file.size, sent: 0, phase: 'starting', problem: null, upload }]);
    upload.run(resumeId).then(
      (stored) => {
        this.uploads.update((rows) => rows.filter((r) => r.key !== key));
        this.add(stored, file.name);
      },
      (error: unknown) => {
        if (error instanceof UploadInterrupted && error.reason !== 'failed') return;
        const message = error instanceof UploadInterrupted || error instanceof Error ? error.message : this.describe(error);
        update({ phase: 'interrupted', problem: message });
      },
    );
  }

  /** A new entry of the list (name: the uploaded or stored name), unless the file is already in it. */
  private add(file: FileView, name: string): void {
    this.info.update((info) => new Map(info).set(file.sha512, file));
    if (this.files().controls.some((f) => f.controls.sha512.value === file.sha512)) {
      this.notifier.info(this.i18n.t('deploy.files.already', { name }));
      return;
    }
    this.files().push(fileForm(newFile(file.sha512, name)));
    this.files().markAsDirty();
    this.notifier.success(this.i18n.t('deploy.files.added', { name }));
  }

  private lookUp(sha: string): void {
    // Marked as asked at once, so that a re-render does not ask twice.
    this.info.update((info) => new Map(info).set(sha, info.get(sha) ?? null));
    this.api.file(sha).subscribe({
      next: (file) => this.info.update((info) => new Map(info).set(sha, file)),
      error: () => undefined,
    });
  }

  private loadInterrupted(): void {
    const active = new Set(this.uploads().map((row) => row.upload.id));
    const rows = this.pending.list().filter((p) => !active.has(p.uploadId));
    this.interrupted.set(rows.map((pending) => ({ pending, percent: null, problem: null })));
    for (const pending of rows) {
      this.api.upload(pending.uploadId).subscribe({
        next: (view) => {
          if (view.status === 'complete') {
            // Finished after all (the last answer was lost): nothing to resume.
            this.pending.remove(pending.uploadId);
            this.interrupted.update((list) => list.filter((r) => r.pending.uploadId !== pending.uploadId));
          } else this.setInterrupted(pending.uploadId, { percent: percentOf(view.offset, view.size) });
        },
        error: () => {
          // Expired or cancelled elsewhere: the server no longer has it.
          this.pending.remove(pending.uploadId);
          this.interrupted.update((list) => list.filter((r) => r.pending.uploadId !== pending.uploadId));
        },
      });
    }
  }

  private setInterrupted(uploadId: string, changes: Partial<InterruptedRow>): void {
    this.interrupted.update((rows) => rows.map((r) => (r.pending.uploadId === uploadId ? { ...r, ...changes } : r)));
  }

  private describe(error: unknown): string {
    const body = (error as { body?: { message?: unknown } } | null)?.body;
    return typeof body?.message === 'string' ? body.message : this.i18n.t('deploy.files.uploadFailed');
  }
}
