// A real OpenID Connect provider (oidc-provider, OpenID certified) standing in for
// BundID (or any OpenID Connect provider): the portal's tests drive the whole redirect flow against
// it, and `make eid-provider` starts it for trying the eID log-in locally.
//
// Environment:
//   OP_HOST, OP_PORT            where to listen (port 0: any free port), default 127.0.0.1:8090
//   OP_CLIENT_ID, OP_CLIENT_SECRET   the portal's client, default herne-portal / herne-secret
//   OP_REDIRECT_URIS            comma-separated callback URLs of the portal
//   OP_POST_LOGOUT_URIS         comma-separated URLs the provider may return to after log-out
//   OP_TEST_HOOKS=1             allow POST /test/next-token to tamper with the next ID token
// On start it prints one line "READY <issuer>" to stdout.

import http from 'node:http';
import { URLSearchParams } from 'node:url';
import * as jose from 'jose';
import Provider from 'oidc-provider';

const host = process.env.OP_HOST || '127.0.0.1';
const port = Number(process.env.OP_PORT ?? 8090);
const clientId = process.env.OP_CLIENT_ID || 'herne-portal';
const clientSecret = process.env.OP_CLIENT_SECRET || 'herne-secret';
const list = (value, fallback) => (value ? value.split(',').map((v) => v.trim()).filter(Boolean) : fallback);
const redirectUris = list(process.env.OP_REDIRECT_URIS, ['http://localhost:8080/herne/acl_users/oidc/callback']);
const postLogoutUris = list(process.env.OP_POST_LOGOUT_URIS, ['http://localhost:8080/herne/logged-out']);
const testHooks = process.env.OP_TEST_HOOKS === '1';

// Citizens known to the provider, with the claims an eID read-out gives.
const ACCOUNTS = {
  'erika': {
    sub: 'a1b2c3-erika-mustermann',
    given_name: 'Erika',
    family_name: 'Mustermann',
    birthdate: '1964-08-12',
    email: 'erika.mustermann@example.org',
    email_verified: true,
    address: { street_address: 'Friedrich-Ebert-Platz 2', postal_code: '44623', locality: 'Herne', country: 'DE' },
  },
  'max': {
    sub: 'd4e5f6-max-muster',
    given_name: 'Max',
    family_name: 'Muster',
    birthdate: '1990-01-31',
    email: 'max.muster@example.org',
    email_verified: true,
    address: { street_address: 'Bahnhofstraße 10', postal_code: '44623', locality: 'Herne', country: 'DE' },
  },
};
const bySub = Object.fromEntries(Object.values(ACCOUNTS).map((a) => [a.sub, a]));

const { privateKey, publicKey } = await jose.generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await jose.exportJWK(privateKey)), kid: 'herne-test-key', alg: 'RS256', use: 'sig' };

// What the next token response does to its ID token (test hooks only).
let nextTokenChange = null;

const server = http.createServer();
await new Promise((resolve) => server.listen(port, host, resolve));
const issuer = `http://${host}:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: redirectUris,
    post_logout_redirect_uris: postLogoutUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  jwks: { keys: [signingJwk] },
  pkce: { required: () => true },
  acrValues: ['basic', 'substantial', 'high', 'unbekannt'],
  scopes: ['openid', 'profile', 'email', 'address', 'offline_access'],
  claims: {
    acr: null,
    address: ['address'],
    email: ['email', 'email_verified'],
    profile: ['given_name', 'family_name', 'birthdate'],
  },
  cookies: { keys: ['herne-eid-test-provider-cookie-key'] },
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, sub) {
    const account = bySub[sub];
    if (!account) return undefined;
    return { accountId: sub, async claims() { return { ...account }; } };
  },
  // First-party client: the citizen is not asked for consent.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile email address');
    await grant.save();
    return grant;
  },
});

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token' && ctx.body?.id_token && nextTokenChange) {
    const change = nextTokenChange;
    nextTokenChange = null;
    ctx.body = { ...ctx.body, id_token: await changeIdToken(ctx.body.id_token, change) };
  }
});

async function sign(claims) {
  return new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: signingJwk.kid }).sign(privateKey);
}

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function changeIdToken(token, change) {
  const claims = jose.decodeJwt(token);
  const now = Math.floor(Date.now() / 1000);
  switch (change.mode) {
    case 'issuer': return sign({ ...claims, iss: 'http://evil.example' });
    case 'audience': return sign({ ...claims, aud: 'another-client' });
    case 'expired': return sign({ ...claims, iat: now - 7200, exp: now - 3600 });
    case 'no-nonce': { const { nonce, ...rest } = claims; return sign(rest); }
    case 'nonce': return sign({ ...claims, nonce: change.value });
    case 'acr': return sign({ ...claims, acr: change.value });
    case 'alg-none': return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    case 'tampered': {
      const [header, , signature] = token.split('.');
      return `${header}.${b64({ ...claims, sub: bySub[change.value]?.sub || 'someone-else' })}.${signature}`;
    }
    case 'foreign-key': {
      const other = await jose.generateKeyPair('RS256');
      return new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: signingJwk.kid }).sign(other.privateKey);
    }
    default: return token;
  }
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, details) {
  const requested = details.params.acr_values || 'substantial';
  const options = Object.keys(ACCOUNTS).map((login) => `<option value="${login}">${escape(ACCOUNTS[login].given_name)} ${escape(ACCOUNTS[login].family_name)}</option>`).join('');
  const levels = ['basic', 'substantial', 'high'].map((level) => `<option value="${level}"${level === requested.split(' ')[0] ? ' selected' : ''}>${level}</option>`).join('');
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Test-eID-Anmeldung</title></head>
<body><main><h1>Test-eID-Anmeldung (nur für Tests)</h1>
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">Person</label> <select id="login" name="login">${options}</select>
<label for="acr">Vertrauensniveau</label> <select id="acr" name="acr">${levels}</select>
<button type="submit">Anmelden</button></form></main></body></html>`;
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const handleProvider = provider.callback();

server.on('request', async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    const match = url.pathname.match(/^\/interaction\/([^/]+)(\/login)?$/);
    if (match && req.method === 'GET' && !match[2]) {
      const details = await provider.interactionDetails(req, res);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(loginPage(details.uid, details));
      return;
    }
    if (match && req.method === 'POST' && match[2]) {
      const form = await readForm(req);
      const account = ACCOUNTS[form.get('login')];
      if (!account) {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('unknown person');
        return;
      }
      await provider.interactionFinished(req, res, {
        login: { accountId: account.sub, acr: form.get('acr') || 'substantial', amr: ['eid'] },
      }, { mergeWithLastSubmission: false });
      return;
    }
    if (testHooks && url.pathname === '/test/next-token' && req.method === 'POST') {
      const form = await readForm(req);
      nextTokenChange = { mode: form.get('mode'), value: form.get('value') };
      res.writeHead(204);
      res.end();
      return;
    }
    handleProvider(req, res);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(String(error));
  }
});

console.log(`READY ${issuer}`);
