import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router } from '@angular/router';
import { type ApiError, AuthService, Bits, DateTimePipe, I18n, Icon, Notifier, PageHeader, TPipe, applyServerErrors, remoteData, toApiError } from '@parc/web-sdk';
import { EMPTY, finalize, map, switchMap } from 'rxjs';
import { DeployApi } from '../deploy.api';
import { ConfirmedAction } from '../shared/confirmed-action';
import { PACKAGE_RIGHT, type PackageView, type RevisionView, type TemplateView } from '../deploy.model';
import { type DefinitionForm, definitionForm, describePath, formPath, formValue, toDefinition, toFormValue } from '../packages/definition-form';
import { statusKey } from '../packages/revision-status';
import { ActionList } from './action-list';
import { CheckList } from './check-list';
import { FileSection } from './file-section';
import { InteractionList } from './interaction-list';
import { JsonPreview } from './json-preview';
import { OptionsForm } from './options-form';

/** A problem of the last save, as the server named it and where it is. */
interface SaveProblem {
  path: string;
  section: string;
  item: number | null;
  field: string;
  problem: string;
}

const shown = (): void => undefined;

/**
 * A revision's definition: checks, files, actions, user interactions and options, beside the job JSON agents
 * would get. The draft is edited (Save sends the whole definition; Publish freezes it); published and retired
 * revisions show the same forms, read-only. `/draft` opens the draft, creating it from the latest revision.
 */
@Component({
  selector: 'parc-deploy-revision-page',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    Icon,
    TPipe,
    DateTimePipe,
    PageHeader,
    CheckList,
    ActionList,
    FileSection,
    InteractionList,
    OptionsForm,
    JsonPreview,
  ],
  templateUrl: './revision.page.html',
  styleUrl: './revision.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RevisionPage {
  private readonly api = inject(DeployApi);
  private readonly auth = inject(AuthService);
  private readonly actions = inject(ConfirmedAction);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);

  /** Route parameters; `number` is absent on `/draft`. */
  readonly id = input.required<string>();
  readonly number = input<string>();

  protected readonly packageId = computed(() => Number.parseInt(this.id(), 10));
  private readonly asked = computed(() => ({ id: this.packageId(), number: this.number() ? Number.parseInt(this.number()!, 10) : null }));
  protected readonly pkg = remoteData(() => this.packageId(), (id) => this.api.package(id), null as PackageView | null);
  private readonly loaded = remoteData(
    () => this.asked(),
    ({ id, number }) => (number === null ? this.api.draft(id) : this.api.revision(id, number)),
    null as RevisionView | null,
  );
  private readonly templateChoices = remoteData(() => null, () => this.api.templateChoices().pipe(map((page) => page.items)), [] as TemplateView[]);
  protected readonly templates = computed(() => this.templateChoices.value());

  /** The revision shown (updated by saves, which may have made a new draft). */
  protected readonly revision = signal<RevisionView | null>(null);
  protected readonly form = signal<DefinitionForm | null>(null);
  /** Counts the form's events: views that show it re-render (form events do not mark OnPush views). */
  protected readonly formVersion = signal(0);
  protected readonly previewVersion = signal(0);
  protected readonly saving = signal(false);
  protected readonly publishing = signal(false);
  protected readonly problems = signal<readonly SaveProblem[]>([]);

  protected readonly canUpdate = computed(() => this.auth.me() !== null && this.auth.can(PACKAGE_RIGHT, Bits.UPDATE));
  protected readonly readOnly = computed(() => this.revision()?.status !== 'draft' || !this.canUpdate());
  protected readonly dirty = computed(() => {
    this.formVersion();
    return this.form()?.dirty ?? false;
  });
  /** Sections holding a mistake, flagged in their titles. */
  protected readonly invalid = computed(() => {
    this.formVersion();
    const form = this.form();
    const bad = (name: keyof DefinitionForm['controls']) => !!form && form.controls[name].invalid;
    return { checks: bad('checks'), files: bad('files'), actions: bad('actions'), userInteractions: bad('userInteractions'), options: bad('ocs') || bad('rebootAfter') };
  });
  protected readonly loadFailed = computed(() => this.loaded.error() !== null && this.revision() === null);
  protected readonly statusKey = statusKey;

  constructor() {
    effect(() => {
      const loaded = this.loaded.value();
      const asked = this.asked();
      if (!loaded || loaded.packageId !== asked.id || (asked.number !== null && loaded.number !== asked.number)) return;
      untracked(() => {
        // Loaded again (the active entity changed): unsaved edits of the same revision are kept.
        const current = this.revision();
        if (current?.packageId === loaded.packageId && current.number === loaded.number && this.form()?.dirty) return;
        this.show(loaded);
      });
    });
    // The rights may arrive after the revision: a form built read-only is built again once editable.
    effect(() => {
      const form = this.form();
      const readOnly = this.readOnly();
      untracked(() => {
        if (!form) return;
        if (readOnly && form.enabled) form.disable({ emitEvent: false });
        else if (!readOnly && form.disabled && !form.dirty) this.show(this.revision()!);
      });
    });
    toObservable(this.form)
      .pipe(
        switchMap((form) => form?.events ?? EMPTY),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.formVersion.update((n) => n + 1));
  }

  protected save(): void {
    const form = this.form();
    const revision = this.revision();
    if (!form || !revision || this.readOnly()) return;
    form.markAllAsTouched();
    this.formVersion.update((n) => n + 1);
    if (form.invalid) {
      this.notifier.error(this.i18n.t('deploy.editor.fixFirst'));
      return;
    }
    this.saving.set(true);
    this.api
      .saveDraft(this.packageId(), toDefinition(formValue(form), this.templates()))
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (saved) => {
          this.revision.set(saved);
          this.problems.set([]);
          form.markAsPristine();
          this.formVersion.update((n) => n + 1);
          this.previewVersion.update((n) => n + 1);
          this.notifier.success(this.i18n.t('deploy.editor.saved', { number: saved.number }));
        },
        error: (error: unknown) => this.showProblems(form, toApiError(error)),
      });
  }

  /** Publishes the saved draft (unsaved changes must be saved first: what is published is what was checked). */
  protected publish(): void {
    const revision = this.revision();
    const pkg = this.pkg.value();
    if (!revision || this.dirty()) return;
    this.actions.run(
      {
        title: this.i18n.t('deploy.revision.publishTitle', { number: revision.number }),
        message: this.i18n.t('deploy.revision.publishConfirm', { number: revision.number, name: pkg?.name ?? '' }),
        confirm: this.i18n.t('deploy.revision.publish'),
      },
      () => {
        this.publishing.set(true);
        return this.api.publish(this.packageId(), revision.number).pipe(finalize(() => this.publishing.set(false)));
      },
      (published) => ({
        message: this.i18n.t('deploy.revision.published', { number: published.number }),
        then: () => void this.router.navigate(['/deploy/packages', this.packageId(), 'revisions', published.number], { replaceUrl: true }),
      }),
    );
  }

  /** From a published revision: the draft (created from the latest revision when needed). */
  protected editDraft(): void {
    this.api.draft(this.packageId()).subscribe({ next: () => void this.router.navigate(['/deploy/packages', this.packageId(), 'draft']), error: shown });
  }

  /** Back to the saved definition. */
  protected revert(): void {
    const revision = this.revision();
    if (revision) this.show(revision);
  }

  private show(revision: RevisionView): void {
    this.revision.set(revision);
    this.problems.set([]);
    const form = definitionForm(toFormValue(revision.definition));
    if (this.readOnly()) form.disable({ emitEvent: false });
    this.form.set(form);
  }

  /** A 400 names the fields: their problems go under them and in the list above the form; others in the snackbar. */
  private showProblems(form: DefinitionForm, error: ApiError): void {
    const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, problem]) => [formPath(field), problem]));
    if (error.status !== 400 || Object.keys(fieldErrors).length === 0) {
      this.problems.set([]);
      this.notifier.error(error.message);
      return;
    }
    applyServerErrors(form, { ...error, fieldErrors });
    this.formVersion.update((n) => n + 1);
    this.problems.set(Object.entries(fieldErrors).map(([path, problem]) => ({ path, problem, ...describePath(path) })));
  }
}
