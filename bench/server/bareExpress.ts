/** The baseline: a bare Express JSON endpoint, measured with the same load generator. */
import express from 'express';

const app = express();
app.use(express.json({ limit: '3mb' }));
app.post('/webhook/whatsapp', (req, res) => {
  res.json({ received: Array.isArray(req.body?.entry) ? req.body.entry.length : 0 });
});
const server = app.listen(0, () => {
  const address = server.address();
  process.stdout.write(`running at http://localhost:${typeof address === 'object' && address ? address.port : 0}\n`);
});
