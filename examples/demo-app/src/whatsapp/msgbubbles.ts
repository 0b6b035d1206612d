// Sends messages through MsgBubbles (api.msgbubbles.com).
import pRetry from 'p-retry';

const BUBBLES = 'https://api.msgbubbles.com/v1/messages';

export interface Outgoing {
  from: string;
  to: string;
  text: string;
}

// ❌ fetch resolves on HTTP errors: a rejected send is read as a success;
// ❌ retried without an Idempotency-Key, so a lost response can send the message twice.
export function sendBubble(message: Outgoing) {
  return pRetry(async () => {
    const res = await fetch(BUBBLES, {
      method: 'POST',
      headers: { Authorization: `Bearer ${process.env.BUBBLES_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ to: message.to, from_handle: message.from, text: message.text, channel: 'whatsapp' }),
    });
    const body = await res.json();
    return body.data.id as string;
  }, { retries: 3 });
}

// ✅ Checks the response, keeps one key per message, and retries only 5xx and 429.
export function sendBubbleSafely(message: Outgoing, idempotencyKey: string) {
  return pRetry(async () => {
    const res = await fetch(BUBBLES, {
      method: 'POST',
      headers: { Authorization: `Bearer ${process.env.BUBBLES_KEY}`, 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify({ to: message.to, from_handle: message.from, text: message.text, channel: 'whatsapp' }),
    });
    const body = await res.json();
    if (!res.ok) throw Object.assign(new Error(body.message), { code: body.error, status: res.status });
    return body.data.id as string;
  }, {
    retries: 3,
    shouldRetry: (error: { status?: number }) => error.status === 429 || (error.status ?? 0) >= 500,
  });
}

// ❌ The message text may change; MsgBubbles says to branch on the stable code.
export async function sendOrBackOff(message: Outgoing): Promise<'sent' | 'later'> {
  const res = await fetch(BUBBLES, { method: 'POST', body: JSON.stringify({ to: message.to, from_handle: message.from, text: message.text }) });
  if (res.ok) return 'sent';
  const body = await res.json();
  if (body.message.includes('Rate limit')) return 'later';
  throw Object.assign(new Error(body.message), { code: body.error });
}
