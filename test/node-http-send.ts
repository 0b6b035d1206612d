/**
 * A send through Node's `https.request` wrapped in a promise made by hand, as
 * older apps and tutorials write it (shared by the rules' tests): `options`
 * as written in the call, `end` the body of the response's `'end'` handler
 * (`data` holds the body's text there, `resolve` and `reject` settle the
 * promise), `head` the file's first line (the import).
 */
import { code } from './rule-tester.js';

export const nodeHttpSend = (options: string, end: string, head = "const https = require('https');"): string => code`
  ${head}
  export function sendText(to: string, text: string) {
    const payload = JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
    return new Promise((resolve, reject) => {
      const req = https.request(${options}, (res) => {
        let data = '';
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => { ${end} });
      });
      req.on('error', reject);
      req.write(payload);
      req.end();
    });
  }
`;

/** The Cloud API's messages endpoint, as `https.request` options. */
export const NODE_META_OPTIONS = "{ hostname: 'graph.facebook.com', path: `/v21.0/${process.env.WHATSAPP_PHONE_NUMBER_ID}/messages`, method: 'POST' }";
