import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { StorageKeys } from '../storage/local-storage';
import { WEB_PLUGINS, type WebPlugin } from '../plugins/web-plugin';
import { en } from './en';
import { fr } from './fr';
import { I18n } from './i18n.service';
import { LocalizePipe, TPipe } from './t.pipe';

const pluginWithStrings: WebPlugin = {
  name: 'sample',
  routes: [],
  translations: { en: { 'sample.hello': 'Hello {name}', 'sample.onlyEnglish': 'Only English' }, fr: { 'sample.hello': 'Bonjour {name}' } },
};

@Component({
  imports: [TPipe, LocalizePipe],
  template: `<span class="key">{{ 'users.title' | t }}</span><span class="text">{{ label | localize }}</span>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly label = { en: 'Deployment', fr: 'Déploiement' };
}

describe('I18n', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [{ provide: WEB_PLUGINS, useValue: [pluginWithStrings] }] });
  });

  it('has a French text for every English key', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    expect(Object.values(fr).every((text) => text.trim().length > 0)).toBe(true);
  });

  it('starts from the remembered language', () => {
    localStorage.setItem(StorageKeys.language, JSON.stringify('fr'));
    expect(TestBed.inject(I18n).language()).toBe('fr');
  });

  it('translates, fills placeholders and falls back to English, then to the key', () => {
    const i18n = TestBed.inject(I18n);
    i18n.setLanguage('fr');
    expect(i18n.t('users.title')).toBe('Utilisateurs');
    expect(i18n.t('sample.hello', { name: 'Ada' })).toBe('Bonjour Ada');
    expect(i18n.t('sample.onlyEnglish')).toBe('Only English');
    expect(i18n.t('no.such.key')).toBe('no.such.key');
    expect(i18n.t('login.tooManyAttempts', { seconds: 42 })).toBe('Trop de tentatives, réessayez dans 42 s.');
  });

  it('remembers the language and sets the document language', () => {
    const i18n = TestBed.inject(I18n);
    i18n.setLanguage('fr');
    expect(JSON.parse(localStorage.getItem(StorageKeys.language) ?? 'null')).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('shows API texts in the current language, English when French is missing', () => {
    const i18n = TestBed.inject(I18n);
    i18n.setLanguage('fr');
    expect(i18n.localize({ en: 'Users', fr: 'Utilisateurs' })).toBe('Utilisateurs');
    expect(i18n.localize({ en: 'Users' })).toBe('Users');
    expect(i18n.localize(null)).toBe('');
  });

  it('re-renders OnPush templates using the pipes when the language changes', async () => {
    const i18n = TestBed.inject(I18n);
    i18n.setLanguage('en');
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const text = (selector: string) => (fixture.nativeElement as HTMLElement).querySelector(selector)?.textContent;
    expect(text('.key')).toBe('Users');
    expect(text('.text')).toBe('Deployment');

    i18n.setLanguage('fr');
    await fixture.whenStable();
    expect(text('.key')).toBe('Utilisateurs');
    expect(text('.text')).toBe('Déploiement');
  });
});
