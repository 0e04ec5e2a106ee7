import { problemOf } from './problem.ts';

/**
 * Downloads an API file (a CSV export) as `filename`. A plain link cannot carry the API key
 * header, so the file is fetched with it, streamed into a Blob (reporting the bytes received
 * for long exports) and handed to the browser's download through an object URL.
 */
export async function downloadWithKey(
  apiKey: string,
  path: string,
  filename: string,
  onProgress?: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<number> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { authorization: `Bearer ${apiKey}` },
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    throw problemOf(error, undefined);
  }
  if (!response.ok || response.body === null) {
    throw problemOf(await response.json().catch(() => undefined), response);
  }
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    bytes += value.byteLength;
    onProgress?.(bytes);
  }
  const blob = new Blob(parts, { type: response.headers.get('content-type') ?? undefined });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click ran; a minute is ample before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return bytes;
}
