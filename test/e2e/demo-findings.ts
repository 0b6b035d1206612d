/** What the recommended config finds in examples/demo-app: one line per finding (file, line, column, rule). */
export const DEMO_FINDINGS = [
  'src/whatsapp/cloud-api.ts:18:3 no-blind-retry',
  'src/whatsapp/cloud-api.ts:29:11 no-status-branching',
  'src/whatsapp/cloud-api.ts:60:5 exhaustive-error-codes',
  'src/whatsapp/cloud-api.ts:65:12 no-unknown-error-code',
  'src/whatsapp/digiworld.ts:6:21 require-idempotency-key',
  'src/whatsapp/digiworld.ts:10:29 no-blind-retry',
  'src/whatsapp/digiworld.ts:21:22 no-unknown-error-code',
  'src/whatsapp/msgbubbles.ts:16:23 no-unchecked-response',
  'src/whatsapp/msgbubbles.ts:16:23 require-idempotency-key',
  'src/whatsapp/msgbubbles.ts:48:7 no-message-branching',
  'src/whatsapp/status-webhook.ts:19:13 handle-failed-status',
  'src/whatsapp/wa-server.ts:12:9 no-status-branching',
  'src/whatsapp/wa-server.ts:14:5 preserve-error-code',
];
