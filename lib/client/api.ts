// The browser's one way to the app's REST API: same-origin fetch with the session cookie,
// and the API's `{ error: { code, message, fields? } }` body turned into an ApiError.
import { GrowingText } from './ndjson-lines';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type ErrorBody = { error?: { code?: string; message?: string; fields?: Record<string, string> } };

function errorFrom(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | null)?.error;
  const fallback = status === 401 ? 'Your session has ended: sign in again' : `The request failed (${status})`;
  return new ApiError(status, error?.code ?? 'http_error', error?.message ?? fallback, error?.fields);
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export type ApiInit = Omit<RequestInit, 'body'> & { json?: unknown; body?: BodyInit | null };

export async function apiFetch<T>(path: string, { json, headers, ...init }: ApiInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      credentials: 'include',
      ...init,
      headers: { Accept: 'application/json', ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: json !== undefined ? JSON.stringify(json) : init.body,
    });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the server: check your connection and try again');
  }
  const body = parseJson(await response.text());
  if (!response.ok) throw errorFrom(response.status, body);
  return body as T;
}

/** A query string from the defined, non-empty values. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Multipart upload with progress events (fetch has none for request bodies). */
export function uploadWithProgress<T>(path: string, form: FormData, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(errorFrom(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload failed: check your connection and try again'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'Upload cancelled'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

/**
 * Multipart upload whose answer streams NDJSON (`Accept: application/x-ndjson`, lib/api/progress-lines.ts):
 * `onUpload` gets the fraction of the body sent, `onProgress` each `{"progress"}` line, and the promise the
 * final `{"result"}` line, or the `{"error"}` line as an ApiError. An answer that is not 200 is the usual error body.
 */
export function uploadWithProgressLines<P, T>(
  path: string,
  form: FormData,
  { onUpload, onProgress, signal }: { onUpload?: (fraction: number) => void; onProgress?: (progress: P) => void; signal?: AbortSignal } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const reader = new GrowingText();
    let outcome: { result: T } | { error: ApiError } | null = null;
    // Every line, from a progress event or the load event, goes through here: the final line is never lost.
    const take = (values: unknown[]) => {
      for (const value of values as ProgressLine<P, T>[]) {
        if ('progress' in value) onProgress?.(value.progress);
        else if ('result' in value) outcome = { result: value.result };
        else if ('error' in value) outcome = { error: errorFrom(value.status ?? 500, value) };
      }
    };
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onUpload?.(event.loaded / event.total);
    };
    xhr.onprogress = () => {
      if (xhr.status === 200) take(reader.read(xhr.responseText));
    };
    xhr.onload = () => {
      if (xhr.status !== 200) return reject(errorFrom(xhr.status, parseJson(xhr.responseText)));
      try {
        take(reader.finish(xhr.responseText));
      } catch {
        return reject(new ApiError(xhr.status, 'bad_response', 'The server sent an answer that could not be read'));
      }
      const done = outcome as { result: T } | { error: ApiError } | null;
      if (!done) reject(new ApiError(0, 'incomplete', 'The server stopped before it finished: check the leads and try again'));
      else if ('error' in done) reject(done.error);
      else resolve(done.result);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload failed: check your connection and try again'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'Upload cancelled'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

type ProgressLine<P, T> = { progress: P } | { result: T } | ({ status?: number } & ErrorBody & { error: unknown });

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
