import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type FormArray, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { Icon, IconButton, TPipe } from '@parc/web-sdk';
import { INTERACTION_BEHAVIOURS, INTERACTION_BUTTONS, INTERACTION_EVENTS, INTERACTION_ICONS, type InteractionEvent, type TemplateView } from '../deploy.model';
import { type InteractionForm, answersFor, interactionForm, newInteraction } from '../packages/definition-form';
import { DeployErrorPipe } from '../shared/deploy-error.pipe';

/**
 * Messages shown to the logged-in users of Windows agents, one per event: title and text, then either an
 * interaction template (which supplies icon, buttons, timeout and behaviours) or those settings here.
 */
@Component({
  selector: 'parc-deploy-interaction-list',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatMenuModule, MatSelectModule, Icon, IconButton, TPipe, DeployErrorPipe],
  templateUrl: './interaction-list.html',
  styleUrl: './interaction-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InteractionList {
  readonly interactions = input.required<FormArray<InteractionForm>>();
  readonly templates = input<readonly TemplateView[]>([]);
  readonly readOnly = input(false);
  /** Re-renders on any change of the form: form events do not mark OnPush views (zoneless). */
  readonly formVersion = input(0);

  protected readonly events = INTERACTION_EVENTS;
  protected readonly icons = INTERACTION_ICONS;
  protected readonly buttons = INTERACTION_BUTTONS;
  protected readonly answersFor = answersFor;
  protected readonly behaviours = INTERACTION_BEHAVIOURS;
  /** Events without a message yet (one message per event). */
  protected readonly freeEvents = computed(() => {
    this.formVersion();
    const used = new Set(this.interactions().controls.map((c) => c.controls.event.value));
    return INTERACTION_EVENTS.filter((event) => !used.has(event));
  });

  protected template(id: number | null): TemplateView | null {
    return id === null ? null : (this.templates().find((t) => t.id === id) ?? null);
  }

  protected add(event: InteractionEvent): void {
    this.interactions().push(interactionForm(newInteraction(event)));
    this.interactions().markAsDirty();
  }

  protected remove(index: number): void {
    this.interactions().removeAt(index);
    this.interactions().markAsDirty();
  }
}
