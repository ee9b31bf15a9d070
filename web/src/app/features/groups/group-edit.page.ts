import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import type { GroupShareView, GroupView, ProfileView, SearchFieldView, UserView } from '@parc/contracts';
import { EMPTY, catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { type ApiError, toApiError } from '../../core/api/api-error';
import { ActiveEntityStore } from '../../core/entity/active-entity.store';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { VisibleGroups } from '../../core/nav/visible-groups';
import { Notifier } from '../../core/notify/notifier';
import { remoteData } from '../../shared/data/remote-data';
import { FieldErrorPipe, applyServerErrors } from '../../shared/forms/server-errors';
import { PageHeader } from '../../shared/page-header/page-header';
import { ComputersApi } from '../computers/computers.api';
import { CriteriaBuilder, type CriteriaQuery } from '../computers/criteria-builder';
import { NO_SEARCH_PROBLEMS, type SearchProblems, searchProblems } from '../computers/criteria-expression';
import { type GroupDraft, draftOf, groupChanges, groupInput } from './group-form';
import { type GroupPreviewRequest, GroupsApi } from './groups.api';

/** The editor's live count: nothing to count yet, counting, the count, or why the server could not count. */
export type PreviewState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ok'; total: number; ms: number }
  | { state: 'error'; message: string; problems: SearchProblems };

/** Waiting time after the last keystroke before the count is asked for. */
export const PREVIEW_DEBOUNCE_MS = 300;

/**
 * Creates or edits a group: name, comment, entity, kind (fixed once created); for dynamic groups the numbered
 * criteria, their expression and a live count of what they match, and the mode; visibility in the navigation
 * and sharing with users and profiles. The server's problems show on the fields, the criteria and the
 * expression.
 */
@Component({
  selector: 'parc-group-edit-page',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatRadioModule,
    MatSelectModule,
    Icon,
    TPipe,
    FieldErrorPipe,
    PageHeader,
    CriteriaBuilder,
  ],
  templateUrl: './group-edit.page.html',
  styleUrl: './group-edit.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupEditPage {
  private readonly api = inject(GroupsApi);
  private readonly computersApi = inject(ComputersApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly visibleGroups = inject(VisibleGroups, { optional: true });
  protected readonly entities = inject(ActiveEntityStore);

  /** Route parameter; absent for a new group. */
  readonly id = input<string>();

  /** The group as saved (null for a new one). */
  protected readonly group = signal<GroupView | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly isNew = computed(() => !this.id());

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(255)]],
    comment: [''],
    entityId: [this.entities.choice()?.entityId ?? (null as number | null), Validators.required],
    recursive: [false],
    kind: ['dynamic' as GroupDraft['kind']],
    mode: ['query' as GroupDraft['mode']],
    visible: [false],
  });
  protected readonly criteria = signal<CriteriaQuery>({ criteria: [], expression: '' });
  protected readonly shares = signal<readonly GroupShareView[]>([]);
  /** What the server said about the criteria when saving. */
  private readonly saveProblems = signal<SearchProblems>(NO_SEARCH_PROBLEMS);

  private readonly formValue = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly dynamic = computed(() => this.formValue().kind === 'dynamic');
  protected readonly fields = remoteData(() => null, () => this.computersApi.searchFields(), [] as SearchFieldView[]);

  /** The live count of a dynamic group's criteria, asked for once typing pauses. */
  protected readonly preview = signal<PreviewState>({ state: 'idle' });
  private readonly previewRequest = computed<GroupPreviewRequest | null>(() => {
    const { criteria, expression } = this.criteria();
    const { kind, entityId } = this.formValue();
    if (kind !== 'dynamic' || criteria.length === 0) return null;
    return { ...(entityId !== null ? { entityId } : {}), criteria, expression };
  });
  protected readonly problems = computed(() => {
    const preview = this.preview();
    return preview.state === 'error' && (preview.problems.expression || preview.problems.criteria) ? preview.problems : this.saveProblems();
  });

  /** Sharing pickers: users found by what is typed, and every profile. */
  protected readonly userQuery = signal('');
  protected readonly users = remoteData(
    () => this.userQuery(),
    (q) => this.api.users(q).pipe(map((page) => page.items), catchError(() => of([] as UserView[]))),
    [] as UserView[],
  );
  protected readonly profiles = remoteData(
    () => null,
    () => this.api.profiles().pipe(map((page) => page.items), catchError(() => of([] as ProfileView[]))),
    [] as ProfileView[],
  );
  protected readonly userOptions = computed(() => this.users.value().filter((user) => !this.isShared('user', user.id)));
  protected readonly profileOptions = computed(() => this.profiles.value().filter((profile) => !this.isShared('profile', profile.id)));

  constructor() {
    toObservable(this.id)
      .pipe(
        switchMap((id) => {
          if (!id) return of(null);
          return this.api.get(Number.parseInt(id, 10)).pipe(
            // The interceptor said why (404, 403…); the page says it has nothing to show.
            catchError(() => {
              this.loadFailed.set(true);
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((group) => this.show(group));

    toObservable(this.previewRequest)
      .pipe(
        debounceTime(PREVIEW_DEBOUNCE_MS),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        switchMap((request) =>
          request
            ? this.api.preview(request).pipe(
                map((answer): PreviewState => ({ state: 'ok', total: answer.total, ms: answer.ms })),
                catchError((failure: unknown) => of(previewError(toApiError(failure)))),
                startWith<PreviewState>({ state: 'loading' }),
              )
            : of<PreviewState>({ state: 'idle' }),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.preview.set(state));
  }

  protected onCriteria(query: CriteriaQuery): void {
    this.criteria.set(query);
    this.saveProblems.set(NO_SEARCH_PROBLEMS);
  }

  /** The group's entity may be outside the choosable ones (a recursive group seen from below): still show it. */
  protected inTree(entityId: number): boolean {
    return this.entities.entities().some((entity) => entity.id === entityId);
  }

  protected isShared(kind: GroupShareView['kind'], id: number): boolean {
    return this.shares().some((share) => share.kind === kind && share.id === id);
  }

  protected searchUsers(text: string): void {
    this.userQuery.set(text.trim());
  }

  protected addUser(event: MatAutocompleteSelectedEvent, input: HTMLInputElement): void {
    const user = event.option.value as UserView;
    this.addShare({ kind: 'user', id: user.id, name: user.login });
    input.value = '';
    this.userQuery.set('');
  }

  protected addProfile(profile: ProfileView | null): void {
    if (profile) this.addShare({ kind: 'profile', id: profile.id, name: profile.name });
  }

  protected removeShare(share: GroupShareView): void {
    this.shares.update((shares) => shares.filter((s) => !(s.kind === share.kind && s.id === share.id)));
  }

  protected save(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { criteria, expression } = this.criteria();
    const draft: GroupDraft = { ...this.form.getRawValue(), criteria, expression, shares: this.shares() };
    const existing = this.group();
    this.saving.set(true);
    const request = existing ? this.api.update(existing.id, groupChanges(draft, existing)) : this.api.create(groupInput(draft));
    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.notifier.success(this.i18n.t('groups.saved', { name: saved.name }));
        this.visibleGroups?.reload();
        void this.router.navigate(['/groups', saved.id]);
      },
      error: (failure: unknown) => {
        this.saving.set(false);
        const error = toApiError(failure);
        applyServerErrors(this.form, error);
        this.saveProblems.set(searchProblems(error));
      },
    });
  }

  protected cancel(): void {
    const group = this.group();
    void this.router.navigate(group ? ['/groups', group.id] : ['/groups']);
  }

  private addShare(share: GroupShareView): void {
    if (!this.isShared(share.kind, share.id)) this.shares.update((shares) => [...shares, share]);
  }

  private show(group: GroupView | null): void {
    const draft = draftOf(group, this.entities.choice()?.entityId ?? null);
    this.group.set(group);
    this.form.reset({
      name: draft.name,
      comment: draft.comment,
      entityId: draft.entityId,
      recursive: draft.recursive,
      kind: draft.kind,
      mode: draft.mode,
      visible: draft.visible,
    });
    // The kind decides what a group is made of: it is chosen once.
    if (group) this.form.controls.kind.disable();
    else this.form.controls.kind.enable();
    if (group && !group.can.edit) this.form.disable();
    this.criteria.set({ criteria: draft.criteria, expression: draft.expression });
    this.shares.set(draft.shares);
  }
}

/** A failed count: the problems with the criteria or the expression, else the server's message. */
export function previewError(error: ApiError): PreviewState {
  return { state: 'error', message: error.message, problems: searchProblems(error) };
}
