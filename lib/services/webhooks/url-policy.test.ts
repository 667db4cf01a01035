import { describe, expect, it } from 'vitest';
import { isInternalAddress, urlFormProblem, webhookUrlProblem } from './url-policy';

const production = { allowPrivate: false, production: true };
const development = { allowPrivate: false, production: false };

describe('webhook URL rules', () => {
  it.each([
    ['127.0.0.1', true], ['127.8.9.10', true], ['10.0.0.1', true], ['172.16.5.4', true], ['172.32.0.1', false], ['192.168.0.1', true],
    ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true], ['93.184.215.14', false], ['8.8.8.8', false],
    ['::1', true], ['::', true], ['fe80::1', true], ['fd12:3456::1', true], ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['::ffff:8.8.8.8', false],
    ['2606:4700:4700::1111', false], ['ff02::1', true], ['not-an-ip', true],
  ])('%s is internal: %s', (address, internal) => {
    expect(isInternalAddress(address)).toBe(internal);
  });

  it.each([
    ['http://93.184.215.14/x', production, 'must use https'],
    ['http://93.184.215.14/x', development, null],
    ['http://93.184.215.14/x', { allowPrivate: true, production: true }, null],
    ['https://user:pw@93.184.215.14/x', production, 'must not carry credentials'],
    ['ftp://93.184.215.14/x', development, 'must be an http(s) URL'],
    ['nope', development, 'is not a valid URL'],
  ])('%s under %j: %s', (url, policy, problem) => {
    expect(urlFormProblem(url, policy)).toBe(problem);
  });

  it('refuses a host resolving to loopback, unless private addresses are allowed', async () => {
    expect(await webhookUrlProblem('https://localhost/x', production)).toMatch(/private or loopback/);
    expect(await webhookUrlProblem('https://[::1]/x', production)).toMatch(/private or loopback/);
    expect(await webhookUrlProblem('https://localhost/x', { allowPrivate: true, production: true })).toBeNull();
    expect(await webhookUrlProblem('https://93.184.215.14/x', production)).toBeNull();
  });
});
