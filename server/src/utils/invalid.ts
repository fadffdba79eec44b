import { errors } from '@strapi/utils';

/** One problem with an input; `path` names the field, so the admin shows it next to that input. */
export interface InputProblem {
  path: string;
  message: string;
}

/** A 400 that lists every problem (its message is the first one's); `details` adds to it. */
export const invalid = (problems: InputProblem[], details: Record<string, unknown> = {}) =>
  new errors.ValidationError(problems[0].message, {
    ...details,
    errors: problems.map((p) => ({ path: [p.path], message: p.message, name: 'ValidationError' })),
  });
