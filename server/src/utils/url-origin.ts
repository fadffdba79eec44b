/** The scheme, host and port of a URL, for logs: a path may hold a secret (webhook URLs do). */
export const urlOrigin = (url: string | null | undefined): string => {
  if (!url) return 'an unknown URL';
  try {
    return new URL(url).origin;
  } catch {
    return 'an unreadable URL';
  }
};
