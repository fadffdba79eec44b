/** What a failed useFetchClient call carries: Strapi's error body, with field paths for validation errors. */
export interface ApiErrorInfo {
  message: string;
  /** field name → message, from ValidationError details; a nested path is also keyed
   * by its dotted form (`mergeFields.2.tag`) so a row can show its own error. */
  fields: Record<string, string>;
}

interface ErrorShape {
  message?: string;
  response?: {
    data?: {
      error?: {
        message?: string;
        details?: { errors?: Array<{ path?: Array<string | number>; message?: string }> };
      };
    };
  };
}

export const readApiError = (error: unknown): ApiErrorInfo => {
  const shape = error as ErrorShape;
  const body = shape?.response?.data?.error;
  const fields: Record<string, string> = {};
  for (const item of body?.details?.errors ?? []) {
    if (!item.path?.[0] || !item.message) continue;
    fields[item.path[0]] ??= item.message;
    if (item.path.length > 1) fields[item.path.join('.')] = item.message;
  }
  return { message: body?.message ?? shape?.message ?? 'Something went wrong.', fields };
};
