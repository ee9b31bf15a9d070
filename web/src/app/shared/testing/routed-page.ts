import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

/**
 * Test set-up of a list page reached by its route, with the HTTP backend mocked: call inside `describe`. It
 * registers the beforeEach/afterEach hooks and returns helpers to open a URL, take the one list request, and read
 * the query parameters the page wrote back. For specs only: shared/testing is left out of the app build.
 */
export function routedPage<T>(path: string, component: Type<T>, listUrl: string) {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path, component }], withComponentInputBinding()), provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((node) => (node.innerHTML = ''));
  });

  const router = () => TestBed.inject(Router);
  return {
    backend: () => backend,
    router,
    async open(url: string) {
      const harness = await RouterTestingHarness.create();
      await harness.navigateByUrl(url, component);
      await harness.fixture.whenStable();
      return harness;
    },
    /** The single request of the list since the last call (fails when there is none or several). */
    listRequest() {
      const requests = backend.match((r) => r.url === listUrl);
      expect(requests).toHaveLength(1);
      return requests[0];
    },
    queryParams: () => router().parseUrl(router().url).queryParams,
  };
}
