import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { toApiError } from '../../api/api-error';
import { TPipe } from '../../i18n/t.pipe';
import { LanguageSwitch } from '../../i18n/language-switch';
import { AuthService } from '../auth.service';

/** Where to go after signing in: only a path inside the app (never an external URL, never back here). */
function safeReturnUrl(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login') ? url : '/';
}

@Component({
  selector: 'parc-login-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, TPipe, LanguageSwitch],
  templateUrl: './login.page.html',
  styleUrl: './login.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Query parameters (router input binding). */
  readonly returnUrl = input<string>();
  readonly expired = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    login: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  /** A translation key, or the server's own message (the t pipe shows unknown keys as they are). */
  protected readonly error = signal<string | null>(null);
  /** Seconds left before the server accepts another attempt (after a 429). */
  protected readonly retryIn = signal(0);

  private countdown: ReturnType<typeof setInterval> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearInterval(this.countdown));
  }

  protected submit(): void {
    if (this.form.invalid || this.submitting() || this.retryIn() > 0) {
      this.form.markAllAsTouched();
      return;
    }
    const { login, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set(null);
    this.auth.login(login.trim(), password).subscribe({
      next: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      error: (failure: unknown) => {
        this.submitting.set(false);
        const apiError = toApiError(failure);
        if (apiError.status === 429) this.startCountdown(apiError.retryAfterSeconds ?? 60);
        else this.error.set(apiError.status === 401 ? 'login.invalid' : apiError.message);
      },
    });
  }

  private startCountdown(seconds: number): void {
    clearInterval(this.countdown);
    this.retryIn.set(seconds);
    this.countdown = setInterval(() => {
      this.retryIn.update((left) => Math.max(0, left - 1));
      if (this.retryIn() === 0) clearInterval(this.countdown);
    }, 1000);
  }
}
