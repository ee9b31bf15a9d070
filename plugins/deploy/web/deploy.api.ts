import { HttpClient, type HttpEvent, HttpHeaders, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_BASE, ApiClient, type ListQuery, type Page, silentErrors } from '@parc/web-sdk';
import type { Observable } from 'rxjs';
import type {
  FileView,
  MirrorInput,
  MirrorView,
  PackageDefinition,
  PackageInput,
  PackageView,
  RevisionDiff,
  RevisionView,
  TemplateInput,
  TemplateView,
  UploadView,
} from './deploy.model';

/** The preview of the job FusionInventory/GLPI agents run; shown as JSON, never read field by field. */
export type FusionJobPreview = Record<string, unknown>;

/** The deploy plugin's endpoints (under /api/deploy) in one place. */
@Injectable({ providedIn: 'root' })
export class DeployApi {
  private readonly api = inject(ApiClient);
  private readonly http = inject(HttpClient);

  packages(query: ListQuery): Observable<Page<PackageView>> {
    return this.api.list<PackageView>('/deploy/packages', query);
  }

  package(id: number): Observable<PackageView> {
    return this.api.get<PackageView>(`/deploy/packages/${id}`);
  }

  createPackage(input: PackageInput): Observable<PackageView> {
    return this.api.post<PackageView>('/deploy/packages', input);
  }

  updatePackage(id: number, changes: Partial<PackageInput>): Observable<PackageView> {
    return this.api.patch<PackageView>(`/deploy/packages/${id}`, changes);
  }

  deletePackage(id: number): Observable<void> {
    return this.api.delete(`/deploy/packages/${id}`);
  }

  /** The draft, created from the latest revision when there is none. */
  draft(id: number): Observable<RevisionView> {
    return this.api.post<RevisionView>(`/deploy/packages/${id}/draft`);
  }

  /** The editor shows the 400's field problems itself. */
  saveDraft(id: number, definition: PackageDefinition): Observable<RevisionView> {
    return this.api.put<RevisionView>(`/deploy/packages/${id}/draft`, definition, { silent: true });
  }

  revision(id: number, number: number): Observable<RevisionView> {
    return this.api.get<RevisionView>(`/deploy/packages/${id}/revisions/${number}`);
  }

  publish(id: number, number: number): Observable<RevisionView> {
    return this.api.post<RevisionView>(`/deploy/packages/${id}/revisions/${number}/publish`);
  }

  retire(id: number, number: number): Observable<RevisionView> {
    return this.api.post<RevisionView>(`/deploy/packages/${id}/revisions/${number}/retire`);
  }

  fusionJob(id: number, number: number): Observable<FusionJobPreview> {
    return this.api.get<FusionJobPreview>(`/deploy/packages/${id}/revisions/${number}/fusion-job`, undefined, { silent: true });
  }

  diff(id: number, from: number, to: number): Observable<RevisionDiff> {
    return this.api.get<RevisionDiff>(`/deploy/packages/${id}/diff`, { from, to });
  }

  /** The revision's tar, with its headers (the file name is in Content-Disposition). */
  exportRevision(id: number, number: number): Observable<HttpResponse<Blob>> {
    return this.http.get(`${API_BASE}/deploy/packages/${id}/revisions/${number}/export`, { observe: 'response', responseType: 'blob' });
  }

  /** A new package from an exported tar; its revision 1 is a draft. */
  importPackage(archive: File, entityId: number): Observable<PackageView> {
    const body = new FormData();
    body.append('entityId', String(entityId));
    body.append('archive', archive, archive.name);
    return this.api.post<PackageView>('/deploy/packages/import', body);
  }

  files(query: ListQuery): Observable<Page<FileView>> {
    return this.api.list<FileView>('/deploy/files', query);
  }

  /** The caller decides what a missing file means (a revision may name a file that was collected). */
  file(sha512: string): Observable<FileView> {
    return this.api.get<FileView>(`/deploy/files/${sha512}`, undefined, { silent: true });
  }

  /** The uploader shows the refusal (413: larger than the server takes) beside the file. */
  startUpload(input: { name: string; size: number }): Observable<UploadView> {
    return this.api.post<UploadView>('/deploy/uploads', input, { silent: true });
  }

  /** "What do you have": `offset` is how many bytes the server holds. */
  upload(id: string): Observable<UploadView> {
    return this.api.get<UploadView>(`/deploy/uploads/${id}`, undefined, { silent: true });
  }

  /**
   * One chunk at `offset`, with upload progress events. Errors are the uploader's to handle (409: another
   * offset, 400: the digest did not match), so none is reported by the interceptor.
   */
  sendChunk(id: string, offset: number, bytes: ArrayBuffer, digest: string): Observable<HttpEvent<UploadView>> {
    return this.http.put<UploadView>(`${API_BASE}/deploy/uploads/${id}/chunks/${offset}`, bytes, {
      headers: new HttpHeaders({ 'Content-Type': 'application/octet-stream', 'Content-Digest': digest }),
      reportProgress: true,
      observe: 'events',
      context: silentErrors(),
    });
  }

  cancelUpload(id: string): Observable<void> {
    return this.api.delete(`/deploy/uploads/${id}`, { silent: true });
  }

  mirrors(query: ListQuery): Observable<Page<MirrorView>> {
    return this.api.list<MirrorView>('/deploy/mirrors', query);
  }

  createMirror(input: MirrorInput): Observable<MirrorView> {
    return this.api.post<MirrorView>('/deploy/mirrors', input);
  }

  updateMirror(id: number, changes: Partial<MirrorInput>): Observable<MirrorView> {
    return this.api.patch<MirrorView>(`/deploy/mirrors/${id}`, changes);
  }

  deleteMirror(id: number): Observable<void> {
    return this.api.delete(`/deploy/mirrors/${id}`);
  }

  templates(query: ListQuery): Observable<Page<TemplateView>> {
    return this.api.list<TemplateView>('/deploy/interaction-templates', query);
  }

  /** Templates for the interaction editor's picker; the editor works without them, so no error is shown. */
  templateChoices(): Observable<Page<TemplateView>> {
    return this.api.list<TemplateView>('/deploy/interaction-templates', { limit: 500 }, undefined, { silent: true });
  }

  createTemplate(input: TemplateInput): Observable<TemplateView> {
    return this.api.post<TemplateView>('/deploy/interaction-templates', input);
  }

  updateTemplate(id: number, changes: Partial<TemplateInput>): Observable<TemplateView> {
    return this.api.patch<TemplateView>(`/deploy/interaction-templates/${id}`, changes);
  }

  deleteTemplate(id: number): Observable<void> {
    return this.api.delete(`/deploy/interaction-templates/${id}`);
  }
}
