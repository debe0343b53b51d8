import { REPO_FLOWS_DIR } from '../../../server/src/createSwitchboard.js';
import { startFakeCloudApi, type FakeCloudApi } from '../../../server/src/channels/whatsapp/testing/fakeCloudApi.js';
import { signIn, type ApiClient } from '../../support/apiClient.js';
import { ADMIN, startTestServer, textWebhook, type TestServer } from '../../support/testServer.js';
import { sentMessages } from '../../server/cloudBodies.js';
import { buildDesigner } from './buildDesigner.js';

export interface OperatorsServer {
  url: string;
  server: TestServer;
  fake: FakeCloudApi;
  admin: ApiClient;
  /** A customer's text message through a signed webhook, timestamped now. */
  customerSays(input: { from: string; text: string; name: string }): Promise<Response>;
  /** Texts the fake Cloud API was asked to send to this customer, in order. */
  sentTo(customer: string): string[];
  close(): Promise<void>;
}

/** The real example flows, a fake Cloud API and the built designer, with the admin signed in over the API. */
export async function startOperatorsServer(): Promise<OperatorsServer> {
  const designerDir = await buildDesigner();
  const fake = await startFakeCloudApi();
  const server = await startTestServer({ cloudApiUrl: fake.url, flowsDir: REPO_FLOWS_DIR, designerDir, clock: Date.now });
  let wamid = 0;
  try {
    const admin = await signIn(server.url, ADMIN);
    return {
      url: server.url,
      server,
      fake,
      admin,
      customerSays({ from, text, name }) {
        wamid += 1;
        return server.postWebhook(textWebhook({ from, name, text, wamid: `wamid.ops.${wamid}`, timestampSec: Math.floor(Date.now() / 1000) }));
      },
      sentTo: (customer) => sentMessages(fake.requests).filter((m) => m.to === customer || m.to === `+${customer}`).map((m) => m.text),
      async close() {
        await server.close({ cleanup: true });
        await fake.close();
      },
    };
  } catch (error) {
    await server.close({ cleanup: true });
    await fake.close();
    throw error;
  }
}
