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
});
