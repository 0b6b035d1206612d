// Receives the Cloud API's message status webhook. A send accepted with HTTP 200 can still fail:
// the failure arrives here later, as a 'failed' status with errors[].
import type { WebhookStatus } from 'eslint-plugin-whatsapp-errors/catalog';

interface StatusRequest {
  body: { object: string; entry: { changes: { value: { statuses?: WebhookStatus[] } }[] }[] };
}
interface Reply {
  sendStatus(code: number): void;
}

const progress = new Map<string, 'sent' | 'delivered' | 'read'>();

// ❌ Tracks sent, delivered and read; a failed status (131047: the 24-hour window closed, 131026: not on WhatsApp) is dropped.
export function onStatusWebhook(req: StatusRequest, res: Reply): void {
  for (const entry of req.body.entry) {
    for (const change of entry.changes) {
      for (const status of change.value.statuses ?? []) {
        if (status.status === 'sent' || status.status === 'delivered' || status.status === 'read') progress.set(status.id, status.status);
      }
    }
  }
  res.sendStatus(200);
}

// ✅ Acts on the failure by its code.
export async function onStatusWebhookSafely(req: StatusRequest, res: Reply): Promise<void> {
  for (const entry of req.body.entry) {
    for (const change of entry.changes) {
      for (const status of change.value.statuses ?? []) {
        if (status.status !== 'failed') continue;
        const [error] = status.errors ?? [];
        switch (error?.code) {
          case 131047:
            await sendTemplateInstead(status.id);
            break;
          case 131026:
            await markUnreachable(status.recipient_id);
            break;
          default:
            console.error('WhatsApp send failed', status.id, error?.code);
        }
      }
    }
  }
  res.sendStatus(200);
}

async function sendTemplateInstead(messageId: string): Promise<void> {
  console.log('re-engage with a template instead of', messageId);
}

async function markUnreachable(recipient: string | undefined): Promise<void> {
  console.log('stop sending to', recipient);
}
