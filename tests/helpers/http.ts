// Calls the app's route handlers the way Next.js does: with a real Request.
export function get(pathAndQuery: string): Request {
  return new Request(new URL(pathAndQuery, "http://localhost"));
}

export function routeParams<T extends Record<string, string>>(params: T): { params: Promise<T> } {
  return { params: Promise.resolve(params) };
}

export async function body<T = unknown>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export interface ErrorBody {
  error: { code: string; message: string; issues?: Array<{ path: string; message: string }> };
}
