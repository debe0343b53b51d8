import { REPO_FLOWS_DIR } from '../../../server/src/createSwitchboard.js';
import { startFakeCloudApi } from '../../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { ADMIN, startTestServer, type TestServer } from '../../support/testServer.js';
import { buildDesigner } from './buildDesigner.js';

export { ADMIN };

export interface DesignerServer {
  url: string;
  server: TestServer;
  /** Calls the REST API as the admin (session cookie and CSRF header included). */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }>;
  close(): Promise<void>;
}

/**
 * The whole product in-process: the repository's example flows, a fake Cloud API and the designer
 * built from the current sources, served on a free loopback port.
 */
export async function startDesignerServer(): Promise<DesignerServer> {
  const designerDir = await buildDesigner();
  const fake = await startFakeCloudApi();
  const server = await startTestServer({ cloudApiUrl: fake.url, flowsDir: REPO_FLOWS_DIR, designerDir, clock: Date.now });
  let cookie = '';
  const api = async <T>(method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-requested-with': 'switchboard', cookie },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
  };
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'switchboard' },
      body: JSON.stringify(ADMIN),
    });
    if (!login.ok) throw new Error(`admin login failed: ${login.status}`);
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  } catch (error) {
    await server.close({ cleanup: true });
    await fake.close();
    throw error;
  }
  return {
    url: server.url,
    server,
    api,
    async close() {
      await server.close({ cleanup: true });
      await fake.close();
    },
  };
}
