// Tests for the windows' allow-lists: exact origins for the real myUSCIS, the demo and the dashboard,
// look-alike hosts and downgrades refused, and which links may go to the browser. Pure.

import { describe, expect, it } from 'vitest';
import { EXTERNAL_HOSTS, allowListFor, allowListOf, cookieDomainMatches, isAllowedNavigation, isAllowedSubframe, isLoopbackHttpPage, isSafeExternalUrl, isUscisHelpLink, myUscisOrigins, originForLog } from '../../../shared/security/navigation';

const REAL = allowListFor({ kind: 'real' });
const DEMO = allowListFor({ kind: 'demo', accountOrigin: 'http://localhost:41001', dataOrigin: 'http://127.0.0.1:41002' });

describe('the real myUSCIS allow-list', () => {
  it.each([
    'https://my.uscis.gov/account/applicant',
    'https://my.uscis.gov/oidc/login?return_to=%2Faccount%2Fapplicant',
    'https://myaccount.uscis.gov/sign-in',
    'https://myaccount.uscis.gov/auth',
    'https://MYACCOUNT.uscis.gov/dashboard',
    'https://my.uscis.gov:443/account/applicant',
  ])('allows %s', (url) => {
    expect(isAllowedNavigation(url, REAL)).toBe(true);
  });

  it.each([
    ['a look-alike host that starts with the real one', 'https://my.uscis.gov.evil.example/account/applicant'],
    ['the real host as a path on another host', 'https://evil.example/my.uscis.gov'],
    ['the real host as a query on another host', 'https://evil.example/?next=https://my.uscis.gov'],
    ['a downgrade to http', 'http://my.uscis.gov/account/applicant'],
    ['a downgrade to http on myaccount', 'http://myaccount.uscis.gov/sign-in'],
    ['credentials in front of another host', 'https://user@evil.example'],
    ['the real host as credentials', 'https://my.uscis.gov@evil.example/'],
    ['credentials in front of the real host', 'https://user:secret@my.uscis.gov/'],
    ['another port', 'https://my.uscis.gov:8443/'],
    ['a sibling host', 'https://www.uscis.gov/'],
    ['a parent host', 'https://uscis.gov/'],
    ['a subdomain of the real host', 'https://evil.my.uscis.gov/'],
    ['a trailing-dot host', 'https://my.uscis.gov./'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<p>hi</p>'],
    ['file:', 'file:///etc/passwd'],
    ['about:blank', 'about:blank'],
    ['a relative URL', '/account/applicant'],
    ['garbage', 'not a url at all'],
    ['an empty string', ''],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedNavigation(url, REAL)).toBe(false);
  });
});

describe('the demo allow-list', () => {
  it('allows exactly the simulator’s two origins', () => {
    expect(isAllowedNavigation('http://localhost:41001/sign-in', DEMO)).toBe(true);
    expect(isAllowedNavigation('http://127.0.0.1:41002/account/applicant', DEMO)).toBe(true);
  });

  it.each([
    ['the sign-in host on the data port', 'http://localhost:41002/'],
    ['the data host on the sign-in port', 'http://127.0.0.1:41001/'],
    ['another port', 'http://localhost:41003/'],
    ['https instead of http', 'https://localhost:41001/sign-in'],
    ['the real myUSCIS', 'https://my.uscis.gov/account/applicant'],
    ['another loopback name', 'http://[::1]:41001/'],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedNavigation(url, DEMO)).toBe(false);
  });
});

describe('allowListOf', () => {
  it('takes a custom scheme’s origin such as the dashboard’s', () => {
    const dashboard = allowListOf(['app://dashboard']);
    expect(isAllowedNavigation('app://dashboard/index.html', dashboard)).toBe(true);
    expect(isAllowedNavigation('app://evil/index.html', dashboard)).toBe(false);
    expect(isAllowedNavigation('app://dashboard.evil/index.html', dashboard)).toBe(false);
    expect(isAllowedNavigation('https://dashboard/index.html', dashboard)).toBe(false);
  });

  it.each(['https://my.uscis.gov/account', 'https://my.uscis.gov/?x=1', 'https://user@my.uscis.gov', 'my.uscis.gov', 'file:///tmp'])('throws on %s, which is not an origin', (origin) => {
    expect(() => allowListOf([origin])).toThrow(/not an origin/);
  });
});

describe('myUscisOrigins', () => {
  it('names the real hosts, or the simulator’s', () => {
    expect(myUscisOrigins({ kind: 'real' })).toEqual({ accountOrigin: 'https://myaccount.uscis.gov', dataOrigin: 'https://my.uscis.gov' });
    expect(myUscisOrigins({ kind: 'demo', accountOrigin: 'http://localhost:1', dataOrigin: 'http://127.0.0.1:2' })).toEqual({
      accountOrigin: 'http://localhost:1',
      dataOrigin: 'http://127.0.0.1:2',
    });
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    'https://www.uscis.gov/i-821d',
    'https://uscis.gov/DACA',
    'https://egov.uscis.gov/processing-times/',
    'https://my.uscis.gov/account/applicant',
    'https://myaccount.uscis.gov/forgot-password',
    'https://WWW.USCIS.GOV:443/es',
  ])('lets %s go to the browser', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it('allows exactly the hosts the app needs', () => {
    expect([...EXTERNAL_HOSTS].sort()).toEqual(['egov.uscis.gov', 'my.uscis.gov', 'myaccount.uscis.gov', 'uscis.gov', 'www.uscis.gov']);
  });

  it.each([
    'https://example.org/a?b=c#d',
    'https://www.google.com/',
    'https://evil.my.uscis.gov/',
    'https://my.uscis.gov.evil.example/',
    'https://www.uscis.gov.evil.example/',
    'https://uscis.gov.evil.example/',
    'https://xuscis.gov/',
    'https://www.uscis.gov:8443/',
    'https://egov.uscis.gov./processing-times/',
    'https://a.token.awswaf.com/',
    'https://127.0.0.1/',
  ])('refuses %s: not a host the app needs', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it.each([
    'http://www.uscis.gov/',
    'https://user@evil.example/',
    'https://user:pass@www.uscis.gov/',
    'javascript:alert(1)',
    'data:text/html,x',
    'file:///etc/passwd',
    'mailto:someone@example.org',
    'smb://server/share',
    'app://dashboard/index.html',
    'https://',
    'garbage',
    '',
  ])('keeps %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('USPS: the card’s tracking page, and nothing else', () => {
  const NUMBER = '9205590164917312345678';

  it.each([
    `https://tools.usps.com/go/TrackConfirmAction?tLabels=${NUMBER}`,
    'https://tools.usps.com/go/TrackConfirmAction?tLabels=70191640000123456789',
    'https://tools.usps.com/go/TrackConfirmAction?tLabels=EA123456789US',
    `https://TOOLS.USPS.COM:443/go/TrackConfirmAction?tLabels=${NUMBER}`,
  ])('lets %s go to the browser (the user clicks; DACA Watch sends nothing to USPS)', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    ['another USPS path', 'https://tools.usps.com/go/ZipLookupAction'],
    ['the tracking page with no number', 'https://tools.usps.com/go/TrackConfirmAction'],
    ['the tracking page with an empty number', 'https://tools.usps.com/go/TrackConfirmAction?tLabels='],
    ['a receipt number instead of a tracking number', 'https://tools.usps.com/go/TrackConfirmAction?tLabels=IOE0912345678'],
    ['two numbers', `https://tools.usps.com/go/TrackConfirmAction?tLabels=${NUMBER}%2C9400100000000000000000`],
    ['a second parameter', `https://tools.usps.com/go/TrackConfirmAction?tLabels=${NUMBER}&ref=dacawatch`],
    ['another parameter first', `https://tools.usps.com/go/TrackConfirmAction?x=1&tLabels=${NUMBER}`],
    ['a fragment', `https://tools.usps.com/go/TrackConfirmAction?tLabels=${NUMBER}#top`],
    ['a path that only starts like it', `https://tools.usps.com/go/TrackConfirmActionX?tLabels=${NUMBER}`],
    ['the path in another case', `https://tools.usps.com/go/trackconfirmaction?tLabels=${NUMBER}`],
    ['a trailing slash', `https://tools.usps.com/go/TrackConfirmAction/?tLabels=${NUMBER}`],
    ['USPS’s main site', `https://www.usps.com/go/TrackConfirmAction?tLabels=${NUMBER}`],
    ['usps.com', 'https://usps.com/'],
    ['a look-alike host', `https://tools.usps.com.evil.example/go/TrackConfirmAction?tLabels=${NUMBER}`],
    ['plain http', `http://tools.usps.com/go/TrackConfirmAction?tLabels=${NUMBER}`],
    ['another port', `https://tools.usps.com:8443/go/TrackConfirmAction?tLabels=${NUMBER}`],
    ['credentials', `https://user@tools.usps.com/go/TrackConfirmAction?tLabels=${NUMBER}`],
  ])('refuses %s', (_, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('adds no USPS host to the USCIS hosts (a status text’s link to www.usps.com stays plain text)', () => {
    expect([...EXTERNAL_HOSTS].some((host) => host.includes('usps'))).toBe(false);
    expect(isUscisHelpLink(`https://tools.usps.com/go/TrackConfirmAction?tLabels=${NUMBER}`)).toBe(false);
  });
});

describe('help links, subframes, logs and cookie domains', () => {
  it('sends only https links to www.uscis.gov or uscis.gov to the browser as help pages', () => {
    expect(isUscisHelpLink('https://www.uscis.gov/i-821d')).toBe(true);
    expect(isUscisHelpLink('https://uscis.gov/')).toBe(true);
    for (const url of ['http://www.uscis.gov/', 'https://www.uscis.gov.evil.example/', 'https://evil.example/www.uscis.gov', 'https://user@www.uscis.gov/', 'https://egov.uscis.gov/']) expect(isUscisHelpLink(url), url).toBe(false);
  });

  it('lets subframes load the window’s origins and about:blank / about:srcdoc only', () => {
    const real = allowListFor({ kind: 'real' });
    expect(isAllowedSubframe('about:blank', real)).toBe(true);
    expect(isAllowedSubframe('about:srcdoc', real)).toBe(true);
    expect(isAllowedSubframe('https://my.uscis.gov/x', real)).toBe(true);
    expect(isAllowedSubframe('about:blank#x', real)).toBe(false);
    expect(isAllowedSubframe('https://www.google.com/recaptcha/', real)).toBe(false);
  });

  it('logs a URL by origin only', () => {
    expect(originForLog('https://evil.example/path?receipt=IOE0912345678')).toBe('https://evil.example');
    expect(originForLog('data:text/html,secret')).toBe('a data: URL');
    expect(originForLog('not a url')).toBe('an unreadable URL');
  });

  it('matches cookie domains as browsers send them', () => {
    expect(cookieDomainMatches('my.uscis.gov', 'my.uscis.gov')).toBe(true);
    expect(cookieDomainMatches('my.uscis.gov', '.uscis.gov')).toBe(true);
    expect(cookieDomainMatches('my.uscis.gov', 'evil-uscis.gov')).toBe(false);
    expect(cookieDomainMatches('my.uscis.gov', 'myaccount.uscis.gov')).toBe(false);
    expect(cookieDomainMatches('my.uscis.gov', undefined)).toBe(false);
  });
});

describe("the browser preview's sign-in page (opened in a new tab by the dashboard)", () => {
  it.each(['http://127.0.0.1:41002/account/applicant', 'http://localhost:41001/sign-in', 'http://[::1]:8080/'])('is %s', (url) => {
    expect(isLoopbackHttpPage(url)).toBe(true);
  });

  it.each([
    'https://my.uscis.gov/account/applicant',
    'https://127.0.0.1:41002/',
    'http://127.0.0.1.evil.example/',
    'http://localhost.evil.example/',
    'http://user:pass@127.0.0.1:41002/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
  ])('is never %s', (url) => {
    expect(isLoopbackHttpPage(url)).toBe(false);
  });
});
