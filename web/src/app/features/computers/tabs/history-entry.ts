import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { InventoryChangeView } from '@parc/contracts';
import { DateTimePipe } from '../../../core/i18n/date-time.pipe';
import { I18n } from '../../../core/i18n/i18n.service';
import { TPipe } from '../../../core/i18n/t.pipe';
import { Icon } from '../../../core/icons/icon';
import { historyFields, historySections } from './history';

/**
 * One accepted inventory in a computer's history: when, from which agent, created or updated, and a summary
 * (fields changed, per section +added −removed) that expands to the values before → after and the names.
 */
@Component({
  selector: 'parc-history-entry',
  imports: [DateTimePipe, TPipe, Icon],
  template: `
    <button type="button" class="summary" (click)="expanded.set(!expanded())" [attr.aria-expanded]="expanded()" data-testid="history-toggle">
      <parc-icon name="expand_more" class="chevron" [class.open]="expanded()" />
      <span class="at" data-testid="history-at">{{ change().at | dateTime }}</span>
      <span class="parc-badge" [class.off]="change().kind === 'updated'" data-testid="history-kind">
        {{ 'history.kinds.' + change().kind | t }}
      </span>
      @if (change().agentDeviceId; as agent) {
        <span class="agent" data-testid="history-agent">{{ agent }}</span>
      }
      <span class="counts">
        @if (fields().length) {
          <span data-testid="history-field-count">{{ 'history.fieldCount' | t: { count: fields().length } }}</span>
        }
        @for (section of sections(); track section.section) {
          <span class="section-count" [attr.data-section]="section.section" data-testid="history-section-count">
            {{ sectionLabel(section.section) }}
            @if (section.addedCount) {
              <span class="added">+{{ section.addedCount }}</span>
            }
            @if (section.removedCount) {
              <span class="removed">−{{ section.removedCount }}</span>
            }
          </span>
        }
        @if (!fields().length && !sections().length) {
          <span>{{ 'history.nothing' | t }}</span>
        }
      </span>
    </button>

    @if (expanded()) {
      <div class="details" data-testid="history-details">
        @if (fields().length) {
          <table class="parc-simple-table">
            <thead>
              <tr>
                <th>{{ 'history.field' | t }}</th>
                <th>{{ 'history.before' | t }}</th>
                <th></th>
                <th>{{ 'history.after' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (field of fields(); track field.field) {
                <tr data-testid="history-field" [attr.data-field]="field.field">
                  <td class="name">{{ fieldLabel(field.field) }}</td>
                  <td class="before">{{ field.before }}</td>
                  <td class="arrow">→</td>
                  <td class="after">{{ field.after }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
        @for (section of sections(); track section.section) {
          <div class="section" data-testid="history-section" [attr.data-section]="section.section">
            <h4>{{ sectionLabel(section.section) }}</h4>
            @if (section.addedCount) {
              <p class="list">
                <span class="added">{{ 'history.added' | t: { count: section.addedCount } }}</span>
                @for (name of section.added; track $index) {
                  <span class="chip added-chip" data-testid="history-added">{{ name }}</span>
                }
                @if (section.moreAdded) {
                  <span class="more">{{ 'history.more' | t: { count: section.moreAdded } }}</span>
                }
              </p>
            }
            @if (section.removedCount) {
              <p class="list">
                <span class="removed">{{ 'history.removed' | t: { count: section.removedCount } }}</span>
                @for (name of section.removed; track $index) {
                  <span class="chip removed-chip" data-testid="history-removed">{{ name }}</span>
                }
                @if (section.moreRemoved) {
                  <span class="more">{{ 'history.more' | t: { count: section.moreRemoved } }}</span>
                }
              </p>
            }
          </div>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .summary {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px 12px;
      width: 100%;
      padding: 10px 8px;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    .summary:hover {
      background: var(--mat-sys-surface-container-low);
    }
    .chevron {
      transition: transform 120ms;
    }
    .chevron.open {
      transform: rotate(180deg);
    }
    .at {
      font-weight: 500;
    }
    .agent,
    .more {
      color: var(--mat-sys-on-surface-variant);
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      margin-inline-start: auto;
    }
    .section-count {
      display: inline-flex;
      gap: 4px;
    }
    .added {
      color: var(--parc-success);
    }
    .removed {
      color: var(--mat-sys-error);
    }
    .details {
      padding: 0 8px 16px 40px;
    }
    .before {
      text-decoration: line-through;
      color: var(--mat-sys-on-surface-variant);
    }
    .arrow {
      width: 1%;
    }
    .name {
      font-weight: 500;
    }
    h4 {
      margin: 12px 0 4px;
      font: var(--mat-sys-title-small);
    }
    .list {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 6px;
      margin: 4px 0;
    }
    .chip {
      padding: 1px 8px;
      border-radius: 999px;
      font: var(--mat-sys-body-small);
      background: var(--mat-sys-surface-container-high);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryEntry {
  private readonly i18n = inject(I18n);

  readonly change = input.required<InventoryChangeView>();
  readonly expanded = signal(false);

  protected readonly fields = computed(() => historyFields(this.change()));
  protected readonly sections = computed(() => historySections(this.change()));

  protected sectionLabel(section: string): string {
    return this.translated(`history.sections.${section}`, section);
  }

  protected fieldLabel(field: string): string {
    return this.translated(`history.fields.${field}`, field);
  }

  /** A known name translated, an unknown one (a plugin's) as is. */
  private translated(key: string, fallback: string): string {
    const text = this.i18n.t(key);
    return text === key ? fallback : text;
  }
}
