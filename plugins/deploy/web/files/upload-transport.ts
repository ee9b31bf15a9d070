import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { type Observable, firstValueFrom } from 'rxjs';
import type { DeployApi } from '../deploy.api';
import type { UploadView } from '../deploy.model';
import type { TransportError, UploadTransport } from './resumable-upload';

const transportError = (error: unknown): TransportError =>
  error instanceof HttpErrorResponse ? { status: error.status, body: error.error } : { status: 0, body: { message: error instanceof Error ? error.message : String(error) } };

async function settle<T>(request: Observable<T>): Promise<T> {
  try {
    return await firstValueFrom(request);
  } catch (error: unknown) {
    throw transportError(error);
  }
}

/** The uploader's calls over DeployApi: HttpClient events become progress callbacks, errors plain statuses. */
export function uploadTransport(api: DeployApi): UploadTransport {
  return {
    start: (name, size) => settle(api.startUpload({ name, size })),
    status: (uploadId) => settle(api.upload(uploadId)),
    cancel: (uploadId) => settle(api.cancelUpload(uploadId)).then(() => undefined),
    send: (uploadId, offset, bytes, digest, progress, abort) =>
      new Promise<UploadView>((resolve, reject) => {
        const subscription = api.sendChunk(uploadId, offset, bytes, digest).subscribe({
          next: (event) => {
            if (event.type === HttpEventType.UploadProgress) progress(event.loaded);
            else if (event.type === HttpEventType.Response && event.body) resolve(event.body);
          },
          error: (error: unknown) => reject(transportError(error)),
        });
        // Unsubscribing aborts the request in flight.
        abort.addEventListener('abort', () => {
          subscription.unsubscribe();
          reject({ status: 0, body: { message: 'cancelled' } } satisfies TransportError);
        });
      }),
  };
}
