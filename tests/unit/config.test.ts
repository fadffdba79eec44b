import config from '../../server/src/config';

describe('plugin config validator', () => {
  it('accepts the defaults', () => {
    expect(() => config.validator(config.default)).not.toThrow();
  });

  it.each([0, 11, 2.5, -1])('refuses concurrency %p and names the setting', (concurrency) => {
    expect(() => config.validator({ concurrency })).toThrow(
      /"concurrency" must be a whole number from 1 to 10/
    );
  });

  it('refuses a bad cron expression and names the setting', () => {
    expect(() =>
      config.validator({
        ...config.default,
        schedule: {
          ...config.default.schedule,
          cleanup: { ...config.default.schedule.cleanup, cron: 'every day' },
        },
      })
    ).toThrow('"schedule.cleanup.cron" is not a valid cron expression; got "every day"');
  });

  it('accepts a re-timed or disabled task and a six-field (seconds) rule', () => {
    expect(() =>
      config.validator({
        schedule: {
          cleanup: { cron: '15 2 * * *', enabled: false, jobType: 'jobs.cleanup' },
          tick: { cron: '* * * * * *', enabled: true, jobType: 'test.tick' },
        },
      })
    ).not.toThrow();
  });

  it.each([
    [{ jobs: { concurrency: 0 } }, '"jobs.concurrency" must be a whole number from 1 to 64'],
    [{ jobs: { leaseMs: 10 } }, '"jobs.leaseMs" must be a whole number from 500'],
    [{ jobs: { retention: { doneDays: -1, failedDays: 30 } } }, '"jobs.retention.doneDays"'],
    [{ scheduler: 'yes' }, '"scheduler" must be true or false'],
    [{ schedule: { cleanup: { cron: '0 3 * * *', jobType: '' } } }, '"schedule.cleanup.jobType"'],
  ])('refuses %j', (value, message) => {
    expect(() => config.validator(value as never)).toThrow(message);
  });
});
