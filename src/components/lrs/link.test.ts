import { describe, expect, it } from 'vitest';
import { settingsFromHash, settingsLink } from './link';

describe('the settings link for trainees', () => {
  const config = {
    endpoint: 'https://lrs.example.com/xapi/',
    homePage: 'https://learning.example.com/',
    key: 'trainee-key',
    secret: 'sécret/+=',
  };

  it('carries the settings in the fragment and reads them back', () => {
    const link = settingsLink('https://academy.example.com', config);
    expect(link).toMatch(/^https:\/\/academy\.example\.com\/lrs\/#lrs=[\w-]+$/);
    expect(settingsFromHash(new URL(link).hash)).toEqual({ config });
  });

  it('names what is wrong with a damaged or incomplete link, and ignores other fragments', () => {
    expect(settingsFromHash('#lrs=%%%')).toEqual({
      problem: 'The settings link is damaged: ask for it again.',
    });
    expect(settingsFromHash(`#lrs=${btoa('{"endpoint":"https://x/"}')}`)).toEqual({
      problem: 'The link has no endpoint or home page.',
    });
    expect(settingsFromHash('#main')).toBeNull();
  });
});
