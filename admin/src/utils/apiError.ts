/** What a failed useFetchClient call carries: Strapi's error body, with field paths for validation errors. */
export interface ApiErrorInfo {
  message: string;
  /** field name → message, from ValidationError details */
  fields: Record<string, string>;
}

interface ErrorShape {
  message?: string;
  response?: {
    data?: {
      error?: {
        message?: string;
        details?: { errors?: Array<{ path?: string[]; message?: string }> };
      };
    };
  };
}

export const readApiError = (error: unknown): ApiErrorInfo => {
  const shape = error as ErrorShape;
  const body = shape?.response?.data?.error;
  const fields: Record<string, string> = {};
  for (const item of body?.details?.errors ?? []) {
    if (item.path?.[0] && item.message) fields[item.path[0]] = item.message;
  }
  return { message: body?.message ?? shape?.message ?? 'Something went wrong.', fields };
};
