// HTML pages of the simulated myaccount.uscis.gov and my.uscis.gov: sign-in, verification code,
// passkey prompt, dashboards, the applicant page and error pages. Markup only: no access decisions.

import { escapeHtml } from '../shared/html';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
label{display:block;margin:.75rem 0 .25rem}input[type=email],input[type=password],input[type=text]{width:100%;padding:.5rem;font-size:1rem}
button{margin-top:1rem;padding:.5rem 1.25rem;font-size:1rem}.demo{background:#eef6fb;border:1px solid #9cc3db;padding:.75rem;margin:1rem 0}
.error{color:#b50909;font-weight:600}.case{border:1px solid #ccc;padding:.75rem;margin:.5rem 0}`;

function layout(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} | USCIS (simulated)</title><style>${STYLE}</style></head>
<body><main>${body}</main>${script ? `<script>${script}</script>` : ''}</body></html>`;
}

function errorBlock(message: string | undefined): string {
  return message ? `<p class="error" role="alert" id="error">${escapeHtml(message)}</p>` : '';
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

export interface SignInPageInput {
  csrf: string;
  continueTo: string;
  error?: string;
  demo: { email: string; password: string; code: string };
}

/**
 * Like the real React form, the page only accepts credentials typed with real key events, and it
 * keeps a connection open, so a page load never reaches "network idle".
 */
export function signInPage(input: SignInPageInput): string {
  return layout(
    'Sign In',
    `<h1>Sign In</h1>
<div class="demo" id="demo-credentials"><strong>Simulated myUSCIS.</strong> Demo account: email
<code>${escapeHtml(input.demo.email)}</code>, password <code>${escapeHtml(input.demo.password)}</code>,
verification code <code>${escapeHtml(input.demo.code)}</code>.</div>
${errorBlock(input.error)}
<form method="post" action="/sign-in" id="sign-in-form">
${hidden('csrf', input.csrf)}${hidden('continue', input.continueTo)}
<input type="hidden" name="interaction" id="interaction" value="">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<label><input id="terms" name="terms" type="checkbox" value="accepted"> I agree to the Terms of Use</label>
<button type="submit" id="sign-in">Sign In</button>
</form>`,
    `(function(){var f=document.getElementById('interaction');
['email','password'].forEach(function(id){document.getElementById(id).addEventListener('keydown',function(e){if(e.isTrusted){f.value='keyboard';}});});
try{new EventSource('/sign-in/live');}catch(e){}})();`,
  );
}

export function verificationPage(input: { csrf: string; maskedEmail: string; code: string; error?: string }): string {
  return layout(
    'Verification Code',
    `<h1>Verification Code</h1>
<p>We sent a verification code to ${escapeHtml(input.maskedEmail)}. Enter it below.</p>
<div class="demo">Demo verification code: <code id="demo-code">${escapeHtml(input.code)}</code></div>
${errorBlock(input.error)}
<form method="post" action="/auth" id="verify-form">${hidden('csrf', input.csrf)}
<label for="code">Verification code</label><input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required>
<label><input id="remember" name="remember" type="checkbox" value="yes"> Remember this browser</label>
<button type="submit" id="submit-code">Submit</button></form>`,
  );
}

export function passkeyPage(input: { csrf: string; continueTo: string }): string {
  return layout(
    'Add a passkey',
    `<h1>Sign in faster with a passkey</h1>
<p>You can add a passkey to your account now, or skip and do it later.</p>
<form method="post" action="/passkey/skip">${hidden('csrf', input.csrf)}${hidden('continue', input.continueTo)}
<button type="submit" id="skip-passkey">Skip for now</button></form>`,
  );
}

export function accountDashboardPage(applicantUrl: string, email: string): string {
  return layout(
    'Dashboard',
    `<h1>myUSCIS account</h1><p>Signed in as ${escapeHtml(email)}.</p>
<p><a id="my-cases" href="${escapeHtml(applicantUrl)}">Go to my cases</a></p>
<p><a href="/sign-out">Sign out</a></p>`,
  );
}

export function lockedPage(minutes: number): string {
  return layout(
    'Account locked',
    `<h1>Account locked</h1><p class="error" role="alert" id="error">Too many incorrect sign-in attempts. Your account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}.</p>
<p><a href="/sign-in">Back to sign in</a></p>`,
  );
}

/**
 * JSON as the text of a <script> element: `<`, `>`, `&` and the two JavaScript line separators are
 * escaped, so no value (an applicant's name, say) can close the element or open another.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface ApplicantPageInput {
  applicantName: string;
  cases: Array<{ receipt: string; formType: string; formName: string }>;
  /** The CaseCardsApp entries embedded as JSON, as the real page does (react_on_rails). */
  caseCards: unknown[];
}

export function applicantPage(input: ApplicantPageInput): string {
  const cases = input.cases
    .map(
      (c) => `<article class="case" data-receipt="${escapeHtml(c.receipt)}" data-form-type="${escapeHtml(c.formType)}">
<h2>${escapeHtml(c.formType)}: ${escapeHtml(c.formName)}</h2><p>Receipt number <span class="receipt">${escapeHtml(c.receipt)}</span></p></article>`,
    )
    .join('\n');
  return layout(
    'My cases',
    `<h1>Welcome, ${escapeHtml(input.applicantName)}</h1><section id="cases" aria-label="Your cases">${cases}</section>
<script type="application/json" class="js-react-on-rails-component" data-component-name="CaseCardsApp" data-dom-id="CaseCardsApp-react-component-0">${jsonForScript({ cases: input.caseCards })}</script>
<div id="CaseCardsApp-react-component-0"></div>
<p><a href="/account/logout">Sign out</a></p>`,
  );
}

export function simplePage(title: string, message: string, status?: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>${status ? `<p><code>${escapeHtml(status)}</code></p>` : ''}<p>${escapeHtml(message)}</p>`);
}

/** A gateway's timeout page, as a proxy in front of an API serves it (no sign-in form, no JSON). */
export function gatewayTimeoutPage(): string {
  return '<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n</body>\r\n</html>\r\n';
}

/** Akamai's block page, in the shape scrapers of USCIS's sites report it (no verbatim capture from my.uscis.gov is public). */
export function accessDeniedPage(path: string, reference: string, host = 'my.uscis.gov'): string {
  return `<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \nYou don't have permission to access "http&#58;&#47;&#47;${host.replace(/\./g, '&#46;')}${escapeHtml(path).replace(/\//g, '&#47;')}" on this server.<P>\nReference&#32;&#35;${reference}\n<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;${reference}</P>\n</BODY>\n</HTML>\n`;
}

/** A maintenance page served with 200 where JSON was expected (the "HTML instead of JSON" fault). */
export function maintenancePage(): string {
  return simplePage('We are experiencing technical difficulties', 'Please try again later. We apologize for the inconvenience.');
}
