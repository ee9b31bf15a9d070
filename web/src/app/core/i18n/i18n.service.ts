import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import type { LocalizedText } from '@parc/contracts';
import { StorageKeys, readStored, writeStored } from '../storage/local-storage';
import { WEB_PLUGINS, type Dictionary } from '../plugins/web-plugin';
import { en } from './en';
import { fr } from './fr';

export type Language = 'en' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'fr'];
export type TranslationParams = Readonly<Record<string, string | number>>;

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** The remembered choice, else the browser's language, else English. */
function initialLanguage(): Language {
  const stored = readStored<string>(StorageKeys.language);
  if (isLanguage(stored)) return stored;
  const browser = globalThis.navigator?.language?.slice(0, 2).toLowerCase();
  return isLanguage(browser) ? browser : 'en';
}

/**
 * Runtime-switchable translations. `language` is a signal, so every template reading `t` (through the `t` or
 * `localize` pipes) re-renders when it changes. Missing French strings fall back to English, then to the key.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly dictionaries: Record<Language, Record<string, string>> = { en: { ...en }, fr: { ...fr } };
  private readonly current = signal<Language>(initialLanguage());

  readonly language = this.current.asReadonly();

  constructor() {
    for (const plugin of inject(WEB_PLUGINS)) this.register(plugin.translations);
    this.document.documentElement.lang = this.current();
  }

  setLanguage(language: Language): void {
    this.current.set(language);
    writeStored(StorageKeys.language, language);
    this.document.documentElement.lang = language;
  }

  /** Adds strings (plugins call this through their WebPlugin.translations). */
  register(translations: { readonly en: Dictionary; readonly fr?: Dictionary }): void {
    Object.assign(this.dictionaries.en, translations.en);
    Object.assign(this.dictionaries.fr, translations.fr ?? {});
  }

  t(key: string, params?: TranslationParams): string {
    const language = this.current();
    const text = this.dictionaries[language][key] ?? this.dictionaries.en[key] ?? key;
    return params ? interpolate(text, params) : text;
  }

  /** Text from the API (`{en, fr?}`) in the current language, falling back to English. */
  localize(text: LocalizedText | null | undefined): string {
    if (!text) return '';
    return (this.current() === 'fr' ? text.fr : undefined) ?? text.en;
  }
}

function interpolate(text: string, params: TranslationParams): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
