/** A sign-up from the public preference form, applied off the request path. */
export const FORM_SUBSCRIBE_JOB = 'preferences.form-subscribe';
